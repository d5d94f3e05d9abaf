// A process's threads and their nice values, as Linux reports them (/proc/<pid>/task/<tid>/stat): this process's
// unless another's id is given.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The nice value of one thread; undefined once it is gone. */
export function niceOf(thread: number, pid: number | 'self' = 'self'): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
    // After the name in parentheses: state (field 3) … nice (field 19).
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  } catch {
    return undefined;
  }
}

/** Every thread, by id, with its nice value. */
export function threadNices(pid: number | 'self' = 'self'): Map<number, number> {
  const nices = new Map<number, number>();
  for (const thread of readdirSync(`/proc/${pid}/task`).map(Number)) {
    const nice = niceOf(thread, pid);
    if (nice !== undefined) nices.set(thread, nice);
  }
  return nices;
}

/** The calling thread's id. */
export const ownThread = (): number => Number(readlinkSync('/proc/thread-self').split('/').pop());
