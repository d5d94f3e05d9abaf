// Turns a measured rule's current level into the band of one value (equity, a position's unrealized P&L) inside
// which the level cannot change: up at the next threshold, down past the current one minus the hysteresis.
import { approxNumber, dec, ONE, type Dec } from '../../../shared/domain/money';
import { defaultHysteresisPct } from '../config';
import type { RuleLevel } from '../decisions';
import type { Bound, QuoteBound, RuleContext } from './types';

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

/** The watched value as a line in the rule's fraction: value(f) = at0 + f × slope. */
export type Line = { at0: Dec; slope: Dec };

const hysteresisOf = new WeakMap<object, Dec>();
const approximations = new WeakMap<Dec, number>();

/** A decimal as a float, remembered: the same limits and starts come back at every rebuild. */
function approx(value: Dec): number {
  let known = approximations.get(value);
  if (known === undefined) {
    known = approxNumber(value);
    approximations.set(value, known);
  }
  return known;
}

/** The hysteresis as a fraction of the limit (config hysteresisPct / 100), computed once per config. */
function hysteresis(ctx: RuleContext): Dec {
  const config = ctx.state.config;
  let known = hysteresisOf.get(config);
  if (known === undefined) {
    known = (config.hysteresisPct ?? defaultHysteresisPct).div(100);
    hysteresisOf.set(config, known);
  }
  return known;
}

const fractionBands = new WeakMap<object, Map<RuleLevel, [Dec | null, Dec | null]>>();

/** fractionBand for the rule's settings, worked out once per settings and level. */
function fractions(ctx: RuleContext, level: RuleLevel): [Dec | null, Dec | null] {
  let byLevel = fractionBands.get(ctx.settings);
  if (byLevel === undefined) {
    byLevel = new Map();
    fractionBands.set(ctx.settings, byLevel);
  }
  let band = byLevel.get(level);
  if (band === undefined) {
    band = fractionBand(level, dec(ctx.settings.warnAt), dec(ctx.settings.criticalAt), hysteresis(ctx));
    byLevel.set(level, band);
  }
  return band;
}

/**
 * The band of the watched value inside which the rule's level holds. 'always' while a breach waits for its
 * confirming quote: then every quote counts.
 */
export function levelBand(
  ctx: RuleContext,
  key: string,
  watched: Watched,
  line: Line,
): QuoteBound | 'always' {
  const memory = ctx.memory(key);
  if (memory.pendingBreaches > 0) return 'always';
  const [down, up] = fractions(ctx, memory.level);
  const at0 = approx(line.at0);
  const slope = approx(line.slope);
  const at = (fraction: Dec | null): Bound | null =>
    fraction === null
      ? null
      : { approx: at0 + approx(fraction) * slope, exact: () => line.at0.plus(fraction.times(line.slope)) };
  // The level holds at the down threshold itself (fraction ≥ down) but not at the up one (fraction < up).
  const rising = slope > 0;
  const low = rising ? at(down) : at(up);
  const high = rising ? at(up) : at(down);
  // Built without object spread, which is slow on this path (a guard rebuild per exact evaluation).
  return watched.on === 'equity'
    ? { on: 'equity', low, high, lowSafe: rising, highSafe: !rising }
    : { on: 'unrealized', symbol: watched.symbol, low, high, lowSafe: rising, highSafe: !rising };
}

/** Several bands, or 'always' when any is. */
export function allBands(bands: (QuoteBound | 'always')[]): QuoteBound[] | 'always' {
  return bands.includes('always') ? 'always' : (bands as QuoteBound[]);
}
