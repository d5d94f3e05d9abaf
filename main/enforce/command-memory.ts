// Enforcement's commands on their way and just accepted, shared by the verified flatten and the other actions
// (docs/RULES.md section 7: each command once per decision). A cancel of the same order, or a close of the same
// whole position, asked for again while one is on its way shares that one's answer; one the broker accepted a
// moment ago (its report not in yet) is not asked for again by a new decision. Without this a report delivered
// twice, or an order and a fill of one trade seen while halted, cancelled or closed the same thing twice.
import type { BrokerCommand, CommandResult } from '../broker/types';
import type { Clock } from '../platform/clock';

export type CommandMemory = {
  /** Sends the command, or, when the same cancel or whole close is on its way, shares that one's answer. */
  send(command: BrokerCommand): Promise<CommandResult>;
  /** Whether the same cancel or whole close is on its way, or was accepted by the broker at `since` or later. */
  pending(command: BrokerCommand, since: number): boolean;
};

/** Accepted commands are remembered this long (longer than any wait for a broker's report). */
const KEPT_MS = 60_000;

export function createCommandMemory(deps: {
  clock: Pick<Clock, 'now'>;
  execute(command: BrokerCommand): Promise<CommandResult>;
}): CommandMemory {
  const onTheirWay = new Map<string, Promise<CommandResult>>();
  const accepted = new Map<string, number>();

  const forget = (now: number): void => {
    for (const [key, at] of accepted) if (at < now - KEPT_MS) accepted.delete(key);
  };

  return {
    send(command) {
      const key = keyOf(command);
      if (key === null) return deps.execute(command);
      const running = onTheirWay.get(key);
      if (running !== undefined) return running;
      const sent = deps
        .execute(command)
        .then((result) => {
          const now = deps.clock.now();
          forget(now);
          if (result.ok) accepted.set(key, now);
          return result;
        })
        .finally(() => {
          onTheirWay.delete(key);
        });
      onTheirWay.set(key, sent);
      return sent;
    },
    pending(command, since) {
      const key = keyOf(command);
      if (key === null) return false;
      const at = accepted.get(key);
      return onTheirWay.has(key) || (at !== undefined && at >= since);
    },
  };
}

/** Cancels and whole closes are the same when they name the same thing; a partial close or a placing never is. */
function keyOf(command: BrokerCommand): string | null {
  if (command.type === 'cancelOrder') return `${command.account}\ncancel\n${command.orderId}`;
  if (command.type === 'closePosition' && command.qty === undefined)
    return `${command.account}\nclose\n${command.symbol}`;
  return null;
}
