// The write-ahead log reaches the disk off the event loop: flushed on a timer through a handle of its own beside
// SQLite's (seen in /proc, Linux), one flush at a time, nothing said when there is no log yet, a log it cannot open told once, and
// the handle closed at stop.
import { mkdirSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../main/platform/logger';
import { startDiskSync } from '../../../main/store/disk-sync';
import { useTempDirs, walDatabase as walDatabaseIn } from './temp-store';

const tempDir = useTempDirs();

/** How many of this process's file handles are open on `path`. */
function handlesOn(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

/** A WAL database with one committed row; the caller closes it. */
const walDatabase = () =>
  walDatabaseIn(tempDir(), "CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('a fill')");

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('disk sync', () => {
  it('flushes the log on its timer through one handle, and closes it at stop', async () => {
    const { db, file } = walDatabase();
    const logger = memoryLogger();
    const sqlite = handlesOn(`${file}-wal`);
    expect(sqlite).toBe(1);
    const sync = startDiskSync(file, logger, 20);
    await until('the timer to open the log', () => handlesOn(`${file}-wal`) === 2);
    await sync.flush();
    expect(handlesOn(`${file}-wal`)).toBe(2);
    sync.stop();
    // The handle is closed on libuv's pool, so it may still be listed for a moment after stop returns.
    await until('the log handle to close', () => handlesOn(`${file}-wal`) === 1);
    db.close();
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('shares a flush on its way with a second caller', async () => {
    const { db, file } = walDatabase();
    const sync = startDiskSync(file, memoryLogger(), 60_000);
    const first = sync.flush();
    expect(sync.flush()).toBe(first);
    await first;
    sync.stop();
    db.close();
  });

  it('has nothing to flush before there is a log, and says nothing', async () => {
    const file = join(tempDir(), 'none.db');
    const logger = memoryLogger();
    const sync = startDiskSync(file, logger, 60_000);
    await sync.flush();
    sync.stop();
    expect(logger.lines).toEqual([]);
  });

  it('tells once that it cannot open the log, naming it', async () => {
    const file = join(tempDir(), 'odd.db');
    mkdirSync(`${file}-wal`);
    const logger = memoryLogger();
    const sync = startDiskSync(file, logger, 60_000);
    await sync.flush();
    await sync.flush();
    sync.stop();
    expect(logger.lines.map((l) => [l.level, l.message, l.context?.file])).toEqual([
      ['warn', 'cannot open the write-ahead log to flush it', `${file}-wal`],
    ]);
  });

  it('opens nothing once stopped', async () => {
    const { db, file } = walDatabase();
    const sync = startDiskSync(file, memoryLogger(), 60_000);
    sync.stop();
    await sync.flush();
    // SQLite's own handle only.
    expect(handlesOn(`${file}-wal`)).toBe(1);
    db.close();
  });
});
