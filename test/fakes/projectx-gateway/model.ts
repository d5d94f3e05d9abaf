// The fake gateway's broker: accounts, contracts, positions, orders and trades as ProjectX reports them (field
// names and enums of docs/brokers/PROJECTX.md sections 2 and 3), with exact money. Fills move positions and balances; every
// change is returned as the user-hub events the real gateway would push.
import Decimal from 'decimal.js';

export type FakeAccount = {
  id: number;
  name: string;
  balance: Decimal;
  canTrade: boolean;
  isVisible: boolean;
  simulated: boolean;
};
export type FakeContract = {
  id: string;
  name: string;
  description: string;
  tickSize: number;
  tickValue: number;
  symbolId: string;
};
export type FakePosition = {
  id: number;
  accountId: number;
  contractId: string;
  creationTimestamp: string;
  type: 1 | 2;
  size: number;
  averagePrice: Decimal;
};
export type FakeOrder = {
  id: number;
  accountId: number;
  contractId: string;
  creationTimestamp: string;
  updateTimestamp: string;
  status: number;
  type: number;
  side: 0 | 1;
  size: number;
  limitPrice: number | null;
  stopPrice: number | null;
  fillVolume: number;
  filledPrice: number | null;
  customTag: string | null;
};
export type FakeTrade = {
  id: number;
  accountId: number;
  contractId: string;
  creationTimestamp: string;
  price: number;
  profitAndLoss: number | null;
  fees: number;
  side: 0 | 1;
  size: number;
  voided: boolean;
  orderId: number;
};
export type Quote = { bestBid?: number; bestAsk?: number; lastPrice?: number };
/** A user-hub event: its target and the one argument (wrapped as the live feed does). */
export type UserEvent = { target: string; accountId: number; entity: object; action: number };

/** "2026-03-19T13:12:04.118274+00:00": six fractional digits and an offset, as captured from the live feed. */
export function wireTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}274+00:00`;
}

export function createModel(options: { feePerContract?: string } = {}) {
  const fee = new Decimal(options.feePerContract ?? '0.37');
  const accounts = new Map<number, FakeAccount>();
  const contracts = new Map<string, FakeContract>();
  const positions = new Map<string, FakePosition>();
  const orders = new Map<number, FakeOrder>();
  const trades: FakeTrade[] = [];
  const quotes = new Map<string, Quote>();
  let nextPositionId = 636628522;
  let nextOrderId = 2669189964;
  let nextTradeId = 2314563086;
  const key = (accountId: number, contractId: string) => `${accountId}|${contractId}`;

  const accountWire = (a: FakeAccount) => ({ ...a, balance: a.balance.toNumber() });
  const positionWire = (p: FakePosition) => ({ ...p, averagePrice: p.averagePrice.toNumber() });
  const contractWire = (c: FakeContract) => ({ ...c, activeContract: true });

  const pointValue = (contractId: string) => {
    const c = contracts.get(contractId);
    if (c === undefined) throw new Error(`fake gateway: no contract ${contractId}`);
    return new Decimal(c.tickValue).dividedBy(c.tickSize);
  };

  /** A fill at `price`: the trade, the position it leaves, the balance it books (P&L gross, fees per contract). */
  function fill(
    accountId: number,
    contractId: string,
    side: 0 | 1,
    size: number,
    price: number,
    orderId?: number,
  ): UserEvent[] {
    const account = accounts.get(accountId);
    if (account === undefined) throw new Error(`fake gateway: no account ${accountId}`);
    const now = Date.now();
    const held = positions.get(key(accountId, contractId));
    const heldSigned = held === undefined ? 0 : held.type === 1 ? held.size : -held.size;
    const signed = side === 0 ? size : -size;
    const closing =
      heldSigned !== 0 && Math.sign(heldSigned) !== Math.sign(signed)
        ? Math.min(Math.abs(heldSigned), size)
        : 0;
    const pnl =
      held === undefined || closing === 0
        ? null
        : new Decimal(price)
            .minus(held.averagePrice)
            .times(closing)
            .times(pointValue(contractId))
            .times(Math.sign(heldSigned));
    const fees = fee.times(size);
    const trade: FakeTrade = {
      id: nextTradeId++,
      accountId,
      contractId,
      creationTimestamp: wireTime(now),
      price,
      profitAndLoss: pnl === null ? null : pnl.toNumber(),
      fees: fees.toNumber(),
      side,
      size,
      voided: false,
      orderId: orderId ?? nextOrderId++,
    };
    trades.push(trade);
    account.balance = account.balance.plus(pnl ?? 0).minus(fees);
    const after = heldSigned + signed;
    let position: FakePosition;
    if (after === 0 && held !== undefined) {
      positions.delete(key(accountId, contractId));
      position = { ...held, size: 0 };
    } else if (held === undefined || Math.sign(after) !== Math.sign(heldSigned)) {
      position = {
        id: nextPositionId++,
        accountId,
        contractId,
        creationTimestamp: wireTime(now),
        type: after > 0 ? 1 : 2,
        size: Math.abs(after),
        averagePrice: new Decimal(price),
      };
      positions.set(key(accountId, contractId), position);
    } else if (closing > 0) {
      position = { ...held, size: Math.abs(after) };
      positions.set(key(accountId, contractId), position);
    } else {
      const cost = held.averagePrice.times(held.size).plus(new Decimal(price).times(size));
      position = { ...held, size: Math.abs(after), averagePrice: cost.dividedBy(Math.abs(after)) };
      positions.set(key(accountId, contractId), position);
    }
    return [
      { target: 'GatewayUserTrade', accountId, entity: trade, action: 0 },
      {
        target: 'GatewayUserPosition',
        accountId,
        entity: positionWire(position),
        action: position.size === 0 ? 2 : 1,
      },
      { target: 'GatewayUserAccount', accountId, entity: accountWire(account), action: 1 },
    ];
  }

  function placeOrder(
    order: Omit<
      FakeOrder,
      'id' | 'creationTimestamp' | 'updateTimestamp' | 'fillVolume' | 'filledPrice' | 'customTag' | 'status'
    > & { status?: number; customTag?: string },
  ): { order: FakeOrder; events: UserEvent[] } {
    const now = wireTime(Date.now());
    const placed: FakeOrder = {
      status: 1,
      customTag: null,
      ...order,
      id: nextOrderId++,
      creationTimestamp: now,
      updateTimestamp: now,
      fillVolume: 0,
      filledPrice: null,
    };
    orders.set(placed.id, placed);
    return {
      order: placed,
      events: [{ target: 'GatewayUserOrder', accountId: placed.accountId, entity: placed, action: 0 }],
    };
  }

  function setOrderStatus(id: number, status: number): UserEvent[] {
    const order = orders.get(id);
    if (order === undefined) return [];
    order.status = status;
    order.updateTimestamp = wireTime(Date.now());
    if (status !== 1 && status !== 6 && status !== 8) orders.delete(id);
    return [{ target: 'GatewayUserOrder', accountId: order.accountId, entity: { ...order }, action: 1 }];
  }

  /** The price a market order closing `side`'s position would get: the bid for a sale, the ask for a purchase. */
  function marketPrice(contractId: string, side: 0 | 1): number | undefined {
    const q = quotes.get(contractId);
    return side === 1 ? (q?.bestBid ?? q?.lastPrice) : (q?.bestAsk ?? q?.lastPrice);
  }

  return {
    accounts,
    contracts,
    positions,
    orders,
    trades,
    quotes,
    key,
    accountWire,
    positionWire,
    contractWire,
    fill,
    placeOrder,
    setOrderStatus,
    marketPrice,
  };
}

export type Model = ReturnType<typeof createModel>;
