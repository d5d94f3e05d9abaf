// Long polling of the trader's bot (no inbound port): getUpdates in a loop, each call confirming the updates handled
// before it. A failure backs off 1 s, 2 s, 4 s … 60 s on the injected clock (longer when Telegram's flood control
// says so) and is told once per streak, its end too; stop() aborts the poll under way at once.
import type { Clock } from '../../platform/clock';
import type { BotApi } from './bot-api';
import type { TelegramUpdate } from './updates';

export type PollerProblem =
  | { kind: 'unreachable'; message: string }
  | { kind: 'recovered'; message: string }
  /** `onUpdate` threw: the update is still confirmed, so it cannot come back for ever. */
  | { kind: 'unhandled'; message: string };

export type PollerOptions = {
  api: Pick<BotApi, 'getUpdates'>;
  clock: Clock;
  /** Awaited, update by update, in order. */
  onUpdate: (update: TelegramUpdate) => void | Promise<void>;
  onProblem: (problem: PollerProblem) => void;
  /** Hears each wait before a retry, in ms (for a status line: "retrying in 4 s"). */
  onBackoff?: (delayMs: number) => void;
  timeoutSeconds?: number;
};

export type Poller = { stop(): Promise<void> };

export const DEFAULT_POLL_TIMEOUT_SECONDS = 25;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/** A long poll still unanswered this long after its own timeout is given up (a connection that went silent). */
const GRACE_SECONDS = 15;

/** The wait after the `failures`-th failure in a row: 1 s doubling to 60 s, never less than retry_after. */
export function backoffMs(failures: number, retryAfterSeconds: number | null): number {
  const doubling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(doubling, (retryAfterSeconds ?? 0) * 1000);
}

export function startPolling(options: PollerOptions): Poller {
  const { api, clock, onProblem } = options;
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_POLL_TIMEOUT_SECONDS;
  const life = { stopped: false, poll: new AbortController(), cancelWait: () => {}, endWait: () => {} };
  const stopped = () => life.stopped;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      life.endWait = resolve;
      life.cancelWait = clock.setTimeout(resolve, ms);
      options.onBackoff?.(ms);
    });

  const pollOnce = async (offset: number | null) => {
    life.poll = new AbortController();
    const { poll } = life;
    const watchdog = { fired: false };
    const cancel = clock.setTimeout(
      () => {
        watchdog.fired = true;
        poll.abort();
      },
      (timeoutSeconds + GRACE_SECONDS) * 1000,
    );
    try {
      return {
        ok: true as const,
        batch: await api.getUpdates({ offset, timeoutSeconds, signal: poll.signal }),
      };
    } catch (error) {
      const reason = watchdog.fired
        ? `no answer within ${timeoutSeconds + GRACE_SECONDS} s`
        : messageOf(error);
      return { ok: false as const, reason, retryAfterSeconds: retryAfterOf(error) };
    } finally {
      cancel();
    }
  };

  const deliver = async (update: TelegramUpdate) => {
    try {
      await options.onUpdate(update);
    } catch (error) {
      onProblem({
        kind: 'unhandled',
        message: `Telegram update ${update.updateId} not handled: ${messageOf(error)}`,
      });
    }
  };

  const run = async () => {
    let offset: number | null = null;
    let failures = 0;
    while (!stopped()) {
      const polled = await pollOnce(offset);
      if (stopped()) return;
      if (!polled.ok) {
        failures += 1;
        if (failures === 1)
          onProblem({ kind: 'unreachable', message: `Telegram unreachable: ${polled.reason}` });
        await wait(backoffMs(failures, polled.retryAfterSeconds));
        continue;
      }
      if (failures > 0) {
        onProblem({
          kind: 'recovered',
          message: `Telegram reachable again after ${failures} failed ${failures === 1 ? 'poll' : 'polls'}`,
        });
        failures = 0;
      }
      for (const update of polled.batch.updates) {
        if (stopped()) return;
        await deliver(update);
      }
      offset = polled.batch.nextOffset ?? offset;
    }
  };

  const done = run();
  return {
    stop: async () => {
      life.stopped = true;
      life.poll.abort();
      life.cancelWait();
      life.endWait();
      await done;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function retryAfterOf(error: unknown): number | null {
  const seconds = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : null;
}
