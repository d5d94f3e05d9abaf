// Lets the thread that decides run ahead of the process's own background threads. V8 optimizes code and marks the
// heap on helper threads of its own, and on a machine with two cores Linux often queues the woken main thread
// behind one of them on the same core, even with the other core idle: in bench:e2e most breaches that took more
// than 4 ms had waited that way, 1 to 5 ms, behind a TurboFan compile (docs/ARCHITECTURE.md, "Breach to broker").
// A helper thread at a lower priority (a higher nice value) is not put ahead of the main thread and gives the core
// up to it sooner, though not always at once; end to end the bench cannot tell the difference within its noise
// (docs/TESTING.md, "Who holds the core, traced"): a rule of precedence, not a measured gain.
// Linux only: elsewhere a priority is the whole process's, and these do nothing.
import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of every thread but the main one: below the main thread's 0, well above idle's 19. */
export const BACKGROUND_NICE = 10;

/** Lowers one thread (its Linux thread id); false when it is already as low, gone, or the system refuses. */
function lower(thread: number): boolean {
  try {
    if (getPriority(thread) >= BACKGROUND_NICE) return false;
    setPriority(thread, BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lowers every thread of this process but the main one, as they are now: called first thing by a host, that is
 * V8's helpers (and libuv's, if any has started). Threads started later take the main thread's priority; a
 * worker thread that works in the background lowers itself (`lowerThisThread`). Answers how many it lowered.
 */
export function lowerBackgroundThreads(): number {
  if (process.platform !== 'linux') return 0;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  return threads.map(Number).filter((thread) => thread !== process.pid && lower(thread)).length;
}

/** Lowers the calling thread, from inside a worker thread; never the main thread. True when lowered. */
export function lowerThisThread(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // "<pid>/task/<tid>"
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(thread) && thread !== process.pid && lower(thread);
  } catch {
    return false;
  }
}
