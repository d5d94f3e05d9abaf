// profitTarget (docs/RULES.md section 11): the total profit (equity − startingBalance) reaching the program's target.
// A breach at most once per account, ever: the time it was reached is kept in the rule's memory, which snapshots
// and restarts carry. No warning or critical level; default action alert ("stop trading to pass").
import { dec, type Dec } from '../../../shared/domain/money';
import { defaultQuoteSanity } from '../config';
import type { AccountState } from '../state';
import { boundAt, type Rule } from './types';

const KEY = 'profitTarget';

/** Whether the target was reached before: then nothing more is reported, whatever the profit does. */
const reached = (account: AccountState) => account.rules[KEY]?.data?.['reachedAt'] !== undefined;

export const profitTarget: Rule<'profitTarget'> = {
  id: 'profitTarget',
  triggers: ['quote', 'fill', 'account', 'clock', 'configChange', 'dayStart'],
  evaluate({ settings, state, account, event, metrics, memory }) {
    if (settings.amount === null || reached(account)) return [];
    const amount = dec(settings.amount);
    const total = metrics().equity.minus(account.startingBalance);
    if (total.lt(amount)) {
      const known = account.rules[KEY];
      if (known !== undefined) known.pendingBreaches = 0;
      return [];
    }
    // A price-driven breach is latched on its confirming quote (the bad-tick guard, docs/RULES.md section 2); a
    // clock tick in between brings no new price, so it neither confirms nor counts.
    const m = memory(KEY);
    if (event.type === 'quote') {
      m.pendingBreaches += 1;
      const confirm = state.config.quoteSanity?.confirmQuotes ?? defaultQuoteSanity.confirmQuotes;
      if (m.pendingBreaches < confirm) return [];
    } else if (event.type === 'clock' && m.pendingBreaches > 0) return [];
    m.pendingBreaches = 0;
    m.level = 'breach';
    m.data = { reachedAt: event.t, totalProfit: total.toFixed() };
    return [{ kind: 'breach', message: `target ${amount.toFixed()} reached: stop trading to pass` }];
  },
  quoteBounds({ settings, account }) {
    if (settings.amount === null || reached(account)) return [];
    if ((account.rules[KEY]?.pendingBreaches ?? 0) > 0) return 'always';
    // Reached at equity = startingBalance + amount (not safe: equal breaches).
    const at: Dec = account.startingBalance.plus(dec(settings.amount));
    return [{ on: 'equity', low: null, high: boundAt(at) }];
  },
};
