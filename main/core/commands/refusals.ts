// Refusals the trader reads as they are (not logged as faults), and the checks shared by the command areas.
import {
  groupsOf,
  increasesPosition,
  strictestLock,
  untilText,
  type ReadonlyEngineState,
} from '../../engine';
import type { CommandResult } from '../../broker/types';

/** A refusal the user should read as is (not logged as a fault). */
export class Refused extends Error {}

export function knownAccount(state: ReadonlyEngineState, id: string): void {
  if (!state.accounts.has(id)) throw new Refused(`unknown account ${id}`);
}

/**
 * The members of group `id` (docs/RULES.md section 10) that Warden knows (the broker has reported them), in config
 * order. Refuses an unknown group by its name, and a group none of whose accounts is known yet.
 */
export function knownGroupMembers(state: ReadonlyEngineState, id: string): string[] {
  const groups = groupsOf(state.config);
  // Own groups only: a name such as "hasOwnProperty" is every object's, not a group.
  const group = Object.hasOwn(groups, id) ? groups[id] : undefined;
  if (group === undefined) {
    const ids = Object.keys(groups);
    const known = ids.length === 0 ? 'the config has no groups' : `groups are ${ids.join(', ')}`;
    throw new Refused(`unknown group "${id}" (${known})`);
  }
  const members = group.accounts.filter((member) => state.accounts.has(member));
  if (members.length === 0)
    throw new Refused(`group "${id}": none of its accounts (${group.accounts.join(', ')}) is known yet`);
  return members;
}

/** Halted: no new orders. Reducing: only orders that make |position| smaller (docs/RULES.md section 4). */
export function refuseWhileLocked(
  state: ReadonlyEngineState,
  accountId: string,
  symbol: string,
  side: 'buy' | 'sell',
): void {
  const account = state.accounts.get(accountId);
  const lock = account === undefined ? null : strictestLock(account);
  if (account === undefined || lock === null) return;
  const held = account.positions.get(symbol)?.qty ?? 0;
  if (lock.state === 'reducing' && !increasesPosition(held, side)) return;
  throw new Refused(
    `${accountId} is ${lock.state === 'halted' ? 'halted' : 'reducing only'} ${untilText(lock.until, state.config.session.timezone)} (${lock.rule}: ${lock.reason})`,
  );
}

/** The broker's answer when it took the command; its refusal, as the trader's, when not. */
export function brokerAnswer(result: CommandResult): CommandResult & { ok: true } {
  if (!result.ok) throw new Refused(result.error);
  return result;
}
