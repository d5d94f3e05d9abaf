// Checkpoints off the main thread: once the worker is open, a commit past SQLite's 1,000 pages copies nothing into
// the file on the committing thread, the worker copies it on its timer, and closing the store leaves no log behind.
// A worker that cannot open the database, or that dies, hands checkpoints back to the main connection and says why.
// On Linux the worker's thread runs below the main one.
import type Database from 'better-sqlite3';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../main/platform/logger';
import { BACKGROUND_NICE } from '../../../main/platform/thread-priority';
import { startCheckpoints } from '../../../main/store/checkpoints';
import { openStore } from '../../../main/store';
import { niceOf, ownThread, threadNices } from '../../helpers/threads';
import { useTempDirs, walDatabase as walDatabaseIn } from './temp-store';

const tempDir = useTempDirs();
const PAGE = 4096;
/** More than SQLite's automatic checkpoint threshold (1,000 pages). */
const ROWS = 1300;

/** A WAL database as the store configures it, with the store's meta table; the caller closes it. */
const walDatabase = () =>
  walDatabaseIn(
    tempDir(),
    'CREATE TABLE t (v BLOB); CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  );

/** About ROWS pages of rows, committed one by one as the journal does. */
function writePages(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < ROWS; i += 1) insert.run(Buffer.alloc(PAGE - 200, i % 251));
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('checkpoints on a worker thread', () => {
  it('the main connection copies nothing into the file once the worker is open', async () => {
    const { db, file } = walDatabase();
    const before = statSync(file).size;
    const checkpoints = startCheckpoints(db, file, { logger: memoryLogger(), everyMs: 3_600_000 });
    expect(await checkpoints.ready).toBe(true);
    expect(checkpoints.state()).toBe('worker');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    writePages(db);
    // Everything is still in the log: nobody checkpointed (the worker's timer is an hour away).
    expect(statSync(file).size).toBe(before);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(ROWS * PAGE);
    checkpoints.stop();
    db.close();
  });

  it('without the worker, the same commits checkpoint on the committing thread (SQLite by default)', () => {
    const { db, file } = walDatabase();
    writePages(db);
    expect(statSync(file).size).toBeGreaterThan(1000 * PAGE);
    db.close();
  });

  it('the worker copies the log into the file on its timer', async () => {
    const { db, file } = walDatabase();
    const checkpoints = startCheckpoints(db, file, { logger: memoryLogger(), everyMs: 10 });
    expect(await checkpoints.ready).toBe(true);
    writePages(db);
    await until('the worker to copy the pages', () => statSync(file).size >= ROWS * PAGE);
    // Then it restarts the log with a commit of its own, so no commit of the main thread pays for that.
    const restarted = db.prepare("SELECT value FROM meta WHERE key = 'checkpointedAt'").pluck();
    await until('the worker to restart the log', () => restarted.get() !== undefined);
    expect(Number.isNaN(Date.parse(String(restarted.get())))).toBe(false);
    checkpoints.stop();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: ROWS });
    db.close();
  });

  // Linux, from a thread at a higher priority than the worker's (the run was not started with `nice 10`).
  const lowerable = process.platform === 'linux' && (niceOf(ownThread()) ?? 0) < BACKGROUND_NICE;
  it.runIf(lowerable)('the worker runs below the thread that journals and decides (nice 10)', async () => {
    const { db, file } = walDatabase();
    const base = niceOf(ownThread());
    const before = new Set(threadNices().keys());
    const checkpoints = startCheckpoints(db, file, { logger: memoryLogger(), everyMs: 3_600_000 });
    expect(await checkpoints.ready).toBe(true);
    // Threads started meanwhile take their starter's priority; only the worker lowers itself.
    const lowered = [...threadNices()].filter(([thread, nice]) => !before.has(thread) && nice !== base);
    expect(lowered.map(([, nice]) => nice)).toEqual([BACKGROUND_NICE]);
    expect(niceOf(ownThread())).toBe(base);
    checkpoints.stop();
    db.close();
  });

  it('a store closed with its worker leaves no log and keeps every row', async () => {
    const file = join(tempDir(), 'warden.db');
    const store = openStore(file, { logger: memoryLogger(), checkpointsInWorker: true });
    await until('the worker to open', () => store.checkpoints() === 'worker');
    store.meta.set('broker', 'projectx');
    store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = openStore(file, { logger: memoryLogger() });
    expect(again.meta.get('broker')).toBe('projectx');
    expect(again.checkpoints()).toBe('main thread');
    again.close();
  });

  it('a worker that cannot open the database leaves checkpoints on the main thread and says why', async () => {
    const { db, file } = walDatabase();
    const logger = memoryLogger();
    const missing = join(tempDir(), 'no-such-addon.node');
    const checkpoints = startCheckpoints(db, file, { logger, nativeBinding: missing });
    expect(await checkpoints.ready).toBe(false);
    expect(checkpoints.state()).toBe('main thread');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const [line] = logger.lines;
    expect([line?.level, line?.message, line?.context?.file]).toEqual([
      'warn',
      'checkpoints run on the main thread: the checkpoint worker is not running',
      file,
    ]);
    expect(String(line?.context?.reason)).toContain('no-such-addon.node');
    writePages(db);
    expect(statSync(file).size).toBeGreaterThan(1000 * PAGE);
    checkpoints.stop();
    db.close();
  });

  it('a worker that dies hands checkpoints back to the main connection', async () => {
    const { db, file } = walDatabase();
    const logger = memoryLogger();
    // Says it is open, then its thread fails.
    const dying = join(tempDir(), 'dying-worker.cjs');
    writeFileSync(
      dying,
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ kind: 'ready' });
       setTimeout(() => { throw new Error('the checkpointer broke'); }, 20);`,
    );
    const checkpoints = startCheckpoints(db, file, { logger, workerFile: dying });
    await until('the worker to die', () => logger.lines.length > 0);
    expect(checkpoints.state()).toBe('main thread');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(logger.lines.map((l) => [l.level, l.context?.reason])).toEqual([
      ['warn', 'the checkpointer broke'],
    ]);
    checkpoints.stop();
    db.close();
  });
});
