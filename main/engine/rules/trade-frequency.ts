// tradeFrequency: a round trip opening beyond a window's count (perMinute and perHour rolling, perDay per trading
// day) is closed and the account halted for cooldownMinutes, or to the day's end for perDay. Halted reports
// flatten (docs/RULES.md section 9), naming the trade's symbol.
import type { RuleSettings } from '../../../shared/config/rules';
import type { RiskAction } from '../decisions';
import { resolveLock, type ResolvedLock } from '../locks';
import type { AccountState } from '../state';
import { tradeOpenedBy } from './trade-opened';
import type { Breach, Rule } from './types';

type Window = { name: 'perMinute' | 'perHour' | 'perDay'; limit: number; opened: number };

export const tradeFrequency: Rule<'tradeFrequency'> = {
  id: 'tradeFrequency',
  triggers: ['fill'],
  evaluate(ctx) {
    const symbol = tradeOpenedBy(ctx, 'tradeFrequency');
    const { account, settings, event } = ctx;
    // A trade opening while already halted is the lock's business (enforce-locks), not a new breach.
    if (symbol === null || account.locks.some((lock) => lock.state === 'halted')) return [];
    const over = windows(account, settings, event.t).filter((w) => w.opened > w.limit);
    const worst = over.find((w) => w.name === 'perDay') ?? over.find((w) => w.name === 'perHour') ?? over[0];
    if (worst === undefined) return [];
    const breach: Breach = {
      kind: 'breach',
      symbol,
      message: `trade ${worst.opened} ${label[worst.name]}: ${worst.limit} allowed`,
      action: closeAction(settings.action),
      lock: lockFor(account, settings, event.t, worst),
    };
    return [breach];
  },
};

const label: Record<Window['name'], string> = {
  perMinute: 'within a minute',
  perHour: 'within an hour',
  perDay: 'today',
};

function windows(account: AccountState, settings: RuleSettings<'tradeFrequency'>, t: number): Window[] {
  const since = (from: number) => account.tradeOpenTimes.filter((opened) => opened > from).length;
  const all: (Window | null)[] = [
    settings.perMinute === null
      ? null
      : { name: 'perMinute', limit: settings.perMinute, opened: since(t - 60_000) },
    settings.perHour === null
      ? null
      : { name: 'perHour', limit: settings.perHour, opened: since(t - 3_600_000) },
    settings.perDay === null
      ? null
      : { name: 'perDay', limit: settings.perDay, opened: since(account.day.start - 1) },
  ];
  return all.filter((w): w is Window => w !== null);
}

/** "Close it": the default flatten becomes closePosition of the trade (a halted lock still reports flatten). */
function closeAction(configured: RiskAction): RiskAction {
  return configured === 'flatten' ? 'closePosition' : configured;
}

function lockFor(
  account: AccountState,
  settings: RuleSettings<'tradeFrequency'>,
  t: number,
  window: Window,
): ResolvedLock | null {
  if (settings.lock === 'none') return null;
  if (window.name === 'perDay') return resolveLock(account, t, 'dayEnd', settings.lockState);
  // The config resolves an omitted lock to the cooldown; { minutes: 0 } is the unresolved default.
  const lock =
    typeof settings.lock === 'object' && settings.lock.minutes === 0
      ? { minutes: settings.cooldownMinutes }
      : settings.lock;
  return resolveLock(account, t, lock, settings.lockState);
}
