// The connection's life, as a state machine that rebuilds it forever until stopped:
//   idle ─start→ connecting ─ok→ connected ─loss→ reconnecting ─ok→ connected …
//   (re)connecting ─failed→ waiting-to-retry ─(backoff elapsed | wake)→ reconnecting;  any ─stop→ stopped
import type { ConnectionStatus } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { errorText } from './rest-client';

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
  /** Why there is nothing to connect with (no credentials), or null. */
  cannotConnect(): string | null;
  /** One attempt: on success it leaves the link up until `drop`. */
  connect(): Promise<Attempt>;
  drop(): Promise<void>;
  /** Tells the trader (a `connection` event). */
  report(status: ConnectionStatus, detail?: string): void;
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
  /** Ends the connection for good (a wait before the next attempt ends too). */
  stop(): void;
};

export function createConnection(deps: ConnectionDeps): Connection {
  let state: ConnectionState = 'idle';
  let lose: ((loss: Loss) => void) | undefined;
  /** The wake-up: ends a wait before the next attempt now (set while waiting). */
  let wake: (() => void) | undefined;
  /** Read through a call: `stop()` changes it while the machine awaits. */
  const stopped = () => state === 'stopped';
  const enter = (next: ConnectionState) => {
    if (!stopped()) state = next;
  };

  const attempt = async (): Promise<{ attempt: Attempt; lost: Promise<Loss> }> => {
    const lost = new Promise<Loss>((resolve) => {
      lose = resolve;
    });
    try {
      return { attempt: await deps.connect(), lost };
    } catch (error) {
      return { attempt: notConnected(errorText(error)), lost };
    }
  };

  /** connected until the loss; then the link is dropped and the machine reconnects. */
  const stayConnected = async (lost: Promise<Loss>): Promise<void> => {
    enter('connected');
    const loss = await lost;
    lose = undefined;
    if (stopped()) return;
    enter('reconnecting');
    deps.logger.warn('connection lost; rebuilding it', { reason: loss.reason });
    await deps.drop();
    if (!loss.planned) deps.report('reconnecting', `reconnecting: ${loss.reason}`);
  };

  const waitToRetry = async (failed: Extract<Attempt, { ok: false }>, failures: number): Promise<void> => {
    lose = undefined;
    deps.logger.warn('connect failed', { detail: failed.detail });
    deps.report(failed.status, failed.detail);
    enter('waiting-to-retry');
    const delays = deps.restartDelaysMs;
    await pause(failed.delayMs ?? delays[Math.min(failures, delays.length - 1)] ?? 1000);
    enter('reconnecting');
  };

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const cancel = deps.clock.setTimeout(resolve, ms);
      wake = () => {
        wake = undefined;
        cancel();
        resolve();
      };
    });

  const run = async (firstAttemptEnded: () => void): Promise<void> => {
    let failures = 0;
    while (!stopped()) {
      const { attempt: ended, lost } = await attempt();
      if (ended.ok) deps.report('connected', ended.detail ?? undefined);
      firstAttemptEnded();
      if (stopped()) break;
      if (ended.ok) {
        failures = 0;
        await stayConnected(lost);
      } else {
        await waitToRetry(ended, failures);
        failures += 1;
      }
    }
  };

  const start = (): Promise<void> => {
    const missing = deps.cannotConnect();
    if (missing !== null) {
      state = 'idle';
      deps.report('disconnected', missing);
      return Promise.resolve();
    }
    state = 'connecting';
    deps.report('connecting');
    return new Promise<void>((resolve) => {
      void run(resolve);
    });
  };
  const running = () => state !== 'idle' && state !== 'stopped';

  return {
    state: () => state,
    start,
    renew(reason) {
      if (stopped()) return;
      if (running()) lose?.({ reason, planned: false });
      else void start();
      wake?.();
    },
    lose: (loss) => lose?.(loss),
    stop() {
      state = 'stopped';
      lose?.({ reason: 'stopping', planned: true });
      wake?.();
    },
  };
}
