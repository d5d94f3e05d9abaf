// Marks and valuation (docs/RULES.md sections 2 and 3): mark price per position, unrealized P&L, equity, peaks.
import { ZERO, compareDec, maxDec, minDec, type Dec } from '../../shared/domain/money';
import type { MarkPriceMode } from './config';
import { trackTrailingDrawdown } from './trailing-threshold';
import type { ReadonlyAccountState, ReadonlyEngineState, ReadonlyPosition } from './readonly';
import type { AccountState, EngineState, Instrument, Market } from './state';

/** The price a position is valued at: last trade, else mid of bid/ask, else the latest fill in that symbol. */
export function markPrice(market: Market | undefined, mode: MarkPriceMode, qty: number): Dec | null {
  if (market === undefined) return null;
  const { bid, ask, last, lastFillPrice } = market;
  if (mode === 'conservative') {
    const side = qty >= 0 ? bid : ask;
    if (side !== null) return side;
  }
  if (mode === 'last' && last !== null) return last;
  if (bid !== null && ask !== null) return bid.plus(ask).dividedBy(2);
  return last ?? bid ?? ask ?? lastFillPrice;
}

export function positionMark(state: ReadonlyEngineState, position: ReadonlyPosition): Dec {
  return (
    markPrice(state.markets.get(position.symbol), state.config.markPrice, position.qty) ?? position.avgPrice
  );
}

export function pointValueOf(state: ReadonlyEngineState, symbol: string): Dec {
  return requireInstrument(state, symbol).pointValue;
}

export function requireInstrument(state: ReadonlyEngineState, symbol: string): Instrument {
  const instrument = state.instruments.get(symbol);
  if (instrument === undefined)
    throw new Error(`unknown instrument ${symbol}: no instrument event seen for it`);
  return instrument;
}

/** (mark − avgPrice) × signedQty × pointValue, computed from the cost basis so it stays exact. */
type Valued = { mark: Dec; pointValue: Dec; cost: Dec; qty: number; pnl: Dec };
/** The last valuation of each position: a quote, its rules and the guard all ask for the same one. */
const valued = new WeakMap<ReadonlyPosition, Valued>();

export function positionUnrealized(state: ReadonlyEngineState, position: ReadonlyPosition): Dec {
  const mark = positionMark(state, position);
  const pointValue = pointValueOf(state, position.symbol);
  const last = valued.get(position);
  // Decimals are immutable: the same objects and quantity give the same P&L.
  if (
    last?.mark === mark &&
    last.pointValue === pointValue &&
    last.cost === position.cost &&
    last.qty === position.qty
  ) {
    return last.pnl;
  }
  const value = mark.times(Math.abs(position.qty)).times(pointValue);
  const signed = value.minus(position.cost).times(Math.sign(position.qty));
  // A short marked at its cost would give −0: shown and recorded as "-0" on one path and "0" on the other.
  const pnl = signed.isZero() ? ZERO : signed;
  valued.set(position, { mark, pointValue, cost: position.cost, qty: position.qty, pnl });
  return pnl;
}

export function accountUnrealized(state: ReadonlyEngineState, account: ReadonlyAccountState): Dec {
  let total = ZERO;
  for (const position of account.positions.values()) total = total.plus(positionUnrealized(state, position));
  return total;
}

export function accountEquity(state: ReadonlyEngineState, account: ReadonlyAccountState): Dec {
  return account.balance.plus(accountUnrealized(state, account));
}

/**
 * After anything that moves equity: track MFE/MAE per position, the day, week and all-time peaks, and the
 * trailing drawdown's high-water mark.
 */
export function refreshAccount(state: EngineState, account: AccountState): void {
  let unrealized = ZERO;
  for (const position of account.positions.values()) {
    const pnl = positionUnrealized(state, position);
    position.mfe = maxDec(position.mfe, pnl);
    position.mae = minDec(position.mae, pnl);
    unrealized = unrealized.plus(pnl);
  }
  const equity = account.balance.plus(unrealized);
  account.day.peakEquity = maxDec(account.day.peakEquity, equity);
  account.week.peakEquity = maxDec(account.week.peakEquity, equity);
  account.equityPeak = maxDec(account.equityPeak, equity);
  const drawdown = account.equityPeak.minus(equity);
  if (compareDec(drawdown, account.maxDrawdown) > 0) {
    account.maxDrawdown = drawdown;
    account.maxDrawdownPct = account.equityPeak.isZero()
      ? ZERO
      : drawdown.dividedBy(account.equityPeak).times(100);
  }
  trackTrailingDrawdown(state, account, equity, null);
}

export function newMarket(): Market {
  return { bid: null, ask: null, last: null, lastFillPrice: null, quoteAt: null, held: null };
}
