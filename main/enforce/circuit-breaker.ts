// The enforcement circuit breaker (docs/RULES.md section 7), one per account. Repeated failed enforcement commands
// open it: while open, enforcement sends nothing to the broker (a failing or rate-limiting broker is not
// hammered; the trader has been told to act manually); after a cool-down it is half open and lets the next
// command through as a trial: success closes it, failure opens it again for twice as long (capped). A cancel or
// whole close that fails is judged by its effect first (see `Unjudged`): a lost answer is not a broker failure.
import type { BrokerCommand, CommandResult } from '../broker/types';
import type { BreakerState } from '../../shared/ipc/view';
import type { Clock } from '../platform/clock';
import { commandKey } from './command-memory';

export type { BreakerState };

export type BreakerTransition = {
  account: string;
  from: BreakerState;
  to: BreakerState;
  at: number;
  reason: string;
};

export type CircuitBreakerOptions = {
  clock: Clock;
  /** Consecutive failed commands that open the breaker (default 3). */
  failuresToOpen?: number;
  /** First cool-down (default 30 s); doubles after each failed trial, up to `maxOpenMs` (default 5 min). */
  openMs?: number;
  maxOpenMs?: number;
  onTransition(transition: BreakerTransition): void;
};

export type CircuitBreaker = {
  /** Sends `command` through `send` unless the account's breaker is open (then refuses it without sending). */
  guard(
    command: BrokerCommand,
    send: (command: BrokerCommand) => Promise<CommandResult>,
  ): Promise<CommandResult>;
  /** The trader asked for this account by hand: an open breaker lets the next command through as a trial. */
  probe(account: string, reason: string): void;
  stateOf(account: string): BreakerState;
  stop(): void;
};

/**
 * A failed cancel or whole close, held before it counts. Its answer may only have been lost (no answer in time,
 * the socket gone) while the broker carried it out; the breaker cannot tell from the answer, but enforcement's
 * next move tells it: the same cancel or close is sent again only when, after waiting, the engine's picture still
 * shows the order working or the position open (the flatten's next attempt, a new decision). So a failure counts
 * once the same command fails again (both count then, and each later failure of it at once); a command whose
 * effect showed is never sent again, and its failure never counts. Held `UNJUDGED_MS` on the local clock. A
 * partial close or a placing, whose effect cannot be told from the picture, counts at once, as does a half-open
 * breaker's trial. The same command failing on every attempt opens the breaker as soon as before; different
 * commands each failing once (a broker down for everything) open it at the flatten's second attempt.
 */
type Unjudged = { error: string; at: number; counted: boolean };

/** Longer than a whole flatten (5 attempts with their waits) and its 10 s retries. */
const UNJUDGED_MS = 60_000;

type Circuit = {
  state: BreakerState;
  failures: number;
  openMs: number;
  reopensAt: number;
  cancelTimer: (() => void) | null;
  unjudged: Map<string, Unjudged>;
};

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const { clock } = options;
  const failuresToOpen = options.failuresToOpen ?? 3;
  const baseOpenMs = options.openMs ?? 30_000;
  const maxOpenMs = options.maxOpenMs ?? 300_000;
  const circuits = new Map<string, Circuit>();

  const circuitOf = (account: string): Circuit => {
    let circuit = circuits.get(account);
    if (circuit === undefined) {
      circuit = {
        state: 'closed',
        failures: 0,
        openMs: baseOpenMs,
        reopensAt: 0,
        cancelTimer: null,
        unjudged: new Map(),
      };
      circuits.set(account, circuit);
    }
    return circuit;
  };

  const move = (account: string, circuit: Circuit, to: BreakerState, reason: string): void => {
    const from = circuit.state;
    circuit.state = to;
    circuit.cancelTimer?.();
    circuit.cancelTimer = null;
    if (to === 'open') {
      circuit.reopensAt = clock.now() + circuit.openMs;
      circuit.cancelTimer = clock.setTimeout(() => {
        circuit.cancelTimer = null;
        move(account, circuit, 'halfOpen', 'cool-down over: the next command is a trial');
      }, circuit.openMs);
    }
    options.onTransition({ account, from, to, at: clock.now(), reason });
  };

  const succeeded = (account: string, circuit: Circuit): void => {
    circuit.failures = 0;
    if (circuit.state === 'halfOpen') {
      circuit.openMs = baseOpenMs;
      move(account, circuit, 'closed', 'a trial command succeeded');
    }
  };

  const failed = (account: string, circuit: Circuit, error: string): void => {
    circuit.failures += 1;
    if (circuit.state === 'halfOpen') {
      circuit.openMs = Math.min(circuit.openMs * 2, maxOpenMs);
      move(account, circuit, 'open', `the trial command failed: ${error}`);
    } else if (circuit.state === 'closed' && circuit.failures >= failuresToOpen) {
      move(
        account,
        circuit,
        'open',
        `${circuit.failures} enforcement commands failed in a row; the last: ${error}`,
      );
    }
  };

  /** A failed cancel or whole close: held the first time; failing again, it counts, with the one held. */
  const judge = (account: string, circuit: Circuit, key: string, error: string): void => {
    const now = clock.now();
    for (const [held, entry] of circuit.unjudged)
      if (entry.at < now - UNJUDGED_MS) circuit.unjudged.delete(held);
    const earlier = circuit.unjudged.get(key);
    circuit.unjudged.set(key, { error, at: now, counted: earlier !== undefined });
    if (earlier === undefined) return;
    if (!earlier.counted) failed(account, circuit, earlier.error);
    if (circuit.state === 'closed') failed(account, circuit, error);
  };

  return {
    async guard(command, send) {
      const circuit = circuitOf(command.account);
      if (circuit.state === 'open') {
        const seconds = Math.max(0, Math.ceil((circuit.reopensAt - clock.now()) / 1000));
        return {
          ok: false,
          error: `not sent: enforcement is paused after repeated broker failures (circuit breaker open; next try in ${seconds} s)`,
        };
      }
      let result: CommandResult;
      try {
        result = await send(command);
      } catch (error) {
        result = { ok: false, error: (error as Error).message };
      }
      const key = commandKey(command);
      if (result.ok) {
        if (key !== null) circuit.unjudged.delete(key);
        succeeded(command.account, circuit);
      } else if (key === null || circuit.state !== 'closed') failed(command.account, circuit, result.error);
      else judge(command.account, circuit, key, result.error);
      return result;
    },
    probe(account, reason) {
      const circuit = circuitOf(account);
      if (circuit.state === 'open') move(account, circuit, 'halfOpen', reason);
    },
    stateOf: (account) => circuits.get(account)?.state ?? 'closed',
    stop() {
      for (const circuit of circuits.values()) {
        circuit.cancelTimer?.();
        circuit.cancelTimer = null;
      }
    },
  };
}
