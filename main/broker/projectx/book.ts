// The adapter's picture of what ProjectX reported: partial updates are merged into the known entity by id, and
// each complete entity becomes a normalized BrokerEvent (docs/brokers/PROJECTX.md sections 3.3, 3.4 and 5). No I/O here.
import type {
  AccountEvent,
  FillEvent,
  InstrumentEvent,
  OrderEvent,
  OrderKind,
  OrderStatus,
  PositionEvent,
  QuoteEvent,
} from '../../../shared/domain/events';
import { ZERO } from '../../../shared/domain/money';
import type { PxAccount, PxContract, PxOrder, PxPosition, PxQuote, PxTrade } from './parse';
import { contractUnderlying } from './underlying';

export type Mapped<T> = { ok: true; event: T } | { ok: false; error: string };

/** OrderStatus (section 3.4): Pending, PendingCancellation and Suspended bracket children still count as working. */
const STATUS: Record<number, OrderStatus | undefined> = {
  1: 'working',
  2: 'filled',
  3: 'cancelled',
  4: 'cancelled',
  5: 'rejected',
  6: 'working',
  7: 'working',
  8: 'working',
};
/** OrderType: StopLimit and TrailingStop protect like stops; JoinBid/JoinAsk rest like limits. */
const KIND: Record<number, OrderKind | undefined> = {
  1: 'limit',
  2: 'market',
  3: 'stop',
  4: 'stop',
  5: 'stop',
  6: 'limit',
  7: 'limit',
};
const SEEN_TRADES_KEPT = 50_000;

export const positionKey = (account: string, contract: string) => `${account}|${contract}`;

export function createBook() {
  const accounts = new Map<string, PxAccount>();
  const positions = new Map<string, PxPosition>();
  const positionIds = new Map<string, string>();
  const orders = new Map<string, PxOrder>();
  const contracts = new Map<string, PxContract>();
  const seenTrades = new Set<string>();

  const contractByName = (name: string | null | undefined): string | undefined => {
    if (name === null || name === undefined) return undefined;
    for (const contract of contracts.values()) if (contract.name === name) return contract.id;
    return undefined;
  };

  return {
    accounts,
    positions,
    orders,
    contracts,

    mergeAccount(update: PxAccount, t: number): Mapped<AccountEvent> {
      const merged = { ...accounts.get(update.id), ...defined(update) } as PxAccount;
      if (merged.balance === null || merged.balance === undefined)
        return { ok: false, error: `account ${update.id}: no balance yet` };
      accounts.set(update.id, merged);
      return {
        ok: true,
        event: {
          type: 'account',
          t,
          account: merged.id,
          balance: merged.balance,
          ...(merged.name == null ? {} : { name: merged.name }),
          ...(merged.canTrade == null ? {} : { canTrade: merged.canTrade }),
        },
      };
    },

    /** `action` 2 (delete) or size 0 closes the position (section 3.3). */
    mergePosition(update: PxPosition, action: number | null, t: number): Mapped<PositionEvent> {
      const byId = update.id == null ? undefined : positionIds.get(update.id);
      const contractId = update.contractId ?? contractByName(update.contractDisplayName);
      const key =
        byId ??
        (update.accountId != null && contractId !== undefined
          ? positionKey(update.accountId, contractId)
          : undefined);
      const known = key === undefined ? undefined : positions.get(key);
      const merged = {
        ...known,
        ...defined(update),
        ...(contractId === undefined ? {} : { contractId }),
      };
      if (merged.accountId == null || merged.contractId == null)
        return { ok: false, error: 'position update names no known account and contract' };
      const closed = action === 2 || merged.size === 0;
      if (
        !closed &&
        (merged.size == null || merged.averagePrice == null || (merged.type !== 1 && merged.type !== 2))
      )
        return { ok: false, error: 'position update lacks size, average price or a long/short type' };
      const mergedKey = positionKey(merged.accountId, merged.contractId);
      if (closed) positions.delete(mergedKey);
      else positions.set(mergedKey, merged);
      if (merged.id != null) positionIds.set(merged.id, mergedKey);
      const size = closed ? 0 : (merged.size ?? 0);
      return {
        ok: true,
        event: {
          type: 'position',
          t,
          account: merged.accountId,
          symbol: merged.contractId,
          qty: merged.type === 2 ? -size : size,
          avgPrice: merged.averagePrice ?? ZERO,
        },
      };
    },

    mergeOrder(update: PxOrder, t: number): Mapped<OrderEvent> | { ok: true; event: null } {
      const merged = { ...orders.get(update.id), ...defined(update) } as PxOrder;
      const status = merged.status == null ? undefined : STATUS[merged.status];
      if (merged.status === 0) return { ok: true, event: null };
      if (merged.accountId == null || merged.contractId == null || merged.side == null || merged.size == null)
        return { ok: false, error: `order ${update.id}: account, contract, side or size unknown` };
      if (status === undefined)
        return { ok: false, error: `order ${update.id}: unknown status ${merged.status}` };
      if (status === 'working') orders.set(merged.id, merged);
      else orders.delete(merged.id);
      return {
        ok: true,
        event: {
          type: 'order',
          t,
          account: merged.accountId,
          id: merged.id,
          symbol: merged.contractId,
          side: merged.side === 0 ? 'buy' : 'sell',
          kind: (merged.type == null ? undefined : KIND[merged.type]) ?? 'limit',
          qty: merged.size,
          status,
          ...(merged.limitPrice == null ? {} : { limitPrice: merged.limitPrice }),
          ...(merged.stopPrice == null ? {} : { stopPrice: merged.stopPrice }),
          ...(merged.fillVolume == null ? {} : { filledQty: merged.fillVolume }),
          ...(merged.customTag == null ? {} : { tag: merged.customTag }),
        },
      };
    },

    /** A fill once per trade id (the feed repeats); null when it was already seen. */
    trade(trade: PxTrade, now: number): FillEvent | null {
      if (seenTrades.has(trade.id)) return null;
      if (seenTrades.size >= SEEN_TRADES_KEPT) seenTrades.clear();
      seenTrades.add(trade.id);
      return fillEvent(trade, now);
    },

    /** Working orders of one account (and contract), bracket children included. */
    workingOrders(account: string, contract?: string): PxOrder[] {
      return [...orders.values()].filter(
        (o) => o.accountId === account && (contract === undefined || o.contractId === contract),
      );
    },
  };
}

export type Book = ReturnType<typeof createBook>;

/** A fill's time is the broker's, never later than now: a balance report received now already holds it. */
export function fillEvent(trade: PxTrade, now: number): FillEvent {
  return {
    type: 'fill',
    t: Math.min(trade.creationTimestamp, now),
    account: trade.accountId,
    id: trade.id,
    // A trade that names no order still needs one: the journal refuses a fill whose order id is empty.
    orderId: trade.orderId ?? `no-order-${trade.id}`,
    symbol: trade.contractId,
    side: trade.side === 0 ? 'buy' : 'sell',
    qty: trade.size,
    price: trade.price,
    fees: trade.fees,
    ...(trade.profitAndLoss == null ? {} : { realizedPnl: trade.profitAndLoss }),
    ...(trade.voided === true ? { voided: true } : {}),
  };
}

export function instrumentEvent(contract: PxContract, t: number): InstrumentEvent {
  const underlying = contractUnderlying(contract);
  return {
    type: 'instrument',
    t,
    symbol: contract.id,
    tickSize: contract.tickSize,
    tickValue: contract.tickValue,
    currency: 'USD',
    ...(contract.name == null ? {} : { name: contract.name }),
    ...(underlying === undefined ? {} : { underlying }),
  };
}

export function quoteEvent(contractId: string, quote: PxQuote, t: number): QuoteEvent | null {
  const event: QuoteEvent = {
    type: 'quote',
    t,
    symbol: contractId,
    ...(quote.bestBid == null ? {} : { bid: quote.bestBid }),
    ...(quote.bestAsk == null ? {} : { ask: quote.bestAsk }),
    ...(quote.lastPrice == null ? {} : { last: quote.lastPrice }),
  };
  return event.bid === undefined && event.ask === undefined && event.last === undefined ? null : event;
}

/** The fields an update actually carries: absent and null both mean "unchanged". */
function defined<T extends object>(update: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(update).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}
