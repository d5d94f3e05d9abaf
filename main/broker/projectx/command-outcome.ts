// What a mutating REST call's outcome means for a command (docs/brokers/PROJECTX.md sections 2.8–2.11). A call that got no
// answer, or a "not found", is never sent again blindly: the gateway's open lists are read back to learn whether
// it happened.
import type { Logger } from '../../platform/logger';
import type { CommandResult } from '../types';
import type { Book } from './book';
import { isObject } from './parse';
import type { RestOutcome } from './rest-client';
import type { Session } from './session';

export type CommandDeps = {
  session: Session;
  book: Book;
  logger: Logger;
  /** Read the picture again (a command found it out of date). */
  resync(reason: string): void;
};

/** Account and order ids at ProjectX are integers; anything else is not theirs. */
export const ID = /^\d{1,19}$/;
const NOT_FOUND = 2;

/** A refusal for an account id that cannot be ProjectX's, or null. */
export const notAnAccount = (account: string): CommandResult | null =>
  ID.test(account) ? null : { ok: false, error: `not a ProjectX account: ${account}` };

/** Whether the gateway still lists a matching row (true/false), or null when that cannot be read. */
export async function stillListed(
  session: Session,
  endpoint: 'Order/searchOpen' | 'Position/searchOpen',
  accountId: number,
  match: (row: Record<string, unknown>) => boolean,
): Promise<boolean | null> {
  const field = endpoint === 'Order/searchOpen' ? 'orders' : 'positions';
  const outcome = await session.call(endpoint, { accountId });
  if (outcome.kind !== 'ok' || !Array.isArray(outcome.body[field])) return null;
  return (outcome.body[field] as unknown[]).some((row) => isObject(row) && match(lowerKeys(row)));
}

export const notLoggedIn = (what: string): CommandResult => ({
  ok: false,
  error: `ProjectX refused to ${what}: not logged in`,
});

/**
 * What a mutating call's outcome means. `stillThere` reads back whether the thing it acts on is still listed:
 * after a "not found" refusal or no answer at all, that decides; other refusals are told as they are.
 */
export async function settle(
  deps: CommandDeps,
  what: string,
  outcome: RestOutcome,
  stillThere: (() => Promise<boolean | null>) | null,
): Promise<CommandResult> {
  if (outcome.kind === 'ok') return { ok: true };
  if (outcome.kind === 'unauthorized') return notLoggedIn(what);
  const unanswered = outcome.kind === 'failed' && outcome.uncertain;
  const readBack = outcome.kind === 'refused' ? outcome.code === NOT_FOUND : outcome.uncertain;
  if (!readBack || stillThere === null) {
    if (unanswered) deps.resync(`${what}: no answer`);
    const verb = unanswered ? 'did not answer whether it could' : 'refused to';
    return { ok: false, error: `ProjectX ${verb} ${what}: ${outcome.error}` };
  }
  const there = await stillThere();
  if (there === false) {
    deps.resync(`${what}: already done`);
    deps.logger.info('command found its work already done', { what, outcome: outcome.kind });
    return { ok: true };
  }
  const state = there === true ? 'it is still there' : 'its state could not be read back: check it by hand';
  return { ok: false, error: `ProjectX did not ${what}: ${outcome.error}; ${state}` };
}

/** The gateway's answers spell some keys PascalCase: read every row with camelCase keys. */
function lowerKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));
}
