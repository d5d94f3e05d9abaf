// Coalesces state pushes: however fast the market, listeners get at most one state per interval (default
// 50 ms, i.e. 20 a second), always the latest, and never a stale one after a quiet period.
import type { Clock } from '../platform/clock';

export type Publisher = {
  /** Something changed: a push will follow within the interval. */
  markDirty(): void;
  /** Push now if anything is pending (e.g. before shutdown, or after a command the user awaits). */
  flush(): void;
  stop(): void;
};

export function createPublisher(clock: Clock, publish: () => void, intervalMs = 50): Publisher {
  let dirty = false;
  let lastPush = Number.NEGATIVE_INFINITY;
  let cancelTimer: (() => void) | null = null;

  const push = (): void => {
    cancelTimer?.();
    cancelTimer = null;
    if (!dirty) return;
    dirty = false;
    lastPush = clock.now();
    publish();
  };

  return {
    markDirty() {
      dirty = true;
      if (cancelTimer !== null) return;
      const wait = Math.max(0, lastPush + intervalMs - clock.now());
      cancelTimer = clock.setTimeout(push, wait);
    },
    flush: push,
    stop() {
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
