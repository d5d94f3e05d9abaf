// The migration runner: in order, each step in its own transaction, a failed step leaves nothing behind, and a
// database newer than the code is refused.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../main/platform/logger';
import {
  latestVersion,
  migrate,
  NewerSchemaError,
  schemaVersion,
  type Migration,
} from '../../../main/store/migrate';
import { migrations } from '../../../main/store/migrations';
import { useTempDirs } from './temp-store';

const tempDir = useTempDirs();

const createA: Migration = {
  version: 1,
  name: 'a',
  up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT'),
};
const createB: Migration = {
  version: 2,
  name: 'b',
  up: (db) => db.exec('CREATE TABLE b (x INTEGER) STRICT'),
};
const halfDone: Migration = {
  version: 3,
  name: 'half-done',
  up: (db) => db.exec('CREATE TABLE c (x INTEGER) STRICT; CREATE TABLE a (x INTEGER)'),
};

function rawDb(): Database.Database {
  return new Database(join(tempDir(), 'test.db'));
}

const tables = (db: Database.Database): string[] =>
  db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();

describe('migrate', () => {
  it('applies the steps in order up to the latest, and records the version', () => {
    const db = rawDb();
    const logger = memoryLogger();
    expect(migrate(db, [createA, createB], { file: 'test.db', logger })).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(logger.lines.map((line) => line.context?.['name'])).toEqual(['a', 'b']);
    db.close();
  });

  it('stops at a target, and later carries on from there', () => {
    const db = rawDb();
    const logger = memoryLogger();
    expect(migrate(db, [createA, createB], { file: 'test.db', logger, target: 1 })).toBe(1);
    expect(tables(db)).toEqual(['a']);
    expect(migrate(db, [createA, createB], { file: 'test.db', logger })).toBe(2);
    expect(migrate(db, [createA, createB], { file: 'test.db', logger })).toBe(2);
    expect(logger.lines).toHaveLength(2);
    db.close();
  });

  it('rolls a failed step back completely and names it', () => {
    const db = rawDb();
    const run = () => migrate(db, [createA, createB, halfDone], { file: 'test.db', logger: memoryLogger() });
    expect(run).toThrow('migration 3 (half-done) failed on test.db: table a already exists');
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
    db.close();
  });

  it('refuses a database newer than the code, changing nothing', () => {
    const db = rawDb();
    db.pragma('user_version = 7');
    const run = () => migrate(db, [createA, createB], { file: 'x.db', logger: memoryLogger() });
    expect(run).toThrow(NewerSchemaError);
    expect(run).toThrow(
      'database x.db was written by a newer Warden (schema 7, this version knows 2); update Warden or move the file',
    );
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('rejects a list of migrations with a gap or a repeat', () => {
    expect(() => latestVersion([createA, halfDone])).toThrow('migration half-done has version 3, expected 2');
    expect(() => latestVersion([createA, createA])).toThrow('migration a has version 1, expected 2');
  });

  it("the app's own migrations are numbered 1, 2, 3, ... and named", () => {
    expect(latestVersion(migrations)).toBe(migrations.length);
    for (const migration of migrations) expect(migration.name).toMatch(/^[a-z][a-z0-9-]*$/);
  });
});
