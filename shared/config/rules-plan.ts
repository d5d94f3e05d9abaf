// Config specs of the prop-firm plan rules (docs/RULES.md section 11): consistency and profitTarget. Their limit
// defaults to the account's plan (merge.ts fills a null from it), so a rule on with no plan behind it must say it.
import type { RuleSpec } from './rule-spec';
import { amount, decimal } from './values';

/** The best day's share of the total profit, in percent: 50 means no day may be more than half of it. */
const share = decimal({ above: '0', max: '100' });

export const consistency: RuleSpec<'consistency'> = {
  params: { pct: share },
  required: [],
  defaults: { pct: null },
  levels: true,
  complete: (rule) =>
    rule.pct === null ? [{ path: ['pct'], message: 'is required (no plan gives a consistencyPct)' }] : [],
};

/** A breach once the total profit reaches it: an event, no warning or critical level (docs/RULES.md section 11). */
export const profitTarget: RuleSpec<'profitTarget'> = {
  params: { amount },
  required: [],
  defaults: { amount: null },
  levels: false,
  complete: (rule) =>
    rule.amount === null ? [{ path: ['amount'], message: 'is required (no plan gives a profitTarget)' }] : [],
};
