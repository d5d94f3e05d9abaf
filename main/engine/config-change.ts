// A new config document takes effect (docs/RULES.md sections 6 and 8): the engine's config is replaced, what rules
// that are now off remembered is forgotten, and a changed trailing drawdown recomputes its threshold from the
// high-water mark. The rules are then evaluated under the new limits by apply (a tightened limit may breach at
// once). Whether the change was allowed (tighten-only while locked) is decided before it becomes an event.
import type { ConfigChangeEvent } from '../../shared/domain/events';
import { engineConfigOf, rulesFor } from './config';
import { forgetGroupsTurnedOff } from './groups/evaluate';
import type { AccountState, EngineState } from './state';
import { refreshAccount } from './valuation';

export function applyConfigChange(state: EngineState, event: ConfigChangeEvent): void {
  const previous = state.config;
  const { fastPath } = state.config;
  state.config = { ...engineConfigOf(event.config), ...(fastPath === undefined ? {} : { fastPath }) };
  for (const account of state.accounts.values()) {
    const rules = rulesFor(state.config, account.id);
    forgetRulesTurnedOff(account, (id) => rules[id as keyof typeof rules]?.enabled === true);
    const trailing = rulesFor(previous, account.id).trailingDrawdown;
    if (JSON.stringify(trailing) !== JSON.stringify(rules.trailingDrawdown)) {
      account.trailingThreshold = null;
      if (trailing?.mode !== rules.trailingDrawdown?.mode) account.trailingHighWater = null;
    }
    const configured = state.config.accounts[account.id]?.startingBalance;
    if (configured !== undefined) account.startingBalance = configured;
    refreshAccount(state, account);
  }
  forgetGroupsTurnedOff(state);
}

/** Rule memory is keyed by the rule id, alone or followed by ":" and a detail (a symbol). */
function forgetRulesTurnedOff(account: AccountState, isOn: (rule: string) => boolean): void {
  account.rules = Object.fromEntries(
    Object.entries(account.rules).filter(([key]) => isOn(key.split(':')[0] as string)),
  );
}
