// Applies one execution (docs/RULES.md sections 3 and 9): average-cost positions, realized P&L (the broker's when
// given), fees, balance between broker reports, and round-trip trades including reversals.
import type { FillEvent } from '../../shared/domain/events';
import { ZERO, type Dec } from '../../shared/domain/money';
import {
  closedTradesKept,
  FILL_IDS_KEPT_MS,
  type AccountState,
  type ClosedTrade,
  type EngineState,
  type Instrument,
  type Position,
} from './state';
import { requireInstrument } from './valuation';

/** Applies a fill once; returns the round trip it closed, if any. Voided and repeated fills change nothing. */
export function applyFill(state: EngineState, account: AccountState, fill: FillEvent): ClosedTrade | null {
  if (account.seenFills.has(fill.id)) return null;
  account.seenFills.set(fill.id, fill.t);
  if (fill.voided === true) return null;
  account.lastFillAt = Math.max(account.lastFillAt ?? fill.t, fill.t);
  forgetOldFillIds(account, account.lastFillAt);
  const market = state.markets.get(fill.symbol);
  if (market !== undefined) market.lastFillPrice = fill.price;

  const instrument = requireInstrument(state, fill.symbol);
  const position = account.positions.get(fill.symbol);
  const signed = fill.side === 'buy' ? fill.qty : -fill.qty;
  const held = position?.qty ?? 0;
  const closing =
    held !== 0 && Math.sign(held) !== Math.sign(signed) ? Math.min(Math.abs(held), fill.qty) : 0;
  const closedValue = fill.price.times(closing).times(instrument.pointValue);
  const realized =
    fill.realizedPnl ??
    averageCostRealized(position, closing, closedValue).toDecimalPlaces(moneyPlaces(instrument));
  const closingFees = fill.fees.times(closing).dividedBy(fill.qty);
  bookCash(account, fill, realized);

  let closed: ClosedTrade | null = null;
  if (position !== undefined && closing > 0) {
    position.trade.realizedPnl = position.trade.realizedPnl.plus(realized);
    position.trade.fees = position.trade.fees.plus(closingFees);
    position.qty -= Math.sign(held) * closing;
    // The cost taken out is the one that makes this fill's (rounded) realized P&L exact: a trade's total stays exact.
    position.cost = position.cost.minus(closedValue.minus(realized.times(Math.sign(held))));
    if (position.qty === 0) {
      account.positions.delete(fill.symbol);
      closed = closeTrade(account, position, fill);
    }
  }
  const opening = fill.qty - closing;
  if (opening > 0) {
    const openingFees = fill.fees.minus(closingFees);
    addToPosition(account, fill, Math.sign(signed) * opening, openingFees, instrument.pointValue);
  }
  return closed;
}

/** Drops the ids of fills more than `FILL_IDS_KEPT_MS` older than the newest (kept in arrival order, oldest first). */
function forgetOldFillIds(account: AccountState, newest: number): void {
  const keepFrom = newest - FILL_IDS_KEPT_MS;
  for (const [id, t] of account.seenFills) {
    if (t >= keepFrom) return;
    account.seenFills.delete(id);
  }
}

/** Gross P&L of closing `closing` contracts at `closedValue` against the average cost of the position. */
function averageCostRealized(position: Position | undefined, closing: number, closedValue: Dec): Dec {
  if (position === undefined || closing === 0) return ZERO;
  const removed = position.cost.times(closing).dividedBy(Math.abs(position.qty));
  return closedValue.minus(removed).times(Math.sign(position.qty));
}

/** Computed P&L is rounded to the money's minor unit, as a broker would book it (cents, or finer tick values). */
function moneyPlaces(instrument: Instrument): number {
  return Math.max(2, instrument.tickValue.decimalPlaces());
}

/**
 * Cash: the day's and week's realized and fees always; the balance only for fills the broker's last report does
 * not hold yet (docs/RULES.md section 9). A fill timed before the report is in it. One timed at or after it is
 * not, unless its net is exactly what the report was ahead of the engine's books: the broker sent the balance
 * before the fill it books (ProjectX's subscriptions come in any order, and a millisecond or a clock's skew cannot
 * tell them apart).
 */
function bookCash(account: AccountState, fill: FillEvent, realized: Dec): void {
  for (const period of [account.day, account.week]) {
    if (fill.t < period.start || fill.t >= period.end) continue;
    period.realizedPnl = period.realizedPnl.plus(realized);
    period.fees = period.fees.plus(fill.fees);
    if (period.startReportAt !== null && fill.t < period.startReportAt) {
      period.startEquity = period.startEquity.minus(realized).plus(fill.fees);
    }
  }
  const net = realized.minus(fill.fees);
  if (account.balanceReportedAt === null) {
    account.balance = account.balance.plus(net);
  } else if (fill.t < account.balanceReportedAt) {
    account.reportAhead = account.reportAhead?.minus(net) ?? null;
  } else if (account.reportAhead !== null && !net.isZero() && net.equals(account.reportAhead)) {
    account.reportAhead = ZERO;
  } else {
    account.balance = account.balance.plus(net);
  }
}

function addToPosition(
  account: AccountState,
  fill: FillEvent,
  signedQty: number,
  fees: Dec,
  pointValue: Dec,
): void {
  const position = account.positions.get(fill.symbol);
  if (position === undefined) {
    account.positions.set(
      fill.symbol,
      openPosition(fill.symbol, signedQty, fill.price, pointValue, fill.t, fees),
    );
    countOpenedTrade(account, fill.t);
    return;
  }
  position.cost = position.cost.plus(fill.price.times(Math.abs(signedQty)).times(pointValue));
  position.qty += signedQty;
  position.avgPrice = position.cost.dividedBy(pointValue).dividedBy(Math.abs(position.qty));
  position.trade.entryPrice = position.avgPrice;
  position.trade.maxQty = Math.max(position.trade.maxQty, Math.abs(position.qty));
  position.trade.fees = position.trade.fees.plus(fees);
}

function countOpenedTrade(account: AccountState, t: number): void {
  for (const period of [account.day, account.week]) {
    if (t >= period.start && t < period.end) period.tradesOpened += 1;
  }
  // Trade-frequency windows look back an hour, or to the start of the trading day (23 to 25 hours over DST).
  const keepFrom = Math.min(account.day.start, t - 3_600_000);
  account.tradeOpenTimes = account.tradeOpenTimes.filter((opened) => opened >= keepFrom);
  account.tradeOpenTimes.push(t);
}

function closeTrade(account: AccountState, position: Position, fill: FillEvent): ClosedTrade {
  const { trade } = position;
  const netPnl = trade.realizedPnl.minus(trade.fees);
  if (netPnl.isNegative() && !netPnl.isZero()) account.consecutiveLosses += 1;
  else if (netPnl.isPositive() && !netPnl.isZero()) account.consecutiveLosses = 0;
  const closed: ClosedTrade = {
    account: account.id,
    symbol: position.symbol,
    side: trade.side,
    qty: trade.maxQty,
    entryPrice: trade.entryPrice,
    exitPrice: fill.price,
    openedAt: trade.openedAt,
    closedAt: fill.t,
    realizedPnl: trade.realizedPnl,
    fees: trade.fees,
    netPnl,
    mfe: position.mfe,
    mae: position.mae,
    initialRisk: trade.initialRisk ?? null,
    rMultiple: rMultipleOf(netPnl, trade.initialRisk),
  };
  account.closedTrades.push(closed);
  // A snapshot from when more were kept may hold more.
  if (account.closedTrades.length > closedTradesKept)
    account.closedTrades.splice(0, account.closedTrades.length - closedTradesKept);
  return closed;
}

/** Net P&L in multiples of the initial risk, a ratio rounded half-up to 4 places (docs/RULES.md section 9). */
function rMultipleOf(netPnl: Dec, initialRisk: Dec | undefined): Dec | null {
  if (initialRisk === undefined || initialRisk.isZero()) return null;
  return netPnl.dividedBy(initialRisk).toDecimalPlaces(4);
}

/** A position as it opens: average price `price`, a new round trip carrying the opening fees. */
export function openPosition(
  symbol: string,
  signedQty: number,
  price: Dec,
  pointValue: Dec,
  t: number,
  fees: Dec,
): Position {
  return {
    symbol,
    qty: signedQty,
    cost: price.times(Math.abs(signedQty)).times(pointValue),
    avgPrice: price,
    openedAt: t,
    mfe: ZERO,
    mae: ZERO,
    trade: {
      openedAt: t,
      side: signedQty > 0 ? 'long' : 'short',
      entryPrice: price,
      maxQty: Math.abs(signedQty),
      realizedPnl: ZERO,
      fees,
    },
  };
}
