// groupDailyLoss: the members' summed daily loss (net, or realized) climbs the ladder like dailyLoss; at the limit
// every member is flattened and halted until the day ends (docs/RULES.md section 10).
import { dec } from '../../../shared/domain/money';
import type { GroupRule } from './types';

export const groupDailyLoss: GroupRule = {
  id: 'groupDailyLoss',
  triggers: ['quote', 'fill', 'account', 'position', 'clock', 'configChange', 'dayStart'],
  enabled: (group) => group.rules.groupDailyLoss?.enabled === true,
  evaluate({ group, metrics }) {
    const settings = group.rules.groupDailyLoss;
    if (settings === undefined) return [];
    const m = metrics();
    const loss = (settings.basis === 'realized' ? m.dailyRealizedPnl : m.dailyNetPnl).negated();
    const amount = dec(settings.amount);
    return [
      {
        kind: 'measure',
        key: 'groupDailyLoss',
        value: loss,
        limit: amount,
        describe: (level) =>
          level === 'breach'
            ? `${group.name}: group daily loss ${loss.toFixed()} reached ${amount.toFixed()}`
            : `${group.name}: group daily loss ${loss.toFixed()} of ${amount.toFixed()}`,
      },
    ];
  },
};
