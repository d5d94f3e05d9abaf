// consistency (docs/RULES.md section 11): today's net P&L against the cap that keeps the best day within `pct` % of
// the total profit, x·P / (1 − x) with P banked before today. A money limit on a ladder; no level while there is no
// cap (no profit banked yet). Going over means more trading days before a payout, not a failed account: the
// default action is an alert.
import { dec, formatMoney, type Dec } from '../../../shared/domain/money';
import { bankedBeforeToday, consistencyCap } from '../plan';
import type { ReadonlyAccountState } from '../readonly';
import type { Rule } from './types';
import { allBands, levelBand } from './bands';

const KEY = 'consistency';

export const consistency: Rule<'consistency'> = {
  id: 'consistency',
  triggers: ['quote', 'fill', 'account', 'clock', 'configChange', 'dayStart'],
  evaluate({ settings, account, metrics }) {
    const cap = capOf(settings.pct, account);
    if (cap === null) {
      // A level left from a day that had a cap is over: the next cap starts from ok. Only a memory that exists
      // is touched, so a quote evaluated exactly leaves the same state as one the fast path skips.
      const memory = account.rules[KEY];
      if (memory !== undefined && (memory.level !== 'ok' || memory.pendingBreaches > 0)) {
        memory.level = 'ok';
        memory.pendingBreaches = 0;
      }
      return [];
    }
    const today = metrics().dailyNetPnl;
    const share = `${dec(settings.pct ?? '0').toFixed()}%`;
    return [
      {
        kind: 'measure',
        key: KEY,
        value: today,
        limit: cap,
        describe: (level) =>
          level === 'breach'
            ? `today's profit ${formatMoney(today)} reached the consistency cap ${formatMoney(cap)} (${share}): ` +
              'more profit today means more trading days before a payout'
            : `today's profit ${formatMoney(today)} of the consistency cap ${formatMoney(cap)} (${share})`,
      },
    ];
  },
  quoteBounds(ctx) {
    const cap = capOf(ctx.settings.pct, ctx.account);
    if (cap === null) {
      const memory = ctx.account.rules[KEY];
      return memory === undefined || (memory.level === 'ok' && memory.pendingBreaches === 0) ? [] : 'always';
    }
    // fraction = (equity − dayStartEquity) / cap; the cap holds all day (it moves only with the day's start).
    return allBands([
      levelBand(ctx, KEY, { on: 'equity' }, { at0: ctx.account.day.startEquity, slope: cap }),
    ]);
  },
};

/** Today's cap for the rule's pct; null without one (or with no profit banked). */
function capOf(pct: string | null, account: ReadonlyAccountState): Dec | null {
  return pct === null ? null : consistencyCap(bankedBeforeToday(account), dec(pct));
}
