// Lets enforcement wait for the engine's picture to change: `next(ms)` resolves at the next `notify()` (an
// applied event) or after `ms`, whichever comes first.
import type { Clock } from '../platform/clock';

export type ChangeSignal = { notify(): void; next(ms: number): Promise<void> };

export function createChangeSignal(clock: Clock): ChangeSignal {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const wake of [...waiters]) wake();
    },
    next(ms) {
      return new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          cancel();
          resolve();
        };
        const cancel = clock.setTimeout(wake, ms);
        waiters.add(wake);
      });
    },
  };
}
