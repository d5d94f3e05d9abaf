// The severity ladder (RULES.md section 5): ok → warning → critical → breach by thresholds, stepping down only
// when the value falls below a level's threshold by more than the hysteresis.
import { dec, type Dec } from '../../../shared/domain/money';
import type { RuleLevel } from '../decisions';

const ONE = dec(1);
const order: readonly RuleLevel[] = ['ok', 'warning', 'critical', 'breach'];

export const levelRank = (level: RuleLevel): number => order.indexOf(level);

export type Thresholds = { warnAt: Dec; criticalAt: Dec; hysteresis: Dec };

function threshold(level: RuleLevel, t: Thresholds): Dec | null {
  if (level === 'warning') return t.warnAt;
  if (level === 'critical') return t.criticalAt;
  if (level === 'breach') return ONE;
  return null;
}

/** The level a fraction reaches on its own (≥ each threshold). */
export function levelOf(fraction: Dec, t: Thresholds): RuleLevel {
  if (fraction.greaterThanOrEqualTo(1)) return 'breach';
  if (fraction.greaterThanOrEqualTo(t.criticalAt)) return 'critical';
  if (fraction.greaterThanOrEqualTo(t.warnAt)) return 'warning';
  return 'ok';
}

/** The next level from `previous`: up at once; down only past each threshold minus the hysteresis. */
export function nextLevel(previous: RuleLevel, fraction: Dec, t: Thresholds): RuleLevel {
  const reached = levelOf(fraction, t);
  if (levelRank(reached) >= levelRank(previous)) return reached;
  let level = previous;
  for (;;) {
    const at = threshold(level, t);
    if (at === null || fraction.greaterThanOrEqualTo(at.minus(t.hysteresis))) break;
    level = order[levelRank(level) - 1] ?? 'ok';
  }
  return levelRank(level) > levelRank(reached) ? level : reached;
}
