// trailingStop: per position, once price has moved `activateAfterTicks` in its favour from the average price,
// a retrace of `trailTicks` from the best price since it opened closes that position.
import { dec, maxDec, minDec, type Dec } from '../../../shared/domain/money';
import { defaultQuoteSanity } from '../config';
import type { TrailingStopChange } from '../decisions';
import type { Position } from '../state';
import { positionMark, requireInstrument } from '../valuation';
import { forgetClosedPositions, positionsFor } from './position-loss';
import type { Finding, Notice, Rule, RuleContext } from './types';
import { boundAt, boundOrNull, type QuoteBound } from './types';

export const trailingStop: Rule<'trailingStop'> = {
  id: 'trailingStop',
  triggers: ['quote', 'fill', 'position'],
  evaluate(ctx) {
    const removed = removedStops(ctx);
    forgetClosedPositions(ctx.account, 'trailingStop', ctx.event);
    return [...removed, ...positionsFor(ctx).flatMap((position) => trail(ctx, position))];
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
 * bad-tick confirmation the framework gives measurements is counted here (consecutive breaching quotes). Each step
 * of the stop's life is reported as a notice for the audit.
 */
function trail(ctx: RuleContext<'trailingStop'>, position: Position): Finding[] {
  const { state, settings, event } = ctx;
  const { symbol } = position;
  const memory = ctx.memory(`trailingStop:${symbol}`);
  const long = position.qty > 0;
  const side = long ? 1 : -1;
  const findings: Finding[] = [];
  // A new position (or a reversal in one fill) starts again from its average price.
  if (memory.data?.side !== side) {
    const before = memory.data;
    if (before?.best !== undefined)
      findings.push(
        notice(ctx, symbol, 'remove', Number(before.side), dec(before.best), before.active === 1),
      );
    memory.data = { side, best: position.avgPrice.toFixed(), active: 0 };
    memory.level = 'ok';
    memory.pendingBreaches = 0;
    findings.push(notice(ctx, symbol, 'add', side, position.avgPrice, false));
  }
  if (memory.level === 'breach') return findings;
  const data = memory.data;
  const tick = requireInstrument(state, symbol).tickSize;
  const mark = positionMark(state, position);
  const previousBest = dec(data.best ?? mark);
  const best = long ? maxDec(previousBest, mark) : minDec(previousBest, mark);
  data.best = best.toFixed();
  const favourable = long ? best.minus(position.avgPrice) : position.avgPrice.minus(best);
  if (data.active !== 1 && favourable.greaterThanOrEqualTo(tick.times(settings.activateAfterTicks))) {
    data.active = 1;
    findings.push(notice(ctx, symbol, 'activate', side, best, true));
  } else if (data.active === 1 && !best.equals(previousBest)) {
    findings.push(notice(ctx, symbol, 'update', side, best, true));
  }
  const retrace = long ? best.minus(mark) : mark.minus(best);
  if (data.active !== 1 || retrace.lessThan(tick.times(settings.trailTicks))) {
    memory.pendingBreaches = 0;
    return findings;
  }
  if (event.type === 'quote') {
    memory.pendingBreaches += 1;
    const confirm = state.config.quoteSanity?.confirmQuotes ?? defaultQuoteSanity.confirmQuotes;
    if (memory.pendingBreaches < confirm) return findings;
  }
  memory.level = 'breach';
  memory.pendingBreaches = 0;
  findings.push(notice(ctx, symbol, 'trigger', side, best, true), {
    kind: 'breach',
    symbol,
    message: `${symbol} retraced ${retrace.toFixed()} from its best ${best.toFixed()} (trail ${settings.trailTicks} ticks)`,
  });
  return findings;
}

/** The stops of positions no longer open, reported removed before their memory is dropped (never on a quote). */
function removedStops(ctx: RuleContext<'trailingStop'>): Notice[] {
  const { account, event } = ctx;
  if (event.type === 'quote') return [];
  const notices: Notice[] = [];
  for (const [key, memory] of Object.entries(account.rules)) {
    if (!key.startsWith('trailingStop:')) continue;
    const symbol = key.slice('trailingStop:'.length);
    const data = memory.data;
    if (account.positions.has(symbol) || data?.best === undefined) continue;
    notices.push(notice(ctx, symbol, 'remove', Number(data.side), dec(data.best), data.active === 1));
  }
  return notices;
}

/** A step of a stop's life: `side` 1 long, −1 short; an active stop sits the trail behind the best price. */
function notice(
  ctx: RuleContext<'trailingStop'>,
  symbol: string,
  change: TrailingStopChange['change'],
  side: number,
  best: Dec,
  active: boolean,
): Notice {
  const trailBy = requireInstrument(ctx.state, symbol).tickSize.times(ctx.settings.trailTicks);
  return {
    kind: 'notice',
    decision: {
      kind: 'trailingStop',
      t: ctx.event.t,
      account: ctx.account.id,
      symbol,
      change,
      side: side === 1 ? 'long' : 'short',
      best,
      stopPrice: active ? (side === 1 ? best.minus(trailBy) : best.plus(trailBy)) : null,
    },
  };
}
