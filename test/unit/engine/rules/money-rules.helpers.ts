// Shared set-up for the money and price rule tests: a 50K account A1, terse events, decisions as tables.
import type { AccountRules, RuleId, RuleSettings } from '../../../../shared/config/rules';
import { ruleDefaults } from '../../../../shared/config/rules';
import type { Decision, EngineConfig, RuleDecision } from '../../../../main/engine';
import { dec } from '../../../../shared/domain/money';
import { ev } from '../../../helpers/engine';

export const session = { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const };

/** One rule on, with the ladder defaults and its own default consequence unless overridden. */
export function rule<R extends RuleId>(
  id: R,
  params: Omit<RuleSettings<R>, 'enabled' | 'warnAt' | 'criticalAt' | 'action' | 'lock' | 'lockState'> &
    Partial<RuleSettings<R>>,
): AccountRules {
  return { [id]: { enabled: true, warnAt: '0.8', criticalAt: '0.95', ...ruleDefaults[id], ...params } };
}

export function accountConfig(rules: AccountRules, startingBalance = '50000'): EngineConfig {
  return { session, markPrice: 'last', accounts: { A1: { startingBalance: dec(startingBalance), rules } } };
}

let fillIds = 0;
export const fill = (
  t: string,
  symbol: string,
  side: 'buy' | 'sell',
  qty: number,
  price: string,
  fees = '0',
) => {
  fillIds += 1;
  const id = `f${fillIds}`;
  return ev({ type: 'fill', t, account: 'A1', id, orderId: id, symbol, side, qty, price, fees });
};
export const quote = (t: string, symbol: string, last: string) => ev({ type: 'quote', t, symbol, last });
export const clock = (t: string) => ev({ type: 'clock', t });
export const at = (t: string) => Date.parse(t);

/**
 * The rule decisions without their prose and audit figures: what the trader's screen and the enforcer act on
 * (the figures have their own tests, levels.test.ts).
 */
export function ruleDecisions(
  decisions: readonly Decision[],
): Omit<RuleDecision, 'kind' | 'account' | 'message' | 'figures'>[] {
  return decisions
    .filter((d): d is RuleDecision => d.kind === 'rule')
    .map(({ kind: _kind, account: _account, message: _message, figures: _figures, ...rest }) => rest);
}
