// Test helpers for the store: a fresh temp folder per test (removed afterwards), a store opened in it with a
// logger that remembers what it was told, and a bare database in the store's journal mode.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore, type Store, type StoreOptions } from '../../../main/store';

export type TestStore = { store: Store; file: string; logger: ReturnType<typeof memoryLogger> };

/** Returns a function that makes a new temp folder; every folder it made is removed after each test. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-store-'));
    made.push(dir);
    return dir;
  };
}

/** Opens a store at `file` (default: warden.db in a new temp folder) and closes it after the test. */
export function useStores(): (file?: string, options?: Omit<StoreOptions, 'logger'>) => TestStore {
  const tempDir = useTempDirs();
  const open: Store[] = [];
  afterEach(() => {
    for (const store of open.splice(0)) store.close();
  });
  return (file = join(tempDir(), 'warden.db'), options = {}) => {
    const logger = memoryLogger();
    const store = openStore(file, { ...options, logger });
    open.push(store);
    return { store, file, logger };
  };
}

/**
 * A bare database at warden.db in `dir`, in WAL mode with `synchronous=NORMAL` as the store sets it, `setup` run
 * on it once (its tables and rows); the caller closes it.
 */
export function walDatabase(dir: string, setup: string): { db: Database.Database; file: string } {
  const file = join(dir, 'warden.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(setup);
  return { db, file };
}
