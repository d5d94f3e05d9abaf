// dailyLoss: the day's loss (net: equity − dayStartEquity; or realized) reaching `amount` flattens and halts
// the account until the day ends.
import { dec } from '../../../shared/domain/money';
import type { Rule } from './types';
import { allBands, levelBand } from './bands';

export const dailyLoss: Rule<'dailyLoss'> = {
  id: 'dailyLoss',
  triggers: ['quote', 'fill', 'account', 'clock', 'configChange', 'dayStart'],
  evaluate({ settings, metrics }) {
    const m = metrics();
    const loss = (settings.basis === 'realized' ? m.dailyRealizedPnl : m.dailyNetPnl).negated();
    const amount = dec(settings.amount);
    return [
      {
        kind: 'measure',
        key: 'dailyLoss',
        value: loss,
        limit: amount,
        describe: (level) =>
          level === 'breach'
            ? `daily loss ${loss.toFixed()} reached ${amount.toFixed()}`
            : `daily loss ${loss.toFixed()} of ${amount.toFixed()}`,
      },
    ];
  },
  quoteBounds(ctx) {
    if (ctx.settings.basis === 'realized') return [];
    const start = ctx.account.day.startEquity;
    const amount = dec(ctx.settings.amount);
    // fraction = (dayStartEquity − equity) / amount
    return allBands([levelBand(ctx, 'dailyLoss', { on: 'equity' }, { at0: start, slope: amount.negated() })]);
  },
};
