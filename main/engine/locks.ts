// Trading states (docs/RULES.md section 4): locks set by rules, the strictest one deciding, lifted only when their
// time comes (or the broker allows trading again, or an explicit reset for 'manual').
import { DateTime } from 'luxon';
import type { LockState, LockUntil } from '../../shared/config/rules';
import type { ReadonlyAccountState } from './readonly';
import type { AccountState, Lock, TradingState } from './state';

export type ResolvedLock = { state: LockState; until: Lock['until'] };

/** Turns a configured lock into a concrete one at time `t`; null for `none`. */
export function resolveLock(
  account: AccountState,
  t: number,
  until: LockUntil,
  state: LockState,
): ResolvedLock | null {
  if (until === 'none') return null;
  if (until === 'dayEnd') return { state, until: account.day.end };
  if (until === 'weekEnd') return { state, until: account.week.end };
  if (until === 'manual') return { state, until: 'manual' };
  return { state, until: t + until.minutes * 60_000 };
}

/** `group`: the group whose rule sets it (docs/RULES.md section 10). */
export function addLock(
  account: AccountState,
  rule: string,
  lock: ResolvedLock,
  reason: string,
  t: number,
  group?: string,
): void {
  const added: Lock = { rule, state: lock.state, until: lock.until, reason, since: t };
  if (group !== undefined) added.group = group;
  account.locks.push(added);
}

/** Lifts the locks whose time has come. Returns those lifted. */
export function expireLocks(account: AccountState, t: number): Lock[] {
  const lifted = account.locks.filter((lock) => typeof lock.until === 'number' && lock.until <= t);
  if (lifted.length > 0) account.locks = account.locks.filter((lock) => !lifted.includes(lock));
  return lifted;
}

export function liftBrokerLocks(account: AccountState): void {
  account.locks = account.locks.filter((lock) => lock.until !== 'brokerAllows');
}

const untilRank = (until: Lock['until']): number =>
  typeof until === 'number' ? until : Number.POSITIVE_INFINITY;

/** The lock that decides: halted beats reducing; among equals, the one lasting longest. */
export function strictestLock<A extends ReadonlyAccountState>(account: A): A['locks'][number] | null {
  let strictest: A['locks'][number] | null = null;
  for (const lock of account.locks) {
    if (strictest === null) {
      strictest = lock;
      continue;
    }
    const harder = lock.state === 'halted' && strictest.state === 'reducing';
    const sameButLonger =
      lock.state === strictest.state && untilRank(lock.until) > untilRank(strictest.until);
    if (harder || sameButLonger) strictest = lock;
  }
  return strictest;
}

export function tradingState(account: ReadonlyAccountState): TradingState {
  return strictestLock(account)?.state ?? 'active';
}

/**
 * "until Tue 5 May 17:00 CDT" in the session's time zone (what the trader reads), or "until
 * 2026-05-05T22:00:00.000Z" without one (what the audit keeps); "until reset by hand", "until the broker allows
 * trading".
 */
export function untilText(until: Lock['until'], zone?: string): string {
  if (until === 'manual') return 'until reset by hand';
  if (until === 'brokerAllows') return 'until the broker allows trading';
  if (until === 'confirmed') return "until the trader confirms the day's start";
  if (zone === undefined) return `until ${new Date(until).toISOString()}`;
  return `until ${DateTime.fromMillis(until, { zone, locale: 'en-US' }).toFormat('ccc d LLL HH:mm ZZZZ')}`;
}

/** Whether an order or fill on `side` makes |position| larger (from flat, or adding to it). */
export function increasesPosition(held: number, side: 'buy' | 'sell'): boolean {
  return held === 0 || (side === 'buy') === held > 0;
}
