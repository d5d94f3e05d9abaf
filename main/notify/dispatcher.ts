// What reaches the channels, and when (docs/RULES.md section 13): each channel gets the messages at or above its
// level (enforcement results, the broker link, day summaries, remote command answers and tests always); a rule's
// level alerts at most once per account and rule per minute, the rest summarised when the minute ends; each
// channel sends one message at a time from a bounded queue, retries a failed send with backoff, and is reported
// once per failure streak. `tell` never waits: sending happens beside the caller, so it never delays enforcement.
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import {
  SEND_TIMEOUT_MS,
  type Channel,
  type ChannelId,
  type Delivery,
  type RemoteLevel,
  type RemoteMessage,
} from './channel';

/** The level order; a message passes a channel whose minimum it reaches. */
const rank: Record<RemoteLevel, number> = { info: 0, warning: 1, critical: 2 };

/** How long a rule's alerts for one account are held to one message. */
export const RATE_WINDOW_MS = 60_000;
/** Retries of one message after its first send failed: 2 s, 4 s, 8 s, 16 s, 32 s, then it is dropped. */
export const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 16_000, 32_000] as const;
/** At most this many messages wait per channel; older ones go first (the newest say the most). */
export const QUEUE_LIMIT = 50;

export type DispatchChannel = { channel: Channel; minLevel: RemoteLevel };

/** A channel's health, as the settings screen shows it. */
export type ChannelStatus = {
  id: ChannelId;
  minLevel: RemoteLevel;
  /** The last send's outcome; null before the first. */
  last: Delivery | null;
  waiting: number;
  dropped: number;
};

export type DispatcherDeps = {
  channels: readonly DispatchChannel[];
  clock: Clock;
  logger: Logger;
  /** A channel failed (once per streak, with the reason in words) or works again (error null). */
  onTrouble(id: ChannelId, error: string | null): void;
  /** Something a channel shows changed (a delivery, the queue). */
  onChange?(): void;
};

export type Dispatcher = {
  /** Queues `message` for each channel it is for; returns at once. */
  tell(message: RemoteMessage): void;
  /** Sends `message` to one channel now, outside the queue and its limits (the settings' "Send a test"). */
  test(id: ChannelId, message: RemoteMessage): Promise<Delivery>;
  status(): ChannelStatus[];
  /** Stops timers and abandons what is in flight; later `tell`s do nothing. */
  stop(): void;
};

/** Messages that are not a level crossing: every channel gets them whatever its level. */
const alwaysSent = new Set<RemoteMessage['event']>([
  'enforcement',
  'connection',
  'daySummary',
  'command',
  'test',
]);

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const abort = new AbortController();
  const lanes = deps.channels.map((entry) => createLane(entry, deps, abort.signal));
  const limiter = createRateLimiter(deps.clock, (summary) => {
    for (const lane of lanes) if (passes(summary, lane.minLevel)) lane.push(summary);
  });
  return {
    tell(message) {
      if (abort.signal.aborted || !limiter.admit(message)) return;
      for (const lane of lanes) if (passes(message, lane.minLevel)) lane.push(message);
    },
    async test(id, message) {
      const lane = lanes.find((l) => l.id === id);
      if (lane === undefined) return { ok: false, at: deps.clock.now(), error: `${id} is not set up` };
      return lane.sendNow(message);
    },
    status: () => lanes.map((lane) => lane.status()),
    stop() {
      abort.abort();
      limiter.stop();
      for (const lane of lanes) lane.stop();
    },
  };
}

function passes(message: RemoteMessage, minLevel: RemoteLevel): boolean {
  return alwaysSent.has(message.event) || rank[message.level] >= rank[minLevel];
}

type RateLimiter = { admit(message: RemoteMessage): boolean; stop(): void };

/** A rule's level steps in order: a higher one is news even inside the minute. */
const stepRank = { warning: 0, critical: 1, breach: 2 } as const;
const stepOf = (message: RemoteMessage): number => (message.step === undefined ? -1 : stepRank[message.step]);

/**
 * One level message per account and rule (or title, for an alert of no rule) per RATE_WINDOW_MS: the first goes at once, and so does a step above every
 * one told in the window (docs/RULES.md section 5: an alert fires on every step up, so a breach never waits behind
 * its critical); the others inside the window are counted, and when it ends one summary says how many and the
 * latest of them.
 */
function createRateLimiter(clock: Clock, send: (summary: RemoteMessage) => void): RateLimiter {
  type Window = { held: number; latest: RemoteMessage | null; top: number; cancel: () => void };
  const windows = new Map<string, Window>();
  const close = (key: string): void => {
    const window = windows.get(key);
    windows.delete(key);
    if (window?.latest == null) return;
    const latest = window.latest;
    send({
      ...latest,
      event: 'summary',
      title: `${latest.title} (${window.held} more in the last minute)`,
      message: `Latest: ${latest.message}`,
      t: clock.now(),
      buttons: latest.buttons ?? [],
    });
  };
  return {
    admit(message) {
      if (message.event !== 'level') return true;
      // An alert with no rule (a position corrected, a refused command) is kept apart from others by its title.
      const key = `${message.account ?? ''}\u0000${message.rule ?? `title:${message.title}`}`;
      const open = windows.get(key);
      if (open !== undefined && stepOf(message) > open.top) {
        // What was held is older and says less than this step: no summary of it later.
        Object.assign(open, { top: stepOf(message), held: 0, latest: null });
        return true;
      }
      if (open !== undefined) {
        open.held += 1;
        open.latest = message;
        return false;
      }
      windows.set(key, {
        held: 0,
        latest: null,
        top: stepOf(message),
        cancel: clock.setTimeout(() => {
          close(key);
        }, RATE_WINDOW_MS),
      });
      return true;
    },
    stop() {
      for (const window of windows.values()) window.cancel();
      windows.clear();
    },
  };
}

type Lane = {
  id: ChannelId;
  minLevel: RemoteLevel;
  push(message: RemoteMessage): void;
  sendNow(message: RemoteMessage): Promise<Delivery>;
  status(): ChannelStatus;
  stop(): void;
};

/** One channel's queue: one send at a time, retries with backoff, one report per failure streak. */
function createLane(entry: DispatchChannel, deps: DispatcherDeps, signal: AbortSignal): Lane {
  const { channel, minLevel } = entry;
  const queue: RemoteMessage[] = [];
  let sending = false;
  let last: Delivery | null = null;
  let dropped = 0;
  let troubled = false;
  let cancelRetry: (() => void) | null = null;
  const changed = () => deps.onChange?.();

  const deliver = async (message: RemoteMessage): Promise<Delivery> => {
    try {
      // A channel that never answers holds its lane for SEND_TIMEOUT_MS at most.
      await channel.send(message, AbortSignal.any([signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]));
      return { ok: true, at: deps.clock.now() };
    } catch (error) {
      return {
        ok: false,
        at: deps.clock.now(),
        error: error instanceof Error ? error.message : String(error),
      };
    }
  };
  const record = (delivery: Delivery): void => {
    last = delivery;
    if (!delivery.ok && !troubled) {
      troubled = true;
      deps.logger.warn('remote alert channel failing', { channel: channel.id, error: delivery.error });
      deps.onTrouble(channel.id, delivery.error);
    } else if (delivery.ok && troubled) {
      troubled = false;
      deps.logger.info('remote alert channel works again', { channel: channel.id });
      deps.onTrouble(channel.id, null);
    }
    changed();
  };

  const next = (attempt: number): void => {
    const message = queue[0];
    if (message === undefined || signal.aborted) {
      sending = false;
      return;
    }
    sending = true;
    void deliver(message).then((delivery) => {
      if (signal.aborted) return;
      record(delivery);
      const delay = RETRY_DELAYS_MS[attempt];
      if (!delivery.ok && delay !== undefined) {
        cancelRetry = deps.clock.setTimeout(() => {
          cancelRetry = null;
          next(attempt + 1);
        }, delay);
        return;
      }
      if (!delivery.ok) dropped += 1;
      queue.shift();
      next(0);
    });
  };

  return {
    id: channel.id,
    minLevel,
    push(message) {
      queue.push(message);
      // The one being sent (queue[0]) stays; the oldest waiting ones make room.
      while (queue.length > QUEUE_LIMIT) {
        queue.splice(sending ? 1 : 0, 1);
        dropped += 1;
      }
      changed();
      if (!sending) next(0);
    },
    async sendNow(message) {
      const delivery = await deliver(message);
      record(delivery);
      return delivery;
    },
    status: () => ({ id: channel.id, minLevel, last, waiting: queue.length, dropped }),
    stop() {
      cancelRetry?.();
      queue.length = 0;
    },
  };
}
