// Config specs of the money rules (docs/RULES.md section 6): daily and weekly loss, profit target, giveback, trailing
// drawdown and per-position loss. Limits are positive amounts, kept as exact decimal strings.
import { Dec } from '../domain/money';
import type { Problem, RuleSpec } from './rule-spec';
import { amount, decimal, nonNegativeAmount, oneOf } from './values';

const basis = oneOf(['net', 'realized'] as const);

export const dailyLoss: RuleSpec<'dailyLoss'> = {
  params: { amount, basis },
  required: ['amount'],
  defaults: { basis: 'net' },
  levels: true,
};

export const dailyProfitTarget: RuleSpec<'dailyProfitTarget'> = {
  params: { amount, basis },
  required: ['amount'],
  defaults: { basis: 'net' },
  levels: true,
};

/** activateAfter defaults to 0: the giveback counts from the day's first equity. */
export const dailyGiveback: RuleSpec<'dailyGiveback'> = {
  params: { amount, activateAfter: nonNegativeAmount },
  required: ['amount'],
  defaults: { activateAfter: '0' },
  levels: true,
};

export const weeklyLoss: RuleSpec<'weeklyLoss'> = {
  params: { amount, basis },
  required: ['amount'],
  defaults: { basis: 'net' },
  levels: true,
};

export const trailingDrawdown: RuleSpec<'trailingDrawdown'> = {
  params: {
    amount,
    mode: oneOf(['intraday', 'endOfDay', 'static'] as const),
    startingBalance: decimal({ above: '0' }),
    lockThresholdAt: decimal({ above: '0' }),
  },
  required: ['amount'],
  defaults: { mode: 'intraday', startingBalance: null, lockThresholdAt: null },
  levels: true,
  check: (rule) => {
    // A cap below the first threshold would mean the account starts already breached: usually a typo.
    const { amount: limit, startingBalance, lockThresholdAt } = rule;
    if (limit === undefined || startingBalance == null || lockThresholdAt == null) return [];
    const first = new Dec(startingBalance).minus(limit);
    const problems: Problem[] = [];
    if (new Dec(lockThresholdAt).lt(first)) {
      problems.push({
        path: ['lockThresholdAt'],
        message: `must be at least startingBalance − amount (${first.toFixed()}), got ${lockThresholdAt}`,
      });
    }
    return problems;
  },
};

export const positionLoss: RuleSpec<'positionLoss'> = {
  params: { amount },
  required: ['amount'],
  defaults: {},
  levels: true,
};
