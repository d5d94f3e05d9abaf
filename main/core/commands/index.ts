// The commands a host may send (shared/ipc contract): each is validated, run, and answered; never throws.
// The handlers live by area beside this file; this is their registry and the runner.
import { parseCommand, type CommandName, type CommandResponse } from '../../../shared/ipc';
import { brokerAccountHandlers } from './broker-account';
import { configHandlers } from './config';
import { connectionHandlers } from './connection';
import { lockHandlers } from './locks';
import { notifyHandlers } from './notify';
import { orderHandlers } from './orders';
import { Refused } from './refusals';
import { whatIfHandlers } from './what-if';
import type { CommandDeps, Handler, Handlers } from './types';

export type { CommandDeps } from './types';

function registry(deps: CommandDeps): Handlers {
  return {
    ...orderHandlers(deps),
    ...lockHandlers(deps),
    ...configHandlers(deps),
    ...brokerAccountHandlers(deps),
    ...connectionHandlers(deps),
    ...whatIfHandlers(deps),
    ...notifyHandlers(deps),
    getState: () => deps.view(),
    getHistory: (args) => deps.history(args),
  };
}

export function createCommandHandlers(deps: CommandDeps) {
  const handlers = registry(deps);
  return {
    /** `origin`: who asked, when not the trader at the screen (a remote command's chat), for the audit. */
    async run<N extends CommandName>(
      name: N,
      rawArgs: unknown,
      origin?: string,
    ): Promise<CommandResponse<N>> {
      if (!Object.hasOwn(handlers, name)) return { ok: false, error: `unknown command ${name}` };
      const parsed = parseCommand(name, rawArgs);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        const handler = handlers[name] as Handler<N>;
        const result = await handler(parsed.args, origin);
        return { ok: true, result };
      } catch (error) {
        if (!(error instanceof Refused))
          deps.logger.error('command failed', { name, reason: (error as Error).message });
        return { ok: false, error: (error as Error).message };
      } finally {
        deps.afterCommand();
      }
    },
  };
}
