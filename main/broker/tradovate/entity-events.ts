// One Tradovate entity (with what the book knows around it) as one normalized BrokerEvent, or the reason it
// cannot be one yet. Warden's symbol for a contract is its name (MNQZ6): the name is what a trader reads, what
// `md/subscribeQuote` and `order/placeorder` take, and, unlike the product name (MNQ), it keeps two months of one
// product apart during a roll.
import type {
  AccountEvent,
  FillEvent,
  InstrumentEvent,
  OrderEvent,
  OrderKind,
  OrderStatus,
  PositionEvent,
  Side,
} from '../../../shared/domain/events';
import { ZERO, type Dec } from '../../../shared/domain/money';
import { underlyingOfRoot } from '../projectx/underlying';
import type { TradovateBook } from './book';
import type { TvFill, TvOrder, TvPosition } from './parse/entities';

/** An event, or why not yet: `waitFor` names what the book lacks (it may come), `problem` what no wait cures. */
export type Built<T> =
  { ok: true; event: T; note?: string } | { ok: false; waitFor: string } | { ok: false; problem: string };

/** Tradovate's currency ids (unverified: only 1 = USD is documented by example; CME products settle in USD). */
const CURRENCIES: Readonly<Record<string, string>> = { '1': 'USD' };

export function instrumentEvent(book: TradovateBook, contractId: string, t: number): Built<InstrumentEvent> {
  const lookup = book.productOf(contractId);
  if (!lookup.found) return { ok: false, waitFor: `the product of contract ${contractId}` };
  const { contract, product } = lookup;
  const currency = product.currencyId == null ? 'USD' : CURRENCIES[product.currencyId];
  return {
    ok: true,
    event: {
      type: 'instrument',
      t,
      symbol: contract.name,
      tickSize: product.tickSize,
      tickValue: product.tickSize.times(product.valuePerPoint),
      currency: currency ?? 'USD',
      ...(product.description == null ? {} : { name: product.description }),
      underlying: underlyingOfRoot(product.name),
    },
    ...(currency === undefined
      ? { note: `product ${product.name}: currency id ${product.currencyId ?? ''} unknown, taken as USD` }
      : {}),
  };
}

/** Admin actions after which the firm lets the account only reduce (partner docs' AccountRiskStatus). */
const NO_NEW_RISK = new Set([
  'LiquidateOnlyModeImmediately',
  'LiquidateImmediately',
  'LockTradingImmediately',
  'AgreedOnLiqOnlyModeByAutoLiq',
  'AgreedOnLiquidationByAutoLiq',
]);
const RISK_ALLOWED = new Set(['Normal', 'DisableAutoLiq', 'PlaceAutoLiqOnHold']);

/** A liquidate-only mark: a flag that is true, or a time that is there. */
const isSet = (mark: boolean | string | null | undefined): boolean =>
  mark === true || (typeof mark === 'string' && mark !== '');

/** The cash balance is the balance; an account the firm restricted, closed or set liquidate-only cannot trade. */
export function accountEvent(book: TradovateBook, accountId: string, t: number): Built<AccountEvent> {
  const cash = book.cashBalances.get(accountId);
  if (cash === undefined) return { ok: false, waitFor: `the cash balance of account ${accountId}` };
  const account = book.accounts.get(accountId);
  const risk = book.riskStatuses.get(accountId);
  const action = risk?.adminAction ?? null;
  const liquidateOnly =
    isSet(risk?.liquidateOnly) ||
    isSet(risk?.liquidationOnly) ||
    risk?.userTriggeredLiqOnly === true ||
    (action !== null && NO_NEW_RISK.has(action));
  const barred =
    account?.active === false ||
    account?.archived === true ||
    account?.restricted === true ||
    account?.closed === true;
  const usedMargin = book.margins.get(accountId)?.totalUsedMargin;
  return {
    ok: true,
    event: {
      type: 'account',
      t,
      account: accountId,
      balance: cash.amount,
      ...(account?.name == null ? {} : { name: account.name }),
      canTrade: !(barred || liquidateOnly),
      ...(usedMargin == null ? {} : { usedMargin }),
    },
    ...(action !== null && !NO_NEW_RISK.has(action) && !RISK_ALLOWED.has(action)
      ? { note: `account ${accountId}: admin action ${action} unknown, read as allowing trading` }
      : {}),
  };
}

export function positionEvent(
  book: TradovateBook,
  position: TvPosition,
  closed: boolean,
  t: number,
): Built<PositionEvent> {
  const contract = book.contracts.get(position.contractId);
  if (contract === undefined) return { ok: false, waitFor: `contract ${position.contractId}` };
  const qty = closed ? 0 : position.netPos;
  return {
    ok: true,
    event: {
      type: 'position',
      t,
      account: position.accountId,
      symbol: contract.name,
      qty,
      avgPrice: qty === 0 ? ZERO : (position.netPrice ?? ZERO),
    },
  };
}

const STATUS: Readonly<Record<string, OrderStatus>> = {
  Working: 'working',
  PendingNew: 'working',
  PendingReplace: 'working',
  PendingCancel: 'working',
  // A bracket child waiting on its parent: not in the market yet, but it will be without another word.
  Suspended: 'working',
  Filled: 'filled',
  Canceled: 'cancelled',
  Expired: 'cancelled',
  Rejected: 'rejected',
};
const KIND: Readonly<Record<string, OrderKind>> = {
  Market: 'market',
  Limit: 'limit',
  // Market-if-touched rests on the book's far side like a limit.
  MIT: 'limit',
  Stop: 'stop',
  StopLimit: 'stop',
  TrailingStop: 'stop',
  TrailingStopLimit: 'stop',
};
/** A table's own entry: Tradovate's text may be "constructor" or "toString", which every object inherits. */
const ownValue = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
const TERMINAL: ReadonlySet<OrderStatus> = new Set(['filled', 'cancelled', 'rejected']);

/**
 * The order with its latest version. `previous` is the status last reported for it: a terminal status is never
 * undone, so an unknown status after one keeps it; an unknown status otherwise reads as working (the order may
 * still be in the market, and a working order Warden watches is safer than one it forgot), with a note.
 * `Completed` ends an order: filled when its fills cover it, else cancelled.
 */
export function orderEvent(
  book: TradovateBook,
  order: TvOrder,
  deleted: boolean,
  previous: OrderStatus | undefined,
  t: number,
): Built<OrderEvent> {
  const version = book.versions.get(order.id);
  if (version === undefined) return { ok: false, waitFor: `the version of order ${order.id}` };
  const contract = book.contracts.get(order.contractId);
  if (contract === undefined) return { ok: false, waitFor: `contract ${order.contractId}` };
  const side = sideOf(order.action);
  if (side === null)
    return { ok: false, problem: `order ${order.id}: action ${order.action} is neither Buy nor Sell` };
  const filledQty = book.filledQty(order.id);
  let status = ownValue(STATUS, order.ordStatus);
  const notes: string[] = [];
  if (order.ordStatus === 'Completed') status = filledQty >= version.orderQty ? 'filled' : 'cancelled';
  if (status === undefined) {
    status = previous !== undefined && TERMINAL.has(previous) ? previous : 'working';
    notes.push(`status ${order.ordStatus} unknown, read as ${status}`);
  }
  if (deleted && !TERMINAL.has(status)) status = 'cancelled';
  if (previous !== undefined && TERMINAL.has(previous) && !TERMINAL.has(status)) status = previous;
  const kind = ownValue(KIND, version.orderType);
  if (kind === undefined) notes.push(`type ${version.orderType} unknown, read as a limit order`);
  const resolvedKind = kind ?? 'limit';
  const limitPrice = resolvedKind === 'limit' || version.orderType === 'StopLimit' ? version.price : null;
  return {
    ok: true,
    event: {
      type: 'order',
      t,
      account: order.accountId,
      id: order.id,
      symbol: contract.name,
      side,
      kind: resolvedKind,
      qty: version.orderQty,
      status,
      ...(limitPrice == null ? {} : { limitPrice }),
      ...(version.stopPrice == null ? {} : { stopPrice: version.stopPrice }),
      ...(filledQty === 0 ? {} : { filledQty }),
    },
    ...(notes.length === 0 ? {} : { note: `order ${order.id}: ${notes.join('; ')}` }),
  };
}

/**
 * A fill: its account is its order's (fills carry none), its fees the fill's fee entity when known (`feesKnown`
 * false means 0 stood in, and the adapter applies the config's fees per contract). Realized P&L is left to the
 * engine's average cost: Tradovate's fillPairs match first in, first out and arrive after the fill.
 */
export function fillEvent(
  book: TradovateBook,
  fill: TvFill,
  now: number,
): Built<FillEvent> & { feesKnown?: boolean } {
  const order = book.orders.get(fill.orderId);
  if (order === undefined)
    return { ok: false, waitFor: `order ${fill.orderId} (the account of fill ${fill.id})` };
  const contract = book.contracts.get(fill.contractId);
  if (contract === undefined) return { ok: false, waitFor: `contract ${fill.contractId}` };
  const side = sideOf(fill.action);
  if (side === null)
    return { ok: false, problem: `fill ${fill.id}: action ${fill.action} is neither Buy nor Sell` };
  const fees = feesOf(book, fill.id);
  return {
    ok: true,
    feesKnown: fees !== null,
    event: {
      type: 'fill',
      t: Math.min(fill.timestamp, now),
      account: order.accountId,
      id: fill.id,
      orderId: fill.orderId,
      symbol: contract.name,
      side,
      qty: fill.qty,
      price: fill.price,
      fees: fees ?? ZERO,
      ...(fill.active ? {} : { voided: true }),
    },
  };
}

function feesOf(book: TradovateBook, fillId: string): Dec | null {
  const fee = book.fillFees.get(fillId);
  if (fee === undefined) return null;
  const parts = [
    fee.commission,
    fee.clearingFee,
    fee.exchangeFee,
    fee.nfaFee,
    fee.brokerageFee,
    fee.ipFee,
    fee.orderRoutingFee,
  ];
  return parts.reduce<Dec>((total, part) => (part == null ? total : total.plus(part)), ZERO);
}

function sideOf(action: string): Side | null {
  return action === 'Buy' ? 'buy' : action === 'Sell' ? 'sell' : null;
}
