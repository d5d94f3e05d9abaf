// consecutiveLosses: the `max`-th losing trade in a row halts the account for the cooldown, and the streak
// starts again at 0. The n-th such breach of a trading day locks for cooldown × 2^(n−1), at most 4×, when
// `escalate` is on (docs/RULES.md section 9). Halted reports flatten.
import type { RuleSettings } from '../../../shared/config/rules';
import { resolveLock, type ResolvedLock } from '../locks';
import type { AccountState } from '../state';
import type { Rule } from './types';

const maxMultiplier = 4;

export const consecutiveLosses: Rule<'consecutiveLosses'> = {
  id: 'consecutiveLosses',
  triggers: ['fill'],
  evaluate({ account, settings, event }) {
    const streak = account.consecutiveLosses;
    if (streak < settings.max) return [];
    account.consecutiveLosses = 0;
    account.lossStreakBreachesToday += 1;
    const lock = escalatedLock(account, settings, event.t);
    const minutes = lock !== null && typeof lock.until === 'number' ? (lock.until - event.t) / 60_000 : null;
    return [
      {
        kind: 'breach',
        message:
          `${streak} losing trades in a row (max ${settings.max})` +
          (minutes === null ? '' : `: cooldown ${minutes} min`),
        lock,
      },
    ];
  },
};

/** The configured lock; a cooldown in minutes doubles with each breach of the day when escalating. */
function escalatedLock(
  account: AccountState,
  settings: RuleSettings<'consecutiveLosses'>,
  t: number,
): ResolvedLock | null {
  const { lock } = settings;
  if (typeof lock !== 'object') return resolveLock(account, t, lock, settings.lockState);
  const multiplier = settings.escalate
    ? Math.min(2 ** (account.lossStreakBreachesToday - 1), maxMultiplier)
    : 1;
  // The config resolves an omitted lock to the cooldown; { minutes: 0 } is the unresolved default.
  const minutes = lock.minutes > 0 ? lock.minutes : settings.cooldownMinutes;
  return resolveLock(account, t, { minutes: minutes * multiplier }, settings.lockState);
}
