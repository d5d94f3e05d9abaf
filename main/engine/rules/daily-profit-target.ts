// dailyProfitTarget: the day's profit (net: equity − dayStartEquity; or realized) reaching `amount` flattens and
// halts the account until the day ends, so a good day is banked.
import { dec } from '../../../shared/domain/money';
import type { Rule } from './types';
import { allBands, levelBand } from './bands';

export const dailyProfitTarget: Rule<'dailyProfitTarget'> = {
  id: 'dailyProfitTarget',
  triggers: ['quote', 'fill', 'account', 'clock', 'configChange', 'dayStart'],
  evaluate({ settings, metrics }) {
    const m = metrics();
    const profit = settings.basis === 'realized' ? m.dailyRealizedPnl : m.dailyNetPnl;
    const amount = dec(settings.amount);
    return [
      {
        kind: 'measure',
        key: 'dailyProfitTarget',
        value: profit,
        limit: amount,
        describe: (level) =>
          level === 'breach'
            ? `daily profit ${profit.toFixed()} reached the target ${amount.toFixed()}`
            : `daily profit ${profit.toFixed()} of the target ${amount.toFixed()}`,
      },
    ];
  },
  quoteBounds(ctx) {
    if (ctx.settings.basis === 'realized') return [];
    const start = ctx.account.day.startEquity;
    const amount = dec(ctx.settings.amount);
    // fraction = (equity − dayStartEquity) / amount
    return allBands([levelBand(ctx, 'dailyProfitTarget', { on: 'equity' }, { at0: start, slope: amount })]);
  },
};
