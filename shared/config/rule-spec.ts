// What the config knows about one rule: its parameters' schemas, which are required, their defaults and the checks
// that relate them; plus the keys every rule accepts (docs/RULES.md section 8). The per-rule tables use these types.
import type { z } from 'zod';
import { Dec } from '../domain/money';
import type { LockUntil, RuleCommon, RuleId, RuleParams, RuleSettings } from './rules';
import { count, fraction, oneOf, valueOf } from './values';

/** A problem inside one rule's settings; `path` is relative to the rule. */
export type Problem = { path: (string | number)[]; message: string };

/** One rule as written in one place (defaults, a preset or an account): every key optional. */
export type RuleBlock<R extends RuleId = RuleId> = Partial<RuleSettings<R>>;

type ParamSchemas<R extends RuleId> = {
  [K in keyof RuleParams[R]]-?: z.ZodType<NonNullable<RuleParams[R][K]>>;
};

export type RuleSpec<R extends RuleId> = {
  params: ParamSchemas<R>;
  /** Parameters with no default: missing after the merge is an error (unless the rule is disabled). */
  required: readonly (keyof RuleParams[R])[];
  /** Every other parameter's value when no layer gives it (`null` = no limit). */
  defaults: Partial<RuleParams[R]>;
  /** Whether warnAt/criticalAt mean anything for this rule (docs/RULES.md section 5: count and event rules do not). */
  levels: boolean;
  /** Consistency between values that are present (runs on each block and on the merged rule). */
  check?: (rule: RuleBlock<R>) => Problem[];
  /** What the merged rule needs beyond its required keys (e.g. at least one window). */
  complete?: (rule: RuleSettings<R>) => Problem[];
  /** The lock when none is written (defaults to `ruleDefaults`). */
  lockDefault?: (rule: RuleSettings<R>) => LockUntil;
};

export const lockUntil = valueOf<LockUntil>((value) => {
  const error = { error: 'must be none, dayEnd, weekEnd, manual or {minutes: N}' };
  if (value === 'none' || value === 'dayEnd' || value === 'weekEnd' || value === 'manual') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return error;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'minutes') return error;
  const minutes = count(1).safeParse((value as { minutes: unknown }).minutes);
  if (!minutes.success) {
    return {
      error: 'must have minutes as a whole number of at least 1',
      got: (value as { minutes: unknown }).minutes,
    };
  }
  return { minutes: minutes.data };
});

export const ruleActions = ['alert', 'cancelOrders', 'closePosition', 'reducePosition', 'flatten'] as const;

export const commonSchemas: { [K in keyof RuleCommon]-?: z.ZodType<RuleCommon[K]> } = {
  enabled: valueOf<boolean>((value) =>
    typeof value === 'boolean' ? value : { error: 'must be true or false' },
  ),
  warnAt: fraction,
  criticalAt: fraction,
  action: oneOf(ruleActions),
  lock: lockUntil,
  lockState: oneOf(['halted', 'reducing'] as const),
};

export const commonDefaults = { warnAt: '0.8', criticalAt: '0.95' } as const;

/** Consistency checks every rule gets. */
export function checkCommon(rule: RuleBlock): Problem[] {
  if (rule.warnAt === undefined || rule.criticalAt === undefined) return [];
  return new Dec(rule.warnAt).lt(rule.criticalAt)
    ? []
    : [{ path: ['warnAt'], message: `must be below criticalAt (${rule.criticalAt}), got ${rule.warnAt}` }];
}

/** Decimal `lower` must be strictly below `upper` (e.g. marginLevel critical below warning) when both are present. */
export function below(rule: Record<string, unknown>, lower: string, upper: string): Problem[] {
  const low = rule[lower];
  const high = rule[upper];
  if (typeof low !== 'string' || typeof high !== 'string') return [];
  return new Dec(low).lt(high)
    ? []
    : [{ path: [lower], message: `must be below ${upper} (${high}), got ${low}` }];
}
