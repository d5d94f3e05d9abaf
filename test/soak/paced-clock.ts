// The wall clock, with intervals that keep their rate: a timer fires late on a busy machine (and never more often
// than every few milliseconds), so each firing runs the callback as many times as its interval has elapsed since
// the start, at most `maxBurst` at once. The soak's market steps on it, so the quote rate is the one asked for
// whatever the timer resolution, as long as the machine keeps up.
import { systemClock, type Clock } from '../../main/platform/clock';

/** Timers fire at most this often; an interval shorter than this runs several callbacks per firing. */
const TIMER_MS = 10;

export function pacedClock(maxBurst = 100): Clock {
  return {
    now: () => systemClock.now(),
    setTimeout: (callback, ms) => systemClock.setTimeout(callback, ms),
    setInterval(callback, ms) {
      const start = Date.now();
      let done = 0;
      const handle = setInterval(
        () => {
          const due = Math.floor((Date.now() - start) / ms);
          // Behind by more than a burst (the machine stalled): the missed steps are skipped, not rushed.
          if (due - done > maxBurst) done = due - maxBurst;
          while (done < due) {
            done += 1;
            callback();
          }
        },
        Math.max(TIMER_MS, Math.min(ms, 1000)),
      );
      return () => {
        clearInterval(handle);
      };
    },
  };
}
