// The bad-tick guard (docs/RULES.md sections 2 and 9): a quote that moves the price more than maxJumpPct from the
// last accepted one is held; the next quote for the symbol confirms it (within maxJumpPct of it: both are
// accepted, in order) or discards it (then only the new quote is considered).
import type { QuoteEvent } from '../../shared/domain/events';
import { approxNumber, type Dec } from '../../shared/domain/money';
import { defaultQuoteSanity } from './config';
import type { EngineState, Market } from './state';

type Prices = { bid?: Dec | null; ask?: Dec | null; last?: Dec | null };

/** The price a quote speaks for: its last trade, else its mid, else whichever side it has (exactly). */
function priceOf(p: Prices): Dec | null {
  if (p.last != null) return p.last;
  if (p.bid != null && p.ask != null) return p.bid.plus(p.ask).div(2);
  return p.bid ?? p.ask ?? null;
}

/** The same in floats, for the quick test (every quote passes here). */
function approxPriceOf(p: Prices): number {
  if (p.last != null) return approxNumber(p.last);
  if (p.bid != null && p.ask != null) return (approxNumber(p.bid) + approxNumber(p.ask)) / 2;
  const side = p.bid ?? p.ask ?? null;
  return side === null ? Number.NaN : approxNumber(side);
}

/** Whether `to` is more than maxJumpPct away from `from`: in floats unless it is a near thing. */
function jumps(from: Prices, to: Prices, maxJumpPct: Dec): boolean {
  const a = approxPriceOf(from);
  const b = approxPriceOf(to);
  if (Number.isNaN(a) || Number.isNaN(b) || a === 0) return false;
  const limit = approxNumber(maxJumpPct);
  const move = (Math.abs(b - a) / Math.abs(a)) * 100;
  if (move < limit * (1 - 1e-9)) return false;
  if (move > limit * (1 + 1e-9)) return true;
  const exactFrom = priceOf(from);
  const exactTo = priceOf(to);
  if (exactFrom === null || exactTo === null) return false;
  return exactTo.minus(exactFrom).abs().div(exactFrom.abs()).times(100).greaterThan(maxJumpPct);
}

/** The quotes to accept now, in order (none while one is held). */
export function screenQuote(state: EngineState, market: Market, quote: QuoteEvent): QuoteEvent[] {
  const maxJumpPct = (state.config.quoteSanity ?? defaultQuoteSanity).maxJumpPct;
  const held = market.held;
  if (held !== null) {
    market.held = null;
    if (!jumps(held, quote, maxJumpPct)) return [held, quote];
  }
  if (jumps(market, quote, maxJumpPct)) {
    market.held = quote;
    return [];
  }
  return [quote];
}
