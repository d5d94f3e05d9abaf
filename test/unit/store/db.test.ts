// Opening the store: durable settings, data kept across reopen, a newer schema refused untouched, and a
// damaged file moved aside (bytes preserved) with a fresh database in its place.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../main/platform/logger';
import { NewerSchemaError, openStore } from '../../../main/store';
import { migrations } from '../../../main/store/migrations';
import { useStores, useTempDirs } from './temp-store';

const tempDir = useTempDirs();
const openTemp = useStores();

const at = (iso: string) => ({ now: () => Date.parse(iso) });

/** A closed store file holding enough journal rows to span many pages. */
function filledStoreFile(): string {
  const { store, file } = openTemp(join(tempDir(), 'warden.db'));
  const clocks = Array.from({ length: 3000 }, (_, i) => ({
    type: 'connection' as const,
    t: i,
    status: 'connected' as const,
    detail: `row ${i} `.repeat(8),
  }));
  store.journal.appendMany(clocks);
  store.close();
  return file;
}

describe('openStore', () => {
  it('runs the journal in WAL mode with normal sync, foreign keys and a busy timeout', () => {
    const { file, logger } = openTemp();
    expect(existsSync(`${file}-wal`)).toBe(true);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const opened = logger.lines.find((line) => line.message === 'opened the database');
    expect(opened?.context).toMatchObject({
      journalMode: 'wal',
      synchronous: 1,
      foreignKeys: 1,
      busyTimeoutMs: 5000,
    });
  });

  it('keeps everything across close and reopen, migrating only once', () => {
    const { store, file, logger } = openTemp();
    store.journal.append({ type: 'clock', t: 42 });
    store.snapshots.save({ journalSeq: 1, t: 42, state: '{"ok":true}' });
    store.alerts.add({
      id: 'a',
      t: '2025-01-01T00:00:00.000Z',
      level: 'info',
      account: null,
      title: 'T',
      message: 'M',
      notify: false,
    });
    store.meta.set('createdBy', 'test');
    store.close();
    store.close();
    expect(logger.lines.filter((line) => line.message === 'applied schema migration')).toHaveLength(
      migrations.length,
    );

    const again = openTemp(file);
    expect(again.store.recoveredFrom).toBeNull();
    expect(again.store.journal.readAfter(0)).toEqual([{ seq: 1, event: { type: 'clock', t: 42 } }]);
    expect(again.store.snapshots.latest()).toEqual({ journalSeq: 1, t: 42, state: '{"ok":true}' });
    expect(again.store.alerts.recent(5).map((alert) => alert.id)).toEqual(['a']);
    expect(again.store.meta.get('createdBy')).toBe('test');
    expect(again.store.meta.get('missing')).toBeNull();
    expect(again.logger.lines.filter((line) => line.message === 'applied schema migration')).toEqual([]);
  });

  it('refuses a database written by a newer Warden and leaves it byte-for-byte as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'warden.db');
    const raw = new Database(file);
    raw.exec("CREATE TABLE future (x TEXT) STRICT; INSERT INTO future VALUES ('from the future')");
    raw.pragma('user_version = 99');
    raw.close();
    const before = readFileSync(file);
    const listing = readdirSync(dir);

    const open = () => openStore(file, { logger: memoryLogger() });
    expect(open).toThrow(NewerSchemaError);
    expect(open).toThrow(
      `database ${file} was written by a newer Warden (schema 99, this version knows ${migrations.length}); ` +
        'update Warden or move the file',
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(listing);
  });

  it('leaves a newer database untouched even when its -wal was never checkpointed (after a crash)', () => {
    const dir = tempDir();
    const live = new Database(join(dir, 'live.db'));
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.exec("CREATE TABLE future (x TEXT) STRICT; INSERT INTO future VALUES ('pending')");
    live.pragma('user_version = 99');
    // Copying the files of an open database is what a crash leaves: the newest pages only in the -wal.
    const file = join(dir, 'warden.db');
    copyFileSync(join(dir, 'live.db'), file);
    copyFileSync(join(dir, 'live.db-wal'), `${file}-wal`);
    live.close();
    const [main, wal] = [readFileSync(file), readFileSync(`${file}-wal`)];

    expect(() => openStore(file, { logger: memoryLogger() })).toThrow(/schema 99, this version knows/);
    expect(readFileSync(file).equals(main)).toBe(true);
    expect(readFileSync(`${file}-wal`).equals(wal)).toBe(true);
  });

  it('moves a file that is not a database aside, keeps its bytes, and opens a fresh one', () => {
    const dir = tempDir();
    const file = join(dir, 'warden.db');
    const garbage = randomBytes(16_384);
    const garbageWal = randomBytes(4096);
    writeFileSync(file, garbage);
    writeFileSync(`${file}-wal`, garbageWal);

    const { store, logger } = openTemp(file, { clock: at('2025-03-03T14:00:00.123Z') });
    const aside = `${file}.corrupt-2025-03-03T14-00-00-123Z`;
    expect(store.recoveredFrom).toBe(aside);
    expect(readFileSync(aside).equals(garbage)).toBe(true);
    expect(readFileSync(`${aside}-wal`).equals(garbageWal)).toBe(true);
    expect(store.journal.append({ type: 'clock', t: 1 })).toBe(1);
    expect(store.journal.readAfter(0)).toHaveLength(1);
    const error = logger.lines.find((line) => line.level === 'error');
    expect(error?.context).toMatchObject({ file, movedTo: aside, reason: 'file is not a database' });
  });

  it('moves a database that fails the integrity check aside', () => {
    const file = filledStoreFile();
    const bytes = readFileSync(file);
    // Scramble the second half (table pages), leaving the header and schema readable.
    for (let i = bytes.length / 2; i < bytes.length; i += 97) bytes[i] = ((bytes[i] ?? 0) + 123) % 256;
    writeFileSync(file, bytes);

    const { store, logger } = openTemp(file, { clock: at('2025-03-03T14:00:00.000Z') });
    expect(store.recoveredFrom).toBe(`${file}.corrupt-2025-03-03T14-00-00-000Z`);
    expect(readFileSync(`${file}.corrupt-2025-03-03T14-00-00-000Z`).equals(bytes)).toBe(true);
    expect(store.journal.count()).toBe(0);
    const error = logger.lines.find((line) => line.level === 'error');
    expect(error?.context?.['reason']).toMatch(/^quick_check found \d+ problems, first: /);
  });

  it('never overwrites an earlier moved-aside copy', () => {
    const file = join(tempDir(), 'warden.db');
    const clock = at('2025-03-03T14:00:00.000Z');
    writeFileSync(file, 'first garbage, long enough to not be an empty database');
    openTemp(file, { clock }).store.close();
    writeFileSync(file, 'second garbage, long enough to not be an empty database');
    const second = openTemp(file, { clock }).store.recoveredFrom;
    expect(second).toBe(`${file}.corrupt-2025-03-03T14-00-00-000Z-1`);
    expect(readFileSync(`${file}.corrupt-2025-03-03T14-00-00-000Z`, 'utf8')).toMatch(/^first/);
    expect(readFileSync(second ?? '', 'utf8')).toMatch(/^second/);
  });

  it('treats an empty file as a new database, not a damaged one', () => {
    const file = join(tempDir(), 'warden.db');
    writeFileSync(file, '');
    expect(openTemp(file).store.recoveredFrom).toBeNull();
  });

  it('fails plainly, moving nothing, when the folder does not exist', () => {
    const dir = tempDir();
    expect(() => openStore(join(dir, 'missing', 'warden.db'), { logger: memoryLogger() })).toThrow(
      /directory does not exist/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails a migration plainly on a foreign database, moving nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'warden.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE journal (anything TEXT)');
    raw.close();
    expect(() => openStore(file, { logger: memoryLogger() })).toThrow(
      `migration 1 (initial) failed on ${file}: table journal already exists`,
    );
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('loads the SQLite addon from nativeBinding when given', () => {
    const dir = tempDir();
    const addon = join(
      dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    expect(openTemp(join(dir, 'a.db'), { nativeBinding: addon }).store.journal.count()).toBe(0);
    mkdirSync(join(dir, 'b'));
    expect(() =>
      openStore(join(dir, 'b', 'b.db'), { logger: memoryLogger(), nativeBinding: join(dir, 'none.node') }),
    ).toThrow();
    expect(readdirSync(join(dir, 'b'))).toEqual([]);
  });
});
