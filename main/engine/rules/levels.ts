// The severity ladder (docs/RULES.md section 5): ok → warning → critical → breach by thresholds, stepping down only
// when the value falls below a level's threshold by more than the hysteresis.
import { compareDec, type Dec } from '../../../shared/domain/money';
import type { RuleLevel } from '../decisions';

const order: readonly RuleLevel[] = ['ok', 'warning', 'critical', 'breach'];

export const levelRank = (level: RuleLevel): number => order.indexOf(level);

export type Thresholds = { warnAt: Dec; criticalAt: Dec; hysteresis: Dec };

/**
 * The thresholds in the measured value's own units (× the limit), for one limit, so an evaluation divides
 * nothing: `up` enters a level, `down` is where it is left (its threshold minus the hysteresis).
 */
type Scaled = { up: Record<Exclude<RuleLevel, 'ok'>, Dec>; down: Record<Exclude<RuleLevel, 'ok'>, Dec> };

const scaledCache = new WeakMap<Thresholds, WeakMap<Dec, Scaled>>();

function scaled(limit: Dec, t: Thresholds): Scaled {
  let byLimit = scaledCache.get(t);
  if (byLimit === undefined) {
    byLimit = new WeakMap();
    scaledCache.set(t, byLimit);
  }
  let known = byLimit.get(limit);
  if (known === undefined) {
    const hysteresis = t.hysteresis.times(limit);
    const up = { warning: t.warnAt.times(limit), critical: t.criticalAt.times(limit), breach: limit };
    known = {
      up,
      down: {
        warning: up.warning.minus(hysteresis),
        critical: up.critical.minus(hysteresis),
        breach: up.breach.minus(hysteresis),
      },
    };
    byLimit.set(limit, known);
  }
  return known;
}

/**
 * The level `value` reaches on its own against a positive `limit` (value / limit ≥ each threshold), compared
 * exactly as value ≥ threshold × limit.
 */
export function levelOf(value: Dec, limit: Dec, t: Thresholds): RuleLevel {
  const { up } = scaled(limit, t);
  if (compareDec(value, up.breach) >= 0) return 'breach';
  if (compareDec(value, up.critical) >= 0) return 'critical';
  if (compareDec(value, up.warning) >= 0) return 'warning';
  return 'ok';
}

/** The threshold (in the value's units) at which `level` is entered against `limit`: limit × warnAt or criticalAt. */
export function thresholdOf(level: Exclude<RuleLevel, 'ok'>, limit: Dec, t: Thresholds): Dec {
  return scaled(limit, t).up[level];
}

/** The next level from `previous`: up at once; down only past each threshold minus the hysteresis. */
export function nextLevel(previous: RuleLevel, value: Dec, limit: Dec, t: Thresholds): RuleLevel {
  const reached = levelOf(value, limit, t);
  if (levelRank(reached) >= levelRank(previous)) return reached;
  const { down } = scaled(limit, t);
  let level = previous;
  while (level !== 'ok' && compareDec(value, down[level]) < 0) level = order[levelRank(level) - 1] ?? 'ok';
  return levelRank(level) > levelRank(reached) ? level : reached;
}
