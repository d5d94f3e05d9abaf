// A broker connection's life (ProjectX, Tradovate), as a state machine that rebuilds it forever until stopped:
//   idle ─start→ connecting ─ok→ connected ─loss→ reconnecting ─ok→ connected …
//   (re)connecting ─failed→ waiting-to-retry ─(backoff elapsed | wake)→ reconnecting;  any ─stop→ stopped
//   connected | waiting-to-retry ─reconnect (asked for)→ reconnecting
// With `backOffAfterLoss`, a link the server ended (not a planned loss) waits the first backoff before it is
// rebuilt: redialling a server that just closed on us at once tends to fail or be penalised (Tradovate).
import type { ConnectionStatus } from '../../shared/domain/events';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { errorText } from './error-text';

/**
 * `idle`: not started, or started with nothing to connect with (no credentials). `connecting`: the first attempt
 * since start; `reconnecting`: every later one. The hub clients' own reconnects happen inside `connected` (the
 * link reports them); only when a client gives up is the connection lost.
 */
export type ConnectionState =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'waiting-to-retry' | 'stopped';

/** How one attempt ended: connected (`detail`: what is missing, if anything), or why not and when to retry. */
export type Attempt =
  | { ok: true; detail: string | null }
  | { ok: false; status: ConnectionStatus; detail: string; delayMs?: number };

/** A failed attempt that the next one may cure. */
export const notConnected = (error: string): Attempt => ({
  ok: false,
  status: 'reconnecting',
  detail: `not connected: ${error}`,
});

/** Why the connection must be rebuilt. A planned loss (a refreshed token, a new selection) is not told. */
export type Loss = { reason: string; planned: boolean };

export type ConnectionDeps = {
  clock: Clock;
  logger: Logger;
  /** Waits after failed attempts in a row (the last one repeats). */
  restartDelaysMs: readonly number[];
  /** Wait the first of them before rebuilding a link the server ended (default: rebuild at once). */
  backOffAfterLoss?: boolean;
  /** Why there is nothing to connect with (no credentials), or null. */
  cannotConnect(): string | null;
  /** One attempt: on success it leaves the link up until `drop`. */
  connect(): Promise<Attempt>;
  drop(): Promise<void>;
  /** Tells the trader (a `connection` event). */
  report(status: ConnectionStatus, detail?: string, asked?: true): void;
};

export type Connection = {
  state(): ConnectionState;
  /**
   * Runs the machine (or stays idle, and says why, with nothing to connect with); resolves when its first
   * attempt has ended, connected or not.
   */
  start(): Promise<void>;
  /** What the connection is built from changed (new credentials): rebuilt now, or begun when idle. */
  renew(reason: string): void;
  /**
   * The loss signal: a connected link is dropped and rebuilt; during an attempt, the link it leaves up is
   * rebuilt at once. Ignored while waiting (the next attempt is fresh anyway), idle or stopped.
   */
  lose(loss: Loss): void;
  /**
   * A fresh connection asked for: a connected link is reported `reconnecting` at once, dropped and rebuilt; a
   * wait before the next attempt ends now (reported likewise). An attempt under way is left to finish (it
   * reconciles anyway). False when idle or stopped: nothing to reconnect.
   */
  reconnect(reason: string): boolean;
  /** Ends the connection for good (a wait before the next attempt ends too). */
  stop(): void;
};

/** The machine's explicit state: where it is, and the two signals it may be waiting on. */
type Machine = {
  deps: ConnectionDeps;
  state: ConnectionState;
  /** The loss signal of the link being built or up (set from each attempt until its loss or failure). */
  lose: ((loss: Loss) => void) | undefined;
  /** The wake-up: ends a wait before the next attempt now (set while waiting). */
  wake: (() => void) | undefined;
};

export function createConnection(deps: ConnectionDeps): Connection {
  const machine: Machine = { deps, state: 'idle', lose: undefined, wake: undefined };
  return {
    state: () => machine.state,
    start: () => start(machine),
    renew(reason) {
      if (stopped(machine)) return;
      if (running(machine)) machine.lose?.({ reason, planned: false });
      else void start(machine);
      machine.wake?.();
    },
    lose: (loss) => machine.lose?.(loss),
    reconnect: (reason) => reconnect(machine, reason),
    stop() {
      machine.state = 'stopped';
      machine.lose?.({ reason: 'stopping', planned: true });
      machine.wake?.();
    },
  };
}

/** Read through a call: `stop()` changes the state while the machine awaits. */
const stopped = (machine: Machine) => machine.state === 'stopped';
const running = (machine: Machine) => machine.state !== 'idle' && !stopped(machine);

/** Every transition but start and stop: none leaves `stopped`. */
function enter(machine: Machine, next: ConnectionState): void {
  if (!stopped(machine)) machine.state = next;
}

/**
 * A reconnect asked for (docs/brokers/PROJECTX.md section 5.13): told at once (the link may look up but be
 * dead), then a connected link is dropped (a planned loss: not told twice) or a wait before the next attempt
 * ends. An attempt under way is left alone.
 */
function reconnect(machine: Machine, reason: string): boolean {
  if (!running(machine)) return false;
  const was = machine.state;
  if (was !== 'connected' && was !== 'waiting-to-retry') return true;
  machine.deps.logger.info('reconnect asked for', { reason, was });
  enter(machine, 'reconnecting');
  machine.deps.report('reconnecting', `reconnecting: ${reason}`, true);
  if (was === 'connected') machine.lose?.({ reason, planned: true });
  else machine.wake?.();
  return true;
}

function start(machine: Machine): Promise<void> {
  const missing = machine.deps.cannotConnect();
  if (missing !== null) {
    machine.state = 'idle';
    machine.deps.report('disconnected', missing);
    return Promise.resolve();
  }
  machine.state = 'connecting';
  machine.deps.report('connecting');
  return new Promise<void>((resolve) => {
    void run(machine, resolve);
  });
}

async function run(machine: Machine, firstAttemptEnded: () => void): Promise<void> {
  let failures = 0;
  while (!stopped(machine)) {
    const { ended, lost } = await attempt(machine);
    if (ended.ok) machine.deps.report('connected', ended.detail ?? undefined);
    firstAttemptEnded();
    if (stopped(machine)) break;
    if (ended.ok) {
      failures = 0;
      const loss = await stayConnected(machine, lost);
      if (loss?.planned === false && machine.deps.backOffAfterLoss === true && !stopped(machine)) {
        enter(machine, 'waiting-to-retry');
        await pause(machine, backoff(machine, 0));
        enter(machine, 'reconnecting');
        failures = 1;
      }
    } else {
      await waitToRetry(machine, ended, failures);
      failures += 1;
    }
  }
}

/** One attempt, with the loss signal armed from its start. */
async function attempt(machine: Machine): Promise<{ ended: Attempt; lost: Promise<Loss> }> {
  const lost = new Promise<Loss>((resolve) => {
    machine.lose = resolve;
  });
  try {
    return { ended: await machine.deps.connect(), lost };
  } catch (error) {
    return { ended: notConnected(errorText(error)), lost };
  }
}

/** connected until the loss; then the link is dropped and the loss returned (null once stopped). */
async function stayConnected(machine: Machine, lost: Promise<Loss>): Promise<Loss | null> {
  enter(machine, 'connected');
  const loss = await lost;
  machine.lose = undefined;
  if (stopped(machine)) return null;
  enter(machine, 'reconnecting');
  machine.deps.logger.warn('connection lost; rebuilding it', { reason: loss.reason });
  await machine.deps.drop();
  if (!loss.planned) machine.deps.report('reconnecting', `reconnecting: ${loss.reason}`);
  return loss;
}

function backoff(machine: Machine, failures: number): number {
  const delays = machine.deps.restartDelaysMs;
  return delays[Math.min(failures, delays.length - 1)] ?? 1000;
}

async function waitToRetry(
  machine: Machine,
  failed: Extract<Attempt, { ok: false }>,
  failures: number,
): Promise<void> {
  const { deps } = machine;
  machine.lose = undefined;
  deps.logger.warn('connect failed', { detail: failed.detail });
  deps.report(failed.status, failed.detail);
  enter(machine, 'waiting-to-retry');
  await pause(machine, failed.delayMs ?? backoff(machine, failures));
  enter(machine, 'reconnecting');
}

function pause(machine: Machine, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const cancel = machine.deps.clock.setTimeout(resolve, ms);
    machine.wake = () => {
      machine.wake = undefined;
      cancel();
      resolve();
    };
  });
}
