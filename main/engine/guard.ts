// The quote fast path: after each exact evaluation of an account, a "guard" records the bands inside which a
// quote can change nothing (peaks, MFE/MAE, every quote-driven rule's level). A quote is valued in floats; one
// clearly inside every band is skipped, one near a band is settled with exact decimals, the rest take the
// exact path. Floats only decide when exact arithmetic is needed, so the result is the exact one.
import { approxNumber, compareDec, type Dec } from '../../shared/domain/money';
import type { MarkPriceMode } from './config';
import { accountRules, boundsContext } from './rules/evaluate';
import { ruleTable } from './rules/registry';
import { ruleIds, type AccountRules, type RuleId } from '../../shared/config/rules';
import { boundAt, type Band, type Bound, type QuoteBound } from './rules/types';
import type { AccountState, EngineState, Market, Position } from './state';
import { accountEquity, positionMark, positionUnrealized } from './valuation';

/**
 * A band in floats for the quick test, with the exact bounds for ties. `lowIn`/`highIn` are the bounds moved
 * inwards by the float error margin (clearly inside between them), `lowOut`/`highOut` outwards (clearly out
 * beyond them): computed once when a bound is set, not on every quote.
 */
type Guarded = {
  low: number;
  high: number;
  lowIn: number;
  lowOut: number;
  highIn: number;
  highOut: number;
  exact: Band;
};
type PositionGuard = {
  position: Position;
  /** Its market's prices in floats (the same object noteQuote updates). */
  prices: MarketFloats;
  /** Its float P&L as last summed into the guard's `pnlSum`. */
  pnlNow: number;
  coef: number;
  costTerm: number;
  pnl: Guarded;
  mark: Guarded;
  /** The last mark settled exactly near a band, and the verdict: prices sit at the same level again and again. */
  settled: { mark: Dec; inside: boolean } | null;
};
type Guard = {
  balance: number;
  equity: Guarded;
  before: number;
  positions: PositionGuard[];
  /** Σ of the positions' float P&L, updated per quote; summed afresh every RESUM updates against drift. */
  pnlSum: number;
  updates: number;
};

const RESUM = 256;
type MarketFloats = { bid: number; ask: number; last: number; lastFill: number };
type Verdict = 'inside' | 'outside' | 'near';

const guards = new WeakMap<AccountState, Guard | null>();
const floats = new WeakMap<Market, MarketFloats>();
const holdersByState = new WeakMap<EngineState, Map<string, AccountState[]>>();

const num = (value: Dec | null): number => (value === null ? Number.NaN : approxNumber(value));
/** Far wider than the error of these float sums (about 1e-12 relative), far narrower than a tick's value. */
const margin = (value: number) => 1e-7 * (1 + Math.abs(value));
const openBand = (): Guarded => ({
  low: Number.NEGATIVE_INFINITY,
  high: Number.POSITIVE_INFINITY,
  lowIn: Number.NEGATIVE_INFINITY,
  lowOut: Number.NEGATIVE_INFINITY,
  highIn: Number.POSITIVE_INFINITY,
  highOut: Number.POSITIVE_INFINITY,
  exact: { low: null, high: null },
});

function setLow(band: Guarded, low: number): void {
  band.low = low;
  band.lowIn = low + margin(low);
  band.lowOut = low - margin(low);
}

function setHigh(band: Guarded, high: number): void {
  band.high = high;
  band.highIn = high - margin(high);
  band.highOut = high + margin(high);
}

function verdict(value: number, band: Guarded): Verdict {
  if (value > band.lowIn && value < band.highIn) return 'inside';
  if (value < band.lowOut || value > band.highOut || Number.isNaN(value)) return 'outside';
  return 'near';
}

/** The exact test: strictly inside, or at a bound where equality is safe. */
function exactlyInside(value: Dec, band: Band): boolean {
  const low = band.low?.exact() ?? null;
  const high = band.high?.exact() ?? null;
  const fromLow = low === null ? 1 : compareDec(value, low);
  const fromHigh = high === null ? -1 : compareDec(value, high);
  const aboveLow = fromLow > 0 || (band.lowSafe === true && fromLow === 0);
  const belowHigh = fromHigh < 0 || (band.highSafe === true && fromHigh === 0);
  return aboveLow && belowHigh;
}

/** -1 when a < b, 1 when a > b, 0 when equal: in floats when they are clearly apart, else exactly. */
function compare(a: Bound, b: Bound): number {
  const apart = margin(a.approx) + margin(b.approx);
  if (a.approx < b.approx - apart) return -1;
  if (a.approx > b.approx + apart) return 1;
  return compareDec(a.exact(), b.exact());
}

/** Narrows a band to the tighter of two bounds; at equal bounds, equality is safe only if both say so. */
function narrow(band: Guarded, next: Band): void {
  if (next.low !== null) {
    const current = band.exact.low;
    const order = current === null ? 1 : compare(next.low, current);
    if (order > 0) {
      band.exact.low = next.low;
      band.exact.lowSafe = next.lowSafe === true;
      setLow(band, next.low.approx);
    } else if (order === 0) band.exact.lowSafe = band.exact.lowSafe === true && next.lowSafe === true;
  }
  if (next.high !== null) {
    const current = band.exact.high;
    const order = current === null ? -1 : compare(next.high, current);
    if (order < 0) {
      band.exact.high = next.high;
      band.exact.highSafe = next.highSafe === true;
      setHigh(band, next.high.approx);
    } else if (order === 0) band.exact.highSafe = band.exact.highSafe === true && next.highSafe === true;
  }
}

/** The accounts holding a position in `symbol` (rebuilt after any event that can change positions). */
export function holders(state: EngineState, symbol: string): AccountState[] {
  let index = holdersByState.get(state);
  if (index === undefined) {
    index = new Map();
    for (const account of state.accounts.values()) {
      for (const held of account.positions.keys()) index.set(held, [...(index.get(held) ?? []), account]);
    }
    holdersByState.set(state, index);
  }
  return index.get(symbol) ?? [];
}

export function positionsChanged(state: EngineState): void {
  holdersByState.delete(state);
}

/**
 * Takes the market's prices into floats afresh (fills move the last fill price, which quotes do not carry). The
 * object is updated in place: every guard on this market holds it.
 */
function snapshotFloats(market: Market): MarketFloats {
  const prices = floats.get(market) ?? {
    bid: Number.NaN,
    ask: Number.NaN,
    last: Number.NaN,
    lastFill: Number.NaN,
  };
  prices.bid = num(market.bid);
  prices.ask = num(market.ask);
  prices.last = num(market.last);
  prices.lastFill = num(market.lastFillPrice);
  floats.set(market, prices);
  return prices;
}

/** A quote's prices into the market's floats (the hot path: only the fields it carries). */
export function noteQuote(market: Market, bid?: Dec, ask?: Dec, last?: Dec): void {
  const known = floats.get(market);
  if (known === undefined) {
    snapshotFloats(market);
    return;
  }
  if (bid !== undefined) known.bid = approxNumber(bid);
  if (ask !== undefined) known.ask = approxNumber(ask);
  if (last !== undefined) known.last = approxNumber(last);
}

/** Mirrors valuation's markPrice in floats (NaN when there is none). */
function markOf(f: MarketFloats, mode: MarkPriceMode, qty: number): number {
  if (mode === 'conservative') {
    const side = qty >= 0 ? f.bid : f.ask;
    if (!Number.isNaN(side)) return side;
  }
  if (mode === 'last' && !Number.isNaN(f.last)) return f.last;
  if (!Number.isNaN(f.bid) && !Number.isNaN(f.ask)) return (f.bid + f.ask) / 2;
  for (const price of [f.last, f.bid, f.ask, f.lastFill]) if (!Number.isNaN(price)) return price;
  return Number.NaN;
}

/**
 * True when this quote (for `symbol`) provably changes nothing for the account. Only that symbol's positions can
 * have moved since their own last check, so only theirs are tested; the equity sums them all.
 */
export function quoteChangesNothing(
  state: EngineState,
  account: AccountState,
  symbol: string,
  t: number,
): boolean {
  const guard = guards.get(account);
  if (guard === undefined || guard === null || t >= guard.before) return false;
  const mode = state.config.markPrice;
  // An account holds at most one position per symbol.
  for (const p of guard.positions) {
    if (p.position.symbol !== symbol) continue;
    const mark = markOf(p.prices, mode, p.position.qty);
    const pnl = p.coef * mark - p.costTerm;
    if (!positionHolds(state, p, mark, pnl)) return false;
    guard.pnlSum += pnl - p.pnlNow;
    p.pnlNow = pnl;
    break;
  }
  guard.updates += 1;
  if (guard.updates % RESUM === 0) guard.pnlSum = guard.positions.reduce((sum, p) => sum + p.pnlNow, 0);
  const quick = verdict(guard.balance + guard.pnlSum, guard.equity);
  return (
    quick === 'inside' ||
    (quick === 'near' && exactlyInside(accountEquity(state, account), guard.equity.exact))
  );
}

function positionHolds(state: EngineState, p: PositionGuard, mark: number, pnl: number): boolean {
  const byMark = verdict(mark, p.mark);
  const byPnl = verdict(pnl, p.pnl);
  if (byMark === 'outside' || byPnl === 'outside') return false;
  if (byMark === 'inside' && byPnl === 'inside') return true;
  const exactMark = positionMark(state, p.position);
  // Quotes parsed through dec() share one object per price, so the same mark is usually the same object.
  const settled = p.settled;
  if (settled !== null && (settled.mark === exactMark || compareDec(settled.mark, exactMark) === 0))
    return settled.inside;
  const inside =
    exactlyInside(exactMark, p.mark.exact) &&
    exactlyInside(positionUnrealized(state, p.position), p.pnl.exact);
  p.settled = { mark: exactMark, inside };
  return inside;
}

/**
 * The account's equity in floats as its guard values it now (the groups' fast path sums them); null without a
 * guard: then only the exact value will do.
 */
export function approxEquity(account: AccountState): number | null {
  const guard = guards.get(account);
  return guard === undefined || guard === null ? null : guard.balance + guard.pnlSum;
}

/**
 * Forgets the account's guard: its next quote takes the exact path. For a holder of a symbol whose mark moved
 * without a quote (another account's fill sets the latest fill price, the mark of a symbol not yet quoted).
 */
export function forgetGuard(account: AccountState): void {
  guards.delete(account);
}

/** Rebuilds the account's guard after an exact evaluation (null: every quote takes the exact path). */
export function rebuildGuard(state: EngineState, account: AccountState): void {
  guards.set(account, state.config.fastPath === false ? null : buildGuard(state, account));
}

function buildGuard(state: EngineState, account: AccountState): Guard | null {
  const equity = openBand();
  // Built in: no new peak (day, week, all time, trailing high-water) and no new deepest drawdown.
  for (const peak of [account.day.peakEquity, account.week.peakEquity, account.equityPeak]) {
    narrow(equity, { low: null, high: boundAt(peak), highSafe: true });
  }
  if (account.trailingHighWater !== null)
    narrow(equity, { low: null, high: boundAt(account.trailingHighWater), highSafe: true });
  const trough = account.equityPeak.minus(account.maxDrawdown);
  narrow(equity, { low: boundAt(trough), high: null, lowSafe: true });
  const guard: Guard = {
    balance: approxNumber(account.balance),
    equity,
    before: nextTimeLimit(account),
    positions: [],
    pnlSum: 0,
    updates: 0,
  };
  for (const position of account.positions.values()) {
    const pointValue = state.instruments.get(position.symbol)?.pointValue;
    const market = state.markets.get(position.symbol);
    if (pointValue === undefined || market === undefined) return null;
    const prices = snapshotFloats(market);
    const pnl = openBand();
    narrow(pnl, { low: boundAt(position.mae), high: boundAt(position.mfe), lowSafe: true, highSafe: true });
    const costTerm = Math.sign(position.qty) * approxNumber(position.cost);
    const pnlNow =
      coefOf(position, pointValue) * markOf(prices, state.config.markPrice, position.qty) - costTerm;
    // P&L already beyond its MFE/MAE: the position was not refreshed since its mark moved without a quote of its
    // own (another account's fill). No guard then: the next quote takes the exact path and records it.
    if (!withinExcursions(state, position, pnlNow, pnl)) return null;
    guard.positions.push({
      position,
      prices,
      pnlNow,
      coef: coefOf(position, pointValue),
      costTerm,
      pnl,
      mark: openBand(),
      settled: null,
    });
  }
  guard.pnlSum = guard.positions.reduce((sum, p) => sum + p.pnlNow, 0);
  const configured = accountRules(state, account);
  for (const id of ruleIds) {
    const bounds = quoteBoundsOf(id, state, account, configured);
    if (bounds === 'always') return null;
    for (const bound of bounds) applyBound(guard, bound);
  }
  return guard;
}

/** Rule `id`'s bands on a quote ([] when it is off or not triggered by quotes), typed by its id. */
// R ties the rule to its own settings inside (one instantiation per id), which a plain RuleId cannot.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function quoteBoundsOf<R extends RuleId>(
  id: R,
  state: EngineState,
  account: AccountState,
  configured: AccountRules,
): QuoteBound[] | 'always' {
  const settings = configured[id];
  const rule = ruleTable[id];
  if (settings === undefined || !settings.enabled || !rule.triggers.includes('quote')) return [];
  return rule.quoteBounds?.(boundsContext(state, account, settings)) ?? 'always';
}

function withinExcursions(state: EngineState, position: Position, pnlNow: number, band: Guarded): boolean {
  const quick = verdict(pnlNow, band);
  if (quick !== 'near') return quick === 'inside';
  return exactlyInside(positionUnrealized(state, position), band.exact);
}

const coefOf = (position: Position, pointValue: Dec) => position.qty * approxNumber(pointValue);

function applyBound(guard: Guard, bound: QuoteBound): void {
  if (bound.on === 'time') {
    guard.before = Math.min(guard.before, bound.before);
    return;
  }
  if (bound.on === 'equity') {
    narrow(guard.equity, bound);
    return;
  }
  for (const p of guard.positions) {
    if (p.position.symbol === bound.symbol) narrow(bound.on === 'mark' ? p.mark : p.pnl, bound);
  }
}

/** Day and week rolls and lock ends are time, not price: the guard expires at the first of them. */
function nextTimeLimit(account: AccountState): number {
  let before = Math.min(account.day.end, account.week.end);
  for (const lock of account.locks) if (typeof lock.until === 'number') before = Math.min(before, lock.until);
  return before;
}
