// trailingDrawdown: equity falling to the trailing threshold (high-water mark − amount, never falling, capped
// at lockThresholdAt) flattens and halts the account until a manual reset. Also keeps the mark and threshold.
import type { RuleSettings } from '../../../shared/config/rules';
import { dec, maxDec, minDec, type Dec } from '../../../shared/domain/money';
import type { AccountState, EngineState } from '../state';
import type { Rule } from './types';
import { allBands, levelBand } from './bands';

/**
 * Moves the high-water mark and threshold: `equity` after anything that moves it (intraday counts it), and
 * `dayRoll` at a day roll (endOfDay counts the balance then). Null both when the rule is off. The settings are
 * looked up here rather than through rules/evaluate, which valuation.ts cannot import without a cycle.
 */
export function trackTrailingDrawdown(
  state: EngineState,
  account: AccountState,
  equity: Dec,
  dayRoll: boolean,
): void {
  const settings = (state.config.accounts[account.id]?.rules ?? state.config.defaultRules)?.trailingDrawdown;
  if (settings === undefined || !settings.enabled) {
    account.trailingHighWater = null;
    account.trailingThreshold = null;
    return;
  }
  const start = settings.startingBalance === null ? account.startingBalance : dec(settings.startingBalance);
  let highWater = account.trailingHighWater ?? start;
  if (settings.mode === 'static') highWater = start;
  if (settings.mode === 'intraday') highWater = maxDec(highWater, equity);
  if (settings.mode === 'endOfDay' && dayRoll) highWater = maxDec(highWater, account.balance);
  account.trailingHighWater = highWater;
  account.trailingThreshold = thresholdFrom(settings, highWater, account.trailingThreshold);
}

function thresholdFrom(
  settings: RuleSettings<'trailingDrawdown'>,
  highWater: Dec,
  previous: Dec | null,
): Dec {
  let threshold = highWater.minus(dec(settings.amount));
  if (settings.lockThresholdAt !== null) threshold = minDec(threshold, dec(settings.lockThresholdAt));
  return previous === null ? threshold : maxDec(previous, threshold);
}

export const trailingDrawdown: Rule<'trailingDrawdown'> = {
  id: 'trailingDrawdown',
  triggers: ['quote', 'fill', 'account', 'position', 'clock'],
  evaluate({ state, account, settings, metrics }) {
    const { equity } = metrics();
    // A clock event may be the account's first sight of the rule: start tracking from the current equity.
    if (account.trailingThreshold === null) trackTrailingDrawdown(state, account, equity, false);
    const threshold = account.trailingThreshold;
    if (threshold === null) return [];
    const amount = dec(settings.amount);
    const room = equity.minus(threshold);
    return [
      {
        kind: 'measure',
        key: 'trailingDrawdown',
        fraction: dec(1).minus(room.div(amount)),
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
