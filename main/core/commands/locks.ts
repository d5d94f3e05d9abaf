// The trader's own locks and day start: self-lock, reset of the manual locks, settings lock, and confirming
// a day start Warden could not rebuild.
import { dec, formatMoney } from '../../../shared/domain/money';
import type { ParsedCommandArgs } from '../../../shared/ipc';
import type { CommandDeps, Handlers } from './types';
import { knownAccount, knownGroupMembers, Refused } from './refusals';

type LockDeps = Pick<CommandDeps, 'state' | 'applyOwn'>;

/** The trader's own lock, of one account or of every member of a group (each journaled as its own event). */
function lock(deps: LockDeps, args: ParsedCommandArgs<'lock'>, origin: string | undefined) {
  const { state } = deps;
  const ids = args.group === undefined ? [args.account ?? ''] : knownGroupMembers(state, args.group);
  if (args.group === undefined) knownAccount(state, ids[0] ?? '');
  let lockedUntil = '';
  for (const id of ids) {
    deps.applyOwn({
      type: 'selfLock',
      t: state.now,
      account: id,
      until: args.until,
      ...(origin === undefined ? {} : { origin }),
    });
    const selfLock = state.accounts.get(id)?.locks.find((l) => l.rule === 'selfLock');
    if (selfLock === undefined || typeof selfLock.until !== 'number') throw new Error('the lock was not set');
    lockedUntil = new Date(selfLock.until).toISOString();
  }
  return args.group === undefined ? { lockedUntil } : { lockedUntil, accounts: ids };
}

function resetLock(deps: LockDeps, args: ParsedCommandArgs<'resetLock'>) {
  const { state } = deps;
  knownAccount(state, args.account);
  const manual = () =>
    state.accounts.get(args.account)?.locks.filter((l) => l.until === 'manual').length ?? 0;
  const before = manual();
  // Applied (and so audited) even when nothing is lifted: the audit shows what the trader asked for.
  deps.applyOwn({ type: 'lockReset', t: state.now, account: args.account });
  return { lifted: before - manual() };
}

function lockSettings(deps: LockDeps, args: ParsedCommandArgs<'lockSettings'>) {
  const { state } = deps;
  knownAccount(state, args.account);
  deps.applyOwn({ type: 'settingsLock', t: state.now, account: args.account });
  const until = state.accounts.get(args.account)?.settingsLockedUntil ?? null;
  if (until === null) throw new Error('the settings were not locked');
  return { lockedUntil: new Date(until).toISOString() };
}

function confirmDayStart(deps: LockDeps, args: ParsedCommandArgs<'confirmDayStart'>) {
  const { state } = deps;
  knownAccount(state, args.account);
  const account = state.accounts.get(args.account);
  const proposed = account?.day.startEquity;
  if (account === undefined || proposed === undefined || !account.locks.some((l) => l.until === 'confirmed'))
    throw new Refused(`${args.account} has no day start waiting to be confirmed`);
  const startEquity = dec(args.startEquity);
  const note = startEquity.equals(proposed)
    ? `the trader confirmed today's start: ${formatMoney(startEquity)}`
    : `the trader set today's start to ${formatMoney(startEquity)} (Warden's estimate was ${formatMoney(proposed)})`;
  deps.applyOwn({
    type: 'dayStart',
    t: state.now,
    account: args.account,
    startEquity,
    source: 'confirmed',
    note,
  });
  return { startEquity: startEquity.toFixed() };
}

export function lockHandlers(
  deps: LockDeps,
): Handlers<'lock' | 'resetLock' | 'lockSettings' | 'confirmDayStart'> {
  return {
    lock: (args, origin) => lock(deps, args, origin),
    resetLock: (args) => resetLock(deps, args),
    lockSettings: (args) => lockSettings(deps, args),
    confirmDayStart: (args) => confirmDayStart(deps, args),
  };
}
