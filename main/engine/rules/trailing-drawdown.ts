// trailingDrawdown: equity falling to the trailing threshold (high-water mark − amount, never falling, capped
// at lockThresholdAt) flattens and halts the account until a manual reset. The mark and threshold themselves
// are kept by ../trailing-threshold.ts, as equity moves.
import { dec } from '../../../shared/domain/money';
import { trackTrailingDrawdown } from '../trailing-threshold';
import type { Rule } from './types';
import { allBands, levelBand } from './bands';

export const trailingDrawdown: Rule<'trailingDrawdown'> = {
  id: 'trailingDrawdown',
  triggers: ['quote', 'fill', 'account', 'position', 'clock', 'configChange', 'dayStart'],
  evaluate({ state, account, settings, metrics }) {
    const { equity } = metrics();
    // A clock event may be the account's first sight of the rule: start tracking from the current equity.
    if (account.trailingThreshold === null) trackTrailingDrawdown(state, account, equity, null);
    const threshold = account.trailingThreshold;
    if (threshold === null) return [];
    const amount = dec(settings.amount);
    const room = equity.minus(threshold);
    return [
      {
        kind: 'measure',
        key: 'trailingDrawdown',
        // fraction = 1 − room / amount = (amount − room) / amount
        value: amount.minus(room),
        limit: amount,
        describe: (level) =>
          level === 'breach'
            ? `equity ${equity.toFixed()} reached the trailing threshold ${threshold.toFixed()}`
            : `equity ${equity.toFixed()} is ${room.toFixed()} above the trailing threshold ${threshold.toFixed()}`,
      },
    ];
  },
  quoteBounds(ctx) {
    const threshold = ctx.account.trailingThreshold;
    if (threshold === null) return 'always';
    const amount = dec(ctx.settings.amount);
    // fraction = 1 − (equity − threshold) / amount, so equity = threshold + amount − f × amount; the threshold
    // moves only with the high-water mark, which the guard watches.
    return allBands([
      levelBand(
        ctx,
        'trailingDrawdown',
        { on: 'equity' },
        { at0: threshold.plus(amount), slope: amount.negated() },
      ),
    ]);
  },
};
