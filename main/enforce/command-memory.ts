// Enforcement's commands on their way and just accepted, shared by the verified flatten and the other actions
// (docs/RULES.md section 7: each command once per decision). A cancel of the same order, or a close of the same
// whole position, asked for again while one is on its way shares that one's answer; one the broker accepted is
// "pending" until the engine's picture shows it done (the order gone, the position it closed gone), so a report
// delivered twice, or an order and a fill of one trade seen while halted, does not cancel or close it twice.
import type { BrokerCommand, CommandResult } from '../broker/types';
import type { ReadonlyEngineState } from '../engine';
import type { Clock } from '../platform/clock';

export type CommandMemory = {
  /** Sends the command, or, when the same cancel or whole close is on its way, shares that one's answer. */
  send(command: BrokerCommand): Promise<CommandResult>;
  /** Whether the same cancel or whole close is on its way to the broker now. */
  onItsWay(command: BrokerCommand): boolean;
  /**
   * On its way, or accepted by the broker and not yet seen done: the order still working, or the very position
   * the close was sent for still open (a position that went flat and opened again is a new one).
   */
  pending(command: BrokerCommand): boolean;
  /**
   * The engine's picture, from which an accepted command is seen done. The flattener makes the memory and the
   * enforcer, which holds the picture, hands it over. Without it an acceptance is kept `KEPT_MS`.
   */
  watch(picture: ReadonlyEngineState): void;
};

/**
 * The longest an acceptance is kept, even while its effect is not seen: a cancel or close the broker accepted and
 * then never carried out is sent again by the next decision after this (the flatten's retries resend sooner).
 * Both times are this clock's, so no broker's clock is compared with the local one.
 */
const KEPT_MS = 60_000;

/** An accepted command: when (local clock), and for a close the position it was sent for (compared by identity). */
type Accepted = { command: BrokerCommand; at: number; position: unknown };

export function createCommandMemory(deps: {
  clock: Pick<Clock, 'now'>;
  execute(command: BrokerCommand): Promise<CommandResult>;
}): CommandMemory {
  const onTheirWay = new Map<string, Promise<CommandResult>>();
  const accepted = new Map<string, Accepted>();
  let picture: ReadonlyEngineState | null = null;

  /** What the picture holds that the command acts on: the order, the position (undefined: nothing). */
  const target = (command: BrokerCommand): unknown => {
    const account = picture?.accounts.get(command.account);
    if (command.type === 'cancelOrder') return account?.orders.get(command.orderId);
    if (command.type === 'closePosition') return account?.positions.get(command.symbol);
    return undefined;
  };

  /** Still waiting for its effect: within `KEPT_MS`, and (with a picture) not yet seen done. */
  const waiting = ({ command, at, position }: Accepted): boolean => {
    if (at < deps.clock.now() - KEPT_MS) return false;
    if (picture === null) return true;
    // An order id is never reused: gone once is done. A close is done once its position left the picture; a
    // position in the symbol now that is not the same object opened after the one closed went flat.
    if (command.type === 'cancelOrder') return target(command) !== undefined;
    return position !== undefined && target(command) === position;
  };

  const forgetDone = (): void => {
    for (const [key, entry] of accepted) if (!waiting(entry)) accepted.delete(key);
  };

  const isPending = (command: BrokerCommand): boolean => {
    const key = commandKey(command);
    if (key === null) return false;
    if (onTheirWay.has(key)) return true;
    const entry = accepted.get(key);
    if (entry === undefined) return false;
    if (waiting(entry)) return true;
    accepted.delete(key);
    return false;
  };

  return {
    send(command) {
      const key = commandKey(command);
      if (key === null) return deps.execute(command);
      const running = onTheirWay.get(key);
      if (running !== undefined) return running;
      const position = command.type === 'closePosition' ? target(command) : undefined;
      const sent = deps
        .execute(command)
        .then((result) => {
          forgetDone();
          const entry = { command, at: deps.clock.now(), position };
          // Already done by the time of the answer (its report came first): nothing to wait for.
          if (result.ok && waiting(entry)) accepted.set(key, entry);
          return result;
        })
        .finally(() => {
          onTheirWay.delete(key);
        });
      onTheirWay.set(key, sent);
      return sent;
    },
    onItsWay(command) {
      const key = commandKey(command);
      return key !== null && onTheirWay.has(key);
    },
    pending: isPending,
    watch(given) {
      picture = given;
    },
  };
}

/**
 * Cancels and whole closes are the same when they name the same thing; a partial close or a placing never is
 * (null). The circuit breaker judges the same commands by the same key.
 */
export function commandKey(command: BrokerCommand): string | null {
  if (command.type === 'cancelOrder') return `${command.account}\ncancel\n${command.orderId}`;
  if (command.type === 'closePosition' && command.qty === undefined)
    return `${command.account}\nclose\n${command.symbol}`;
  return null;
}
