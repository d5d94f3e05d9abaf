// exposure: gross exposure above maxGross alerts and puts the account in `reducing` until it is back under;
// the largest symbol's share above maxSymbolPct alerts; concentration (HHI) at hhiWarning is a warning.
import { dec, minDec, ONE, type Dec } from '../../../shared/domain/money';
import { defaultQuoteSanity } from '../config';
import type { AccountState } from '../state';
import type { Finding, Rule, RuleContext } from './types';

export const exposure: Rule<'exposure'> = {
  id: 'exposure',
  triggers: ['quote', 'fill', 'position', 'account', 'configChange'],
  evaluate(ctx) {
    const { settings } = ctx;
    const m = ctx.metrics();
    const findings: Finding[] = [];
    if (settings.maxGross !== null) findings.push(gross(ctx, dec(settings.maxGross)));
    if (settings.maxSymbolPct !== null) {
      const limit = dec(settings.maxSymbolPct);
      const share = m.largestPositionPct.toDecimalPlaces(4);
      findings.push({
        kind: 'measure',
        key: 'exposure:symbol',
        value: m.largestPositionPct,
        limit,
        describe: () =>
          `largest position is ${share.toFixed()}% of gross exposure (limit ${limit.toFixed()}%)`,
        figures: (level) => ({
          value: share,
          limit,
          threshold:
            level === 'breach'
              ? limit
              : dec(settings[level === 'warning' ? 'warnAt' : 'criticalAt']).times(limit),
        }),
      });
    }
    // hhiWarning is a warning threshold: HHI at it enters warning, never more.
    const hhiWarning = dec(settings.hhiWarning);
    const warnAt = dec(settings.warnAt);
    findings.push({
      kind: 'measure',
      key: 'exposure:hhi',
      value: minDec(m.hhi.div(hhiWarning).times(warnAt), warnAt),
      limit: ONE,
      describe: () => `concentration (HHI) ${m.hhi.toDecimalPlaces(4).toFixed()} at ${hhiWarning.toFixed()}`,
      figures: () => ({ value: m.hhi.toDecimalPlaces(4), limit: hhiWarning, threshold: hhiWarning }),
    });
    return findings;
  },
  // Concentration (HHI, the largest share) is not linear in prices: every quote is evaluated.
  quoteBounds: () => 'always',
};

/**
 * Levels and quote confirmation are the framework's, until the breach is entered: then this rule reports it
 * itself, with a `reducing` lock (the configured one when `lock` is set) that it lifts itself once gross
 * exposure is back under the limit. The framework cannot do that: its locks end at a time or by hand.
 */
function gross(ctx: RuleContext<'exposure'>, limit: Dec): Finding {
  const { state, account, settings, event } = ctx;
  const value = ctx.metrics().grossExposure;
  const memory = ctx.memory('exposure:gross');
  const ownLock = settings.lock === 'none';
  if (ownLock && value.lessThan(limit)) {
    liftOwnLock(account);
    // The breach ended with the lock: going over again is a new breach, whatever the hysteresis band says.
    if (memory.level === 'breach') memory.level = 'critical';
  }
  const confirm = state.config.quoteSanity?.confirmQuotes ?? defaultQuoteSanity.confirmQuotes;
  const entersBreach =
    value.greaterThanOrEqualTo(limit) &&
    memory.level !== 'breach' &&
    (event.type !== 'quote' || memory.pendingBreaches + 1 >= confirm);
  const message = `gross exposure ${value.toFixed()} of ${limit.toFixed()}`;
  if (!entersBreach) return { kind: 'measure', key: 'exposure:gross', value, limit, describe: () => message };
  memory.level = 'breach';
  memory.pendingBreaches = 0;
  const lock = ownLock ? { lock: { state: settings.lockState, until: 'manual' as const } } : {};
  return { kind: 'breach', message: `${message}: reduce only until back under`, ...lock };
}

function liftOwnLock(account: AccountState): void {
  const own = (lock: AccountState['locks'][number]) => lock.rule === 'exposure' && lock.until === 'manual';
  if (account.locks.some(own)) account.locks = account.locks.filter((lock) => !own(lock));
}
