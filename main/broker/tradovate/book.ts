// The adapter's picture of what Tradovate reported (docs/brokers/TRADOVATE.md section 5): the latest of each
// entity by id, orders with their latest version, and the chain contract → maturity → product that prices a
// contract. Entities arrive whole (Tradovate sends the full entity on every update), so each replaces the last.
// No I/O and no events here: events.ts reads the book.
import type { EntityType, TvEntity } from './parse/entity-kinds';
import type {
  TvAccount,
  TvAccountRiskStatus,
  TvCashBalance,
  TvContract,
  TvContractMaturity,
  TvFill,
  TvFillFee,
  TvFillPair,
  TvMarginSnapshot,
  TvOrder,
  TvOrderVersion,
  TvPosition,
  TvProduct,
  TvUserAccountAutoLiq,
} from './parse/entities';

/** A contract month's letter and year at the end of its name: MNQZ6 → MNQ, ESH27 → ES. */
const MONTH_CODE = /^([A-Z0-9]+?)[FGHJKMNQUVXZ]\d{1,2}$/;

/** Where a contract's product comes from, or what is still missing to find it (the adapter fetches that). */
export type ProductLookup =
  | { found: true; contract: TvContract; product: TvProduct }
  | {
      found: false;
      missing: { contractId?: string; maturityId?: string; productId?: string; productName?: string };
    };

export function createTradovateBook() {
  const accounts = new Map<string, TvAccount>();
  /** By account: an account has one cash balance a day (a newer trade date replaces it). */
  const cashBalances = new Map<string, TvCashBalance>();
  const riskStatuses = new Map<string, TvAccountRiskStatus>();
  const autoLiqs = new Map<string, TvUserAccountAutoLiq>();
  const margins = new Map<string, TvMarginSnapshot>();
  const positions = new Map<string, TvPosition>();
  const orders = new Map<string, TvOrder>();
  /** By order: the version with the highest id, the one in force. */
  const versions = new Map<string, TvOrderVersion>();
  const fills = new Map<string, TvFill>();
  const fillPairs = new Map<string, TvFillPair>();
  /** By fill id. */
  const fillFees = new Map<string, TvFillFee>();
  const contracts = new Map<string, TvContract>();
  const maturities = new Map<string, TvContractMaturity>();
  const products = new Map<string, TvProduct>();

  /** The per-account entities name their account by `accountId` when sent, else by their own id. */
  const accountOf = (entity: { id: string; accountId?: string | null | undefined }) =>
    entity.accountId ?? entity.id;

  const put = (entity: TvEntity): void => {
    switch (entity.type) {
      case 'account':
        return void accounts.set(entity.value.id, entity.value);
      case 'cashBalance':
        return void cashBalances.set(entity.value.accountId, entity.value);
      case 'accountRiskStatus':
        return void riskStatuses.set(accountOf(entity.value), entity.value);
      case 'userAccountAutoLiq':
        return void autoLiqs.set(accountOf(entity.value), entity.value);
      case 'marginSnapshot':
        return void margins.set(accountOf(entity.value), entity.value);
      case 'position':
        return void positions.set(entity.value.id, entity.value);
      case 'order':
        return void orders.set(entity.value.id, entity.value);
      case 'orderVersion': {
        const known = versions.get(entity.value.orderId);
        if (known === undefined || BigInt(known.id) <= BigInt(entity.value.id))
          versions.set(entity.value.orderId, entity.value);
        return;
      }
      case 'fill':
        return void fills.set(entity.value.id, entity.value);
      case 'fillPair':
        return void fillPairs.set(entity.value.id, entity.value);
      case 'fillFee':
        return void fillFees.set(entity.value.id, entity.value);
      case 'contract':
        return void contracts.set(entity.value.id, entity.value);
      case 'contractMaturity':
        return void maturities.set(entity.value.id, entity.value);
      case 'product':
        return void products.set(entity.value.id, entity.value);
    }
  };

  /** A Deleted push: what goes. A deleted fill is kept (inactive) so that its bust is remembered. */
  const remove = (entity: TvEntity): void => {
    if (entity.type === 'fill') {
      put({ type: 'fill', value: { ...entity.value, active: false } });
      return;
    }
    const maps: Partial<Record<EntityType, Map<string, unknown>>> = {
      account: accounts,
      position: positions,
      order: orders,
      fillPair: fillPairs,
      fillFee: fillFees,
      contract: contracts,
      contractMaturity: maturities,
      product: products,
    };
    if (entity.type === 'orderVersion') versions.delete(entity.value.orderId);
    else if (entity.type === 'cashBalance') cashBalances.delete(entity.value.accountId);
    else maps[entity.type]?.delete(entity.value.id);
  };

  const productOf = (contractId: string): ProductLookup =>
    findProduct(contractId, contracts, maturities, products);

  /** Contracts filled on an order, bust fills left out. */
  const filledQty = (orderId: string): number => {
    let total = 0;
    for (const fill of fills.values()) if (fill.orderId === orderId && fill.active) total += fill.qty;
    return total;
  };

  /** Every table the book holds, as the book exposes them; `clear` empties them all. */
  const tables = {
    accounts,
    cashBalances,
    riskStatuses,
    autoLiqs,
    margins,
    positions,
    orders,
    versions,
    fills,
    fillPairs,
    fillFees,
    contracts,
    maturities,
    products,
  };

  const clear = (): void => {
    for (const map of Object.values(tables) as Map<string, unknown>[]) map.clear();
  };

  return {
    ...tables,
    put,
    remove,
    productOf,
    filledQty,
    clear,
  };
}

export type TradovateBook = ReturnType<typeof createTradovateBook>;

/** Contract → maturity → product, by id; by the product's name when no id leads there. */
function findProduct(
  contractId: string,
  contracts: ReadonlyMap<string, TvContract>,
  maturities: ReadonlyMap<string, TvContractMaturity>,
  products: ReadonlyMap<string, TvProduct>,
): ProductLookup {
  const contract = contracts.get(contractId);
  if (contract === undefined) return { found: false, missing: { contractId } };
  const maturity =
    contract.contractMaturityId == null ? undefined : maturities.get(contract.contractMaturityId);
  const productId = contract.productId ?? maturity?.productId;
  const byId = productId == null ? undefined : products.get(productId);
  if (byId !== undefined) return { found: true, contract, product: byId };
  // Without the product's id, its name: the maturity's, else the contract's name without its month.
  const productName = maturity?.productName ?? MONTH_CODE.exec(contract.name)?.[1];
  const byName = [...products.values()].find((p) => p.name === productName);
  if (byName !== undefined) return { found: true, contract, product: byName };
  if (productId == null && contract.contractMaturityId != null && maturity === undefined)
    return { found: false, missing: { maturityId: contract.contractMaturityId } };
  return {
    found: false,
    missing: {
      ...(productId == null ? {} : { productId }),
      ...(productName === undefined ? {} : { productName }),
    },
  };
}
