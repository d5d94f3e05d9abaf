// dailyLoss: the day's loss (net: equity − dayStartEquity; or realized) reaching `amount` flattens and halts
// the account until the day ends.
import { dec } from '../../../shared/domain/money';
import type { Rule } from './types';

export const dailyLoss: Rule<'dailyLoss'> = {
  id: 'dailyLoss',
  triggers: ['quote', 'fill', 'account', 'clock'],
  evaluate({ settings, metrics }) {
    const m = metrics();
    const loss = (settings.basis === 'realized' ? m.dailyRealizedPnl : m.dailyNetPnl).negated();
    const amount = dec(settings.amount);
    return [
      {
        kind: 'measure',
        key: 'dailyLoss',
        fraction: loss.div(amount),
        describe: (level) =>
          level === 'breach'
            ? `daily loss ${loss.toFixed()} reached ${amount.toFixed()}`
            : `daily loss ${loss.toFixed()} of ${amount.toFixed()}`,
      },
    ];
  },
};
