// trailingStop: per position, once price has moved `activateAfterTicks` in its favour from the average price,
// a retrace of `trailTicks` from the best price since it opened closes that position.
import { dec, maxDec, minDec } from '../../../shared/domain/money';
import { defaultQuoteSanity } from '../config';
import type { Position } from '../state';
import { positionMark, requireInstrument } from '../valuation';
import { forgetClosedPositions, positionsFor } from './position-loss';
import type { Breach, Rule, RuleContext } from './types';
import { boundAt, boundOrNull, type QuoteBound } from './types';

export const trailingStop: Rule<'trailingStop'> = {
  id: 'trailingStop',
  triggers: ['quote', 'fill', 'position'],
  evaluate(ctx) {
    forgetClosedPositions(ctx.account, 'trailingStop', ctx.event);
    return positionsFor(ctx).flatMap((position) => {
      const breach = trail(ctx, position);
      return breach === null ? [] : [breach];
    });
  },
  quoteBounds(ctx) {
    const bounds: QuoteBound[] = [];
    for (const position of ctx.account.positions.values()) {
      const memory = ctx.memory(`trailingStop:${position.symbol}`);
      const long = position.qty > 0;
      if (memory.level === 'breach') continue;
      if (
        memory.pendingBreaches > 0 ||
        memory.data?.side !== (long ? 1 : -1) ||
        memory.data.best === undefined
      ) {
        return 'always';
      }
      // The best price moves (and may activate) only beyond itself; an active stop triggers a trail away from it.
      const best = dec(memory.data.best);
      const trail = requireInstrument(ctx.state, position.symbol).tickSize.times(ctx.settings.trailTicks);
      const trigger = memory.data.active === 1 ? (long ? best.minus(trail) : best.plus(trail)) : null;
      // Back at the best is no new best (safe); at the trigger the stop fires (not safe).
      bounds.push(
        long
          ? {
              on: 'mark',
              symbol: position.symbol,
              low: boundOrNull(trigger),
              high: boundAt(best),
              highSafe: true,
            }
          : {
              on: 'mark',
              symbol: position.symbol,
              low: boundAt(best),
              high: boundOrNull(trigger),
              lowSafe: true,
            },
      );
    }
    return bounds;
  },
};

/**
 * Memory data: `side`, `best` price so far, `active` 1 once activated. An event rule: no warning or critical, so the
 * bad-tick confirmation the framework gives measurements is counted here (consecutive breaching quotes).
 */
function trail(ctx: RuleContext<'trailingStop'>, position: Position): Breach | null {
  const { state, settings, event } = ctx;
  const memory = ctx.memory(`trailingStop:${position.symbol}`);
  const long = position.qty > 0;
  const side = long ? 1 : -1;
  // A new position (or a reversal in one fill) starts again from its average price.
  if (memory.data?.side !== side) {
    memory.data = { side, best: position.avgPrice.toFixed(), active: 0 };
    memory.level = 'ok';
    memory.pendingBreaches = 0;
  }
  if (memory.level === 'breach') return null;
  const data = memory.data;
  const tick = requireInstrument(state, position.symbol).tickSize;
  const mark = positionMark(state, position);
  const best = long ? maxDec(dec(data.best ?? mark), mark) : minDec(dec(data.best ?? mark), mark);
  data.best = best.toFixed();
  const favourable = long ? best.minus(position.avgPrice) : position.avgPrice.minus(best);
  if (favourable.greaterThanOrEqualTo(tick.times(settings.activateAfterTicks))) data.active = 1;
  const retrace = long ? best.minus(mark) : mark.minus(best);
  if (data.active !== 1 || retrace.lessThan(tick.times(settings.trailTicks))) {
    memory.pendingBreaches = 0;
    return null;
  }
  if (event.type === 'quote') {
    memory.pendingBreaches += 1;
    const confirm = state.config.quoteSanity?.confirmQuotes ?? defaultQuoteSanity.confirmQuotes;
    if (memory.pendingBreaches < confirm) return null;
  }
  memory.level = 'breach';
  memory.pendingBreaches = 0;
  return {
    kind: 'breach',
    symbol: position.symbol,
    message: `${position.symbol} retraced ${retrace.toFixed()} from its best ${best.toFixed()} (trail ${settings.trailTicks} ticks)`,
  };
}
