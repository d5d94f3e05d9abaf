// weeklyLoss: the week's loss (net: equity − weekStartEquity; or realized net of fees) reaching `amount`
// flattens and halts the account until the week ends.
import { dec } from '../../../shared/domain/money';
import type { Rule } from './types';
import { allBands, levelBand } from './bands';

export const weeklyLoss: Rule<'weeklyLoss'> = {
  id: 'weeklyLoss',
  triggers: ['quote', 'fill', 'account', 'clock', 'configChange', 'dayStart'],
  evaluate({ account, settings, metrics }) {
    const pnl =
      settings.basis === 'realized'
        ? account.week.realizedPnl.minus(account.week.fees)
        : metrics().weeklyNetPnl;
    const loss = pnl.negated();
    const amount = dec(settings.amount);
    return [
      {
        kind: 'measure',
        key: 'weeklyLoss',
        value: loss,
        limit: amount,
        describe: (level) =>
          level === 'breach'
            ? `weekly loss ${loss.toFixed()} reached ${amount.toFixed()}`
            : `weekly loss ${loss.toFixed()} of ${amount.toFixed()}`,
      },
    ];
  },
  quoteBounds(ctx) {
    if (ctx.settings.basis === 'realized') return [];
    const start = ctx.account.week.startEquity;
    const amount = dec(ctx.settings.amount);
    // fraction = (weekStartEquity − equity) / amount
    return allBands([
      levelBand(ctx, 'weeklyLoss', { on: 'equity' }, { at0: start, slope: amount.negated() }),
    ]);
  },
};
