// dailyGiveback: once the day's peak equity is `activateAfter` above the day's start, giving back `amount` from
// that peak flattens and halts the account until the day ends. Before activation the level is ok.
import { ZERO, dec } from '../../../shared/domain/money';
import type { Rule } from './types';
import { allBands, levelBand } from './bands';

export const dailyGiveback: Rule<'dailyGiveback'> = {
  id: 'dailyGiveback',
  triggers: ['quote', 'fill', 'account', 'clock', 'configChange', 'dayStart'],
  evaluate({ account, settings, metrics }) {
    const amount = dec(settings.amount);
    const gained = account.day.peakEquity.minus(account.day.startEquity);
    const active = gained.greaterThanOrEqualTo(dec(settings.activateAfter));
    // Always measured (0 before activation) so a level left from yesterday steps down before today's peak.
    const givenBack = active ? metrics().dailyDrawdown : ZERO;
    return [
      {
        kind: 'measure',
        key: 'dailyGiveback',
        value: givenBack,
        limit: amount,
        describe: (level) =>
          level === 'breach'
            ? `gave back ${givenBack.toFixed()} of the day's ${gained.toFixed()} gain: limit ${amount.toFixed()}`
            : `gave back ${givenBack.toFixed()} of the day's ${gained.toFixed()} gain (limit ${amount.toFixed()})`,
      },
    ];
  },
  quoteBounds(ctx) {
    const { day } = ctx.account;
    // Activation moves only with the day's peak, which the guard watches itself; before it the fraction is 0.
    if (day.peakEquity.minus(day.startEquity).lessThan(dec(ctx.settings.activateAfter))) {
      return ctx.memory('dailyGiveback').level === 'ok' ? [] : 'always';
    }
    const amount = dec(ctx.settings.amount);
    // fraction = (dayPeakEquity − equity) / amount
    return allBands([
      levelBand(ctx, 'dailyGiveback', { on: 'equity' }, { at0: day.peakEquity, slope: amount.negated() }),
    ]);
  },
};
