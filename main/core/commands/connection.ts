// The broker connection on demand (docs/API.md section 6.5): `reconnect` renews it now (the desktop host sends it
// when the machine wakes from sleep or the screen unlocks), and the fresh connection reconciles the whole
// picture. The log keeps the ask; the connection events it causes are journaled and told like any other.
import type { ParsedCommandArgs } from '../../../shared/ipc';
import type { CommandDeps, Handlers } from './types';

type ConnectionDeps = Pick<CommandDeps, 'broker' | 'logger'>;

/** The detail the link shows while it reconnects ("reconnecting: <reason>") when the ask gives none. */
export const RECONNECT_REASON = 'a fresh connection was asked for';

function reconnect({ broker, logger }: ConnectionDeps, args: ParsedCommandArgs<'reconnect'>) {
  const reason = args.reason ?? RECONNECT_REASON;
  const reconnecting = broker.reconnect(reason);
  logger.info('reconnect asked for', { broker: broker.kind, reason, reconnecting });
  return { reconnecting };
}

export function connectionHandlers(deps: ConnectionDeps): Handlers<'reconnect'> {
  return { reconnect: (args) => reconnect(deps, args) };
}
