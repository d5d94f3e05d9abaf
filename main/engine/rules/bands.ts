// Turns a measured rule's current level into the band of one value (equity, a position's unrealized P&L) inside
// which the level cannot change: up at the next threshold, down past the current one minus the hysteresis.
import { dec, type Dec } from '../../../shared/domain/money';
import { defaultHysteresisPct } from '../config';
import type { RuleLevel } from '../decisions';
import type { QuoteBound, RuleContext } from './types';

const ONE = dec(1);

/** The fractions between which `level` holds: [down, up); null where it is open. */
function fractionBand(
  level: RuleLevel,
  warnAt: Dec,
  criticalAt: Dec,
  hysteresis: Dec,
): [Dec | null, Dec | null] {
  switch (level) {
    case 'ok':
      return [null, warnAt];
    case 'warning':
      return [warnAt.minus(hysteresis), criticalAt];
    case 'critical':
      return [criticalAt.minus(hysteresis), ONE];
    case 'breach':
      return [ONE.minus(hysteresis), null];
  }
}

type Watched = { on: 'equity' } | { on: 'unrealized'; symbol: string };

/**
 * `valueAt(f)`: the watched value at which the rule's fraction is `f` (the fraction is linear in it). 'always'
 * while a breach waits for its confirming quote: then every quote counts.
 */
export function levelBand(
  ctx: RuleContext,
  key: string,
  watched: Watched,
  valueAt: (fraction: Dec) => Dec,
): QuoteBound | 'always' {
  const memory = ctx.memory(key);
  if (memory.pendingBreaches > 0) return 'always';
  const hysteresis = (ctx.state.config.hysteresisPct ?? defaultHysteresisPct).div(100);
  const [down, up] = fractionBand(
    memory.level,
    dec(ctx.settings.warnAt),
    dec(ctx.settings.criticalAt),
    hysteresis,
  );
  const rising = valueAt(ONE).greaterThan(valueAt(dec(0)));
  const atDown = down === null ? null : valueAt(down);
  const atUp = up === null ? null : valueAt(up);
  // The level holds at the down threshold itself (fraction ≥ down) but not at the up one (fraction < up).
  return rising
    ? { ...watched, low: atDown, high: atUp, lowSafe: true, highSafe: false }
    : { ...watched, low: atUp, high: atDown, lowSafe: false, highSafe: true };
}

/** Several bands, or 'always' when any is. */
export function allBands(bands: (QuoteBound | 'always')[]): QuoteBound[] | 'always' {
  return bands.includes('always') ? 'always' : (bands as QuoteBound[]);
}
