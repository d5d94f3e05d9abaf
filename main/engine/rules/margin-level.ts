// marginLevel: equity / usedMargin × 100, lower is worse: ≤ warning (150) alerts, ≤ critical (120) reduces the
// largest loss by half and repeats each minute while critical, ≤ liquidate (100) flattens. No margin: ok.
import { dec, ONE, ZERO, type Dec } from '../../../shared/domain/money';
import { defaultHysteresisPct, defaultQuoteSanity } from '../config';
import type { RuleLevel } from '../decisions';
import type { AccountState, EngineState } from '../state';
import { positionUnrealized } from '../valuation';
import { levelRank } from './levels';
import { boundAt, type Rule, type RuleContext } from './types';

const repeatMs = 60_000;
type Ladder = { warning: Dec; critical: Dec; breach: Dec; hysteresis: Dec };

/**
 * The ladder runs in margin-level points, not fractions of a limit, so the level is decided here: up as soon as
 * the level falls to a threshold, down only when it is above it by more than the hysteresis (hysteresisPct of
 * the liquidate level: 5 points by default). The framework is then handed the fraction that means exactly that
 * level, and does the rest: confirming a quote-driven breach, acting, reporting.
 */
export const marginLevel: Rule<'marginLevel'> = {
  id: 'marginLevel',
  triggers: ['quote', 'fill', 'account', 'position', 'clock', 'configChange'],
  evaluate(ctx) {
    const { state, account, settings, event } = ctx;
    const value = ctx.metrics().marginLevel;
    const memory = ctx.memory('marginLevel');
    const previous = memory.level;
    const level = value === null ? 'ok' : nextMarginLevel(previous, value, ladderOf(ctx));
    const data = (memory.data ??= {});
    const reducedAt = typeof data.reducedAt === 'number' ? data.reducedAt : null;
    if (levelRank(level) >= levelRank('critical') && levelRank(previous) < levelRank('critical')) {
      data.reducedAt = event.t;
    } else if (level === 'critical' && previous === 'critical' && (reducedAt ?? 0) + repeatMs <= event.t) {
      // Still critical a minute on: report it again (its action reduces again) by entering it afresh.
      memory.level = 'warning';
      data.reducedAt = event.t;
    }
    if (levelRank(level) < levelRank(previous)) memory.level = level;
    // A quote-driven breach not yet confirmed is reported as critical: it reduces like one.
    const confirm = state.config.quoteSanity?.confirmQuotes ?? defaultQuoteSanity.confirmQuotes;
    const held =
      level === 'breach' &&
      event.type === 'quote' &&
      previous !== 'breach' &&
      memory.pendingBreaches + 1 < confirm;
    const target = level === 'critical' || held ? largestLoss(state, account) : null;
    const shown = value === null ? 'none' : value.toDecimalPlaces(4).toFixed();
    return [
      {
        kind: 'measure',
        key: 'marginLevel',
        ...(target === null ? {} : { symbol: target.symbol }),
        value: fractionOf(level, settings),
        limit: ONE,
        actionAt: { critical: 'reducePosition' },
        // The audit keeps the margin level itself, its threshold and the liquidation level (ratios: 4 places).
        figures: (reported) => ({
          value: (value ?? ZERO).toDecimalPlaces(4),
          limit: dec(settings.liquidate),
          threshold: dec(settings[reported === 'breach' ? 'liquidate' : reported]),
        }),
        describe: (reported) =>
          reported === 'critical' && target !== null
            ? `margin level ${shown}: reduce ${target.symbol} by ${target.half} of ${target.qty} (largest loss)`
            : `margin level ${shown} (${reported} at ${settings[reported === 'breach' ? 'liquidate' : reported]})`,
      },
    ];
  },
  quoteBounds(ctx) {
    const memory = ctx.memory('marginLevel');
    // Critical repeats its reduction each minute and names the largest loss: evaluated on every quote.
    if (memory.pendingBreaches > 0 || memory.level === 'critical') return 'always';
    const used = ctx.metrics().usedMargin;
    if (used.isZero()) return [];
    const ladder = ladderOf(ctx);
    // margin level = equity / usedMargin × 100, so a level L is reached at equity = L × usedMargin / 100. A level
    // is entered at its threshold (not safe there); it is left only above threshold + hysteresis (safe at it).
    const equityAt = (level: Dec) => boundAt(level.times(used).div(100));
    switch (memory.level) {
      case 'ok':
        return [{ on: 'equity', low: equityAt(ladder.warning), high: null }];
      case 'warning':
        return [
          {
            on: 'equity',
            low: equityAt(ladder.critical),
            high: equityAt(ladder.warning.plus(ladder.hysteresis)),
            highSafe: true,
          },
        ];
      case 'breach':
        return [
          { on: 'equity', low: null, high: equityAt(ladder.breach.plus(ladder.hysteresis)), highSafe: true },
        ];
    }
  },
};

function ladderOf({ state, settings }: RuleContext<'marginLevel'>): Ladder {
  const breach = dec(settings.liquidate);
  const pct = state.config.hysteresisPct ?? defaultHysteresisPct;
  return {
    warning: dec(settings.warning),
    critical: dec(settings.critical),
    breach,
    hysteresis: breach.times(pct).div(100),
  };
}

function reachedLevel(value: Dec, ladder: Ladder): RuleLevel {
  if (value.lessThanOrEqualTo(ladder.breach)) return 'breach';
  if (value.lessThanOrEqualTo(ladder.critical)) return 'critical';
  if (value.lessThanOrEqualTo(ladder.warning)) return 'warning';
  return 'ok';
}

function nextMarginLevel(previous: RuleLevel, value: Dec, ladder: Ladder): RuleLevel {
  const reached = reachedLevel(value, ladder);
  if (levelRank(reached) >= levelRank(previous)) return reached;
  const down = ['breach', 'critical', 'warning'] as const;
  let level = previous;
  for (const step of down) {
    if (level !== step) continue;
    if (value.lessThanOrEqualTo(ladder[step].plus(ladder.hysteresis))) break;
    level = down[down.indexOf(step) + 1] ?? 'ok';
  }
  return levelRank(level) > levelRank(reached) ? level : reached;
}

/** The fraction the framework reads as exactly `level` (each threshold itself). */
function fractionOf(level: RuleLevel, settings: { warnAt: string; criticalAt: string }): Dec {
  if (level === 'breach') return dec(1);
  if (level === 'critical') return dec(settings.criticalAt);
  if (level === 'warning') return dec(settings.warnAt);
  return ZERO;
}

/** The position with the lowest unrealized P&L (the largest loss), and half of it rounded up. */
function largestLoss(state: EngineState, account: AccountState) {
  let worst: { symbol: string; qty: number; pnl: Dec } | null = null;
  for (const position of account.positions.values()) {
    const pnl = positionUnrealized(state, position);
    if (worst === null || pnl.lessThan(worst.pnl))
      worst = { symbol: position.symbol, qty: Math.abs(position.qty), pnl };
  }
  return worst === null ? null : { ...worst, half: Math.ceil(worst.qty / 2) };
}
