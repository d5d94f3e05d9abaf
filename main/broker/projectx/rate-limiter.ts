// Keeps REST calls under the gateway's limit (200 requests per 60 s, docs/brokers/PROJECTX.md section 2.2) with a sliding
// window, and holds every call back for a while after the gateway answered 429.
import type { Clock } from '../../platform/clock';

export type RateLimiter = {
  /** Resolves when a request may be sent now (and counts it). */
  acquire(): Promise<void>;
  /**
   * Counts a request that may wait for nothing and take nothing from commands (a keep-warm ping): true when one
   * can go now with nobody waiting and at most half the window used; false, counting nothing, otherwise.
   */
  spare(): boolean;
  /** The gateway said 429: nobody sends for `ms`. */
  pause(ms: number): void;
};

export type RateLimit = { max: number; windowMs: number };

/** A margin under the documented 200 / 60 s: the window's type and scope are undocumented. */
export const DEFAULT_RATE_LIMIT: RateLimit = { max: 180, windowMs: 60_000 };

export function createRateLimiter(clock: Clock, limit: RateLimit = DEFAULT_RATE_LIMIT): RateLimiter {
  const sent: number[] = [];
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;

  const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));

  const forget = (now: number) => {
    while (sent.length > 0 && (sent[0] ?? 0) <= now - limit.windowMs) sent.shift();
  };

  /** Counts a request sent `now` when no pause holds it and the window has fewer than `room` in it. */
  const admit = (now: number, room = limit.max): boolean => {
    forget(now);
    if (now < pausedUntil || sent.length >= room) return false;
    sent.push(now);
    return true;
  };

  const next = async (): Promise<void> => {
    for (;;) {
      const now = clock.now();
      if (admit(now)) {
        waiting -= 1;
        return;
      }
      await wait((now < pausedUntil ? pausedUntil : (sent[0] ?? now) + limit.windowMs) - now);
    }
  };

  return {
    acquire() {
      // With nobody waiting and room in the window, the request goes in this turn (a breach's command); else one
      // at a time, in the order asked: a burst cannot overtake the window.
      if (waiting === 0 && admit(clock.now())) return Promise.resolve();
      waiting += 1;
      const turn = queue.then(next);
      queue = turn.catch(() => undefined);
      return turn;
    },
    spare() {
      return waiting === 0 && admit(clock.now(), limit.max / 2);
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}
