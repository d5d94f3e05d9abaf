// The trailing drawdown's high-water mark and threshold (docs/RULES.md section 6), kept as equity moves and at day
// rolls, for the trailingDrawdown rule and the trailingThreshold metric.
import type { RuleSettings } from '../../shared/config/rules';
import { dec, maxDec, minDec, type Dec } from '../../shared/domain/money';
import { rulesFor } from './config';
import type { AccountState, EngineState } from './state';

/**
 * Moves the high-water mark and threshold: `equity` after anything that moves it (intraday counts it), and
 * `rollBalance` at a day roll (endOfDay counts the balance then; null when this is not a roll). Null both when the rule is off. The settings are
 * looked up here rather than through rules/evaluate, which valuation.ts and periods.ts cannot import without a cycle.
 */
export function trackTrailingDrawdown(
  state: EngineState,
  account: AccountState,
  equity: Dec,
  rollBalance: Dec | null,
): void {
  const settings = rulesFor(state.config, account.id).trailingDrawdown;
  if (settings === undefined || !settings.enabled) {
    account.trailingHighWater = null;
    account.trailingThreshold = null;
    return;
  }
  const start = settings.startingBalance === null ? account.startingBalance : dec(settings.startingBalance);
  let highWater = account.trailingHighWater ?? start;
  if (settings.mode === 'static') highWater = start;
  if (settings.mode === 'intraday') highWater = maxDec(highWater, equity);
  if (settings.mode === 'endOfDay' && rollBalance !== null) highWater = maxDec(highWater, rollBalance);
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
