// The thread that decides runs ahead of the process's background threads (Linux): a host lowers V8's helper
// threads at start, a background worker lowers itself, and the main thread keeps its priority.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from '../../../main/platform/thread-priority';

type Report = {
  pid: number;
  before: Record<string, number>;
  lowered: number;
  after: Record<string, number>;
  fromMain: boolean;
  worker: { thread: number; first: boolean; second: boolean; nice: number; mainNice: number };
};

function runChild(): Report {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'thread-priority-child.ts')],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (child.status !== 0) throw new Error(`the child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as Report;
}

describe.runIf(process.platform === 'linux')('background threads below the main one', () => {
  it('lowers every thread but the main one to nice 10, and a worker lowers itself once', () => {
    const report = runChild();
    const main = String(report.pid);
    // As the test runs (0 unless the whole run was started with `nice`); lowering never raises a thread.
    const base = report.before[main] ?? 0;
    const low = Math.max(base, BACKGROUND_NICE);
    const others = Object.keys(report.before).filter((thread) => thread !== main);
    // V8 starts its helper threads with the process: there is something to lower, all at the main one's before.
    expect(others.length).toBeGreaterThanOrEqual(1);
    expect(others.map((thread) => report.before[thread])).toEqual(others.map(() => base));
    expect(report.lowered).toBe(base < BACKGROUND_NICE ? others.length : 0);
    expect(report.after[main]).toBe(base);
    expect(others.map((thread) => report.after[thread])).toEqual(others.map(() => low));
    // The main thread never lowers itself.
    expect(report.fromMain).toBe(false);
    expect(report.worker).toEqual({
      thread: report.worker.thread,
      first: base < BACKGROUND_NICE,
      second: false,
      nice: low,
      mainNice: base,
    });
    expect(others).not.toContain(String(report.worker.thread));
  });
});
