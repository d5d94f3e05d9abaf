// A Clock for tests: time stands still until the test moves it, and timers fire in time order as it does.
import type { Clock } from '../../main/platform/clock';

export type ManualClock = Clock & {
  /** Moves time forward by `ms`, firing every timer that falls due on the way, each at its own due time. */
  advance(ms: number): void;
  /** Moves time to `ms` (never backwards), firing due timers like `advance`. */
  set(ms: number): void;
  /** How many timers are scheduled: lets a test check that `stop()` cleared them. */
  pendingTimers(): number;
};

type Timer = { id: number; due: number; every: number | null; callback: () => void };

export function createManualClock(startMs = 0): ManualClock {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  const schedule = (callback: () => void, ms: number, every: number | null): (() => void) => {
    const id = nextId++;
    timers.set(id, { id, due: now + Math.max(0, ms), every, callback });
    return () => {
      timers.delete(id);
    };
  };

  const nextDue = (until: number): Timer | undefined => {
    let found: Timer | undefined;
    for (const timer of timers.values()) {
      if (timer.due > until) continue;
      if (found === undefined || timer.due < found.due || (timer.due === found.due && timer.id < found.id)) {
        found = timer;
      }
    }
    return found;
  };

  const runUntil = (target: number): void => {
    if (target < now) throw new Error(`manual clock cannot go back from ${now} to ${target}`);
    for (let timer = nextDue(target); timer !== undefined; timer = nextDue(target)) {
      now = Math.max(now, timer.due);
      if (timer.every === null) timers.delete(timer.id);
      else timer.due += Math.max(1, timer.every);
      timer.callback();
    }
    now = target;
  };

  return {
    now: () => now,
    setTimeout: (callback, ms) => schedule(callback, ms, null),
    setInterval: (callback, ms) => schedule(callback, ms, ms),
    advance: (ms) => {
      runUntil(now + ms);
    },
    set: (ms) => {
      runUntil(ms);
    },
    pendingTimers: () => timers.size,
  };
}
