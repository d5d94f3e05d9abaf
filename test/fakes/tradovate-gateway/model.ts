// The fake Tradovate broker's books: users, accounts and every entity `user/syncrequest` reports, kept as the wire
// objects themselves (field names of /work/shared/TRADOVATE.md). Changes go through trading.ts, which returns the
// `props` pushes they cause.

export type Action = 'Buy' | 'Sell';
export type EventType = 'Created' | 'Updated' | 'Deleted';
export type TradeDate = { year: number; month: number; day: number };

export type User = { id: number; name: string; password: string };
export type Account = {
  id: number;
  name: string;
  userId: number;
  accountType: string;
  active: boolean;
  archived: boolean;
  restricted: boolean;
  closed: boolean;
  clearingHouseId: number;
  riskCategoryId: number;
  autoLiqProfileId: number;
  marginAccountType: string;
  legalStatus: string;
  timestamp: string;
};
export type CashBalance = {
  id: number;
  accountId: number;
  timestamp: string;
  tradeDate: TradeDate;
  currencyId: number;
  amount: number;
  realizedPnl: number;
  weekRealizedPnL: number;
};
export type Position = {
  id: number;
  accountId: number;
  contractId: number;
  timestamp: string;
  tradeDate: TradeDate;
  netPos: number;
  netPrice?: number;
  bought: number;
  boughtValue: number;
  sold: number;
  soldValue: number;
  prevPos: number;
};
export type OrderStatus = 'PendingNew' | 'Working' | 'Filled' | 'Canceled' | 'Rejected' | 'Suspended';
export type OrderType = 'Market' | 'Limit' | 'Stop' | 'StopLimit';
export type Order = {
  id: number;
  accountId: number;
  contractId: number;
  timestamp: string;
  action: Action;
  ordStatus: OrderStatus;
  executionProviderId: number;
  archived: boolean;
  external: boolean;
  admin: boolean;
};
export type OrderVersion = {
  id: number;
  orderId: number;
  orderQty: number;
  orderType: OrderType;
  price?: number;
  stopPrice?: number;
  timeInForce: 'Day';
};
export type Fill = {
  id: number;
  orderId: number;
  contractId: number;
  timestamp: string;
  tradeDate: TradeDate;
  action: Action;
  qty: number;
  price: number;
  active: boolean;
  finallyPaired: number;
};
export type FillPair = {
  id: number;
  positionId: number;
  buyFillId: number;
  sellFillId: number;
  qty: number;
  buyPrice: number;
  sellPrice: number;
  active: boolean;
};
export type Contract = {
  id: number;
  name: string;
  contractMaturityId: number;
  status: string;
  providerTickSize: number;
};
export type ContractMaturity = {
  id: number;
  productId: number;
  expirationMonth: number;
  expirationDate: string;
  isFront: boolean;
  archived: boolean;
};
export type Product = {
  id: number;
  name: string;
  currencyId: number;
  productType: 'Futures';
  description: string;
  exchangeId: number;
  contractGroupId: number;
  status: string;
  valuePerPoint: number;
  tickSize: number;
  priceFormatType: 'Decimal';
  priceFormat: number;
};
export type UserAccountAutoLiq = {
  id: number;
  changesLocked: boolean;
  dailyLossAutoLiq?: number;
  trailingMaxDrawdown?: number;
  trailingMaxDrawdownMode?: 'EOD' | 'RealTime';
  dailyProfitAutoLiq?: number;
  flattenTimestamp?: string;
  doNotUnlock?: boolean;
};
export type AccountRiskStatus = {
  id: number;
  adminAction?: string;
  adminTimestamp?: string;
  /** When liquidate-only mode was set; absent = normal (the spec's spelling; our docs say `liquidateOnly`). */
  liquidationOnly?: string;
  userTriggeredLiqOnly: boolean;
};
export type MarginSnapshot = {
  id: number;
  timestamp: string;
  riskTimePeriodId: number;
  initialMargin: number;
  maintenanceMargin: number;
  autoLiqLevel: number;
  liqOnlyLevel: number;
  totalUsedMargin: number;
  fullInitialMargin: number;
};
export type Quote = { bid?: number; offer?: number; trade?: number; size?: number };

/** One `props` push: the entity changed and the user whose sockets hear of it. */
export type PropsEvent = { userId: number; entityType: string; eventType: EventType; entity: object };

/** The snapshot's collections, by entity type (the `props` entityType; the snapshot key is its plural). */
export const ENTITY_TYPES = [
  'account',
  'accountRiskStatus',
  'cashBalance',
  'position',
  'order',
  'orderVersion',
  'fill',
  'fillPair',
  'contract',
  'contractMaturity',
  'product',
  'userAccountAutoLiq',
  'marginSnapshot',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export function createModel() {
  return {
    users: new Map<number, User>(),
    accounts: new Map<number, Account>(),
    /** Cash at the start of the trade date, per account: `amount` = this + realized P&L. */
    startOfDay: new Map<number, number>(),
    cashBalances: new Map<number, CashBalance>(),
    positions: new Map<number, Position>(),
    orders: new Map<number, Order>(),
    orderVersions: new Map<number, OrderVersion>(),
    fills: new Map<number, Fill>(),
    fillPairs: new Map<number, FillPair>(),
    contracts: new Map<number, Contract>(),
    contractMaturities: new Map<number, ContractMaturity>(),
    products: new Map<number, Product>(),
    userAccountAutoLiqs: new Map<number, UserAccountAutoLiq>(),
    accountRiskStatuses: new Map<number, AccountRiskStatus>(),
    marginSnapshots: new Map<number, MarginSnapshot>(),
    quotes: new Map<number, Quote>(),
    nextId: 900_000_001,
  };
}

export type Model = ReturnType<typeof createModel>;

/** The snapshot key (and the model's collection) of each entity type. */
export const PLURAL = {
  account: 'accounts',
  accountRiskStatus: 'accountRiskStatuses',
  cashBalance: 'cashBalances',
  position: 'positions',
  order: 'orders',
  orderVersion: 'orderVersions',
  fill: 'fills',
  fillPair: 'fillPairs',
  contract: 'contracts',
  contractMaturity: 'contractMaturities',
  product: 'products',
  userAccountAutoLiq: 'userAccountAutoLiqs',
  marginSnapshot: 'marginSnapshots',
} as const satisfies Record<EntityType, keyof Model>;

export function collection(model: Model, type: EntityType): Map<number, object> {
  return model[PLURAL[type]];
}

/** The account an entity belongs to (undefined for contracts, maturities and products, which everyone sees). */
export function accountOfEntity(model: Model, type: EntityType, entity: object): number | undefined {
  const e = entity as { id: number; accountId?: number; orderId?: number; buyFillId?: number };
  switch (type) {
    case 'account':
    case 'accountRiskStatus':
    case 'userAccountAutoLiq':
    case 'marginSnapshot':
      return e.id;
    case 'cashBalance':
    case 'position':
    case 'order':
      return e.accountId;
    case 'orderVersion':
    case 'fill':
      return model.orders.get(e.orderId ?? 0)?.accountId;
    case 'fillPair':
      return model.orders.get(model.fills.get(e.buyFillId ?? 0)?.orderId ?? 0)?.accountId;
    default:
      return undefined;
  }
}

/** Every entity of a type that a user may see. */
export function visibleTo(model: Model, userId: number, type: EntityType): object[] {
  const mine = accountIdsOf(model, userId);
  return [...collection(model, type).values()].filter((entity) => {
    const accountId = accountOfEntity(model, type, entity);
    return accountId === undefined || mine.has(accountId);
  });
}

/** The user owning an account (for routing pushes and scoping lists). */
export function userOf(model: Model, accountId: number): number {
  const account = model.accounts.get(accountId);
  if (account === undefined) throw new Error(`fake Tradovate: no account ${accountId}`);
  return account.userId;
}

export function productOf(model: Model, contractId: number): Product {
  const contract = model.contracts.get(contractId);
  const maturity = contract && model.contractMaturities.get(contract.contractMaturityId);
  const product = maturity && model.products.get(maturity.productId);
  if (product === undefined) throw new Error(`fake Tradovate: no product for contract ${contractId}`);
  return product;
}

/** A contract by id, by name (`MNQZ6`) or by product name (`MNQ`: its front month). */
export function findContract(model: Model, key: string | number): Contract | undefined {
  const byId = model.contracts.get(Number(key));
  if (byId !== undefined) return byId;
  const name = String(key).toUpperCase();
  for (const contract of model.contracts.values()) {
    if (contract.name === name) return contract;
    if (productOf(model, contract.id).name === name) return contract;
  }
  return undefined;
}

/** The accounts of one user, and whether an entity (by its account) belongs to that user. */
export function accountIdsOf(model: Model, userId: number): Set<number> {
  return new Set([...model.accounts.values()].filter((a) => a.userId === userId).map((a) => a.id));
}

export function tradeDateOf(ms: number): TradeDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
