// Migration 2 (risk-events): adds the risk_events audit table and keeps everything schema 1 held.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/store/migrate';
import { describeSchema, migrateTo } from '../schema';
import { useTempDirs } from '../temp-store';

const tempDir = useTempDirs();

function seededAtVersion1(): Database.Database {
  const db = new Database(join(tempDir(), 'warden.db'));
  migrateTo(db, 1);
  db.prepare(
    "INSERT INTO journal (t, type, account, body) VALUES (1000, 'fill', 'A1', '{\"id\":\"f1\"}')",
  ).run();
  db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
  return db;
}

describe('migration 002-risk-events', () => {
  it('adds risk_events (STRICT, indexed by time and by account) and leaves the schema-1 tables and rows alone', () => {
    const db = seededAtVersion1();
    const before = describeSchema(db);
    const rowsBefore = db.prepare('SELECT seq, t, type, account, body FROM journal').all();

    migrateTo(db, 2);

    expect(schemaVersion(db)).toBe(2);
    const after = describeSchema(db);
    expect(after).toEqual({
      ...before,
      risk_events: {
        strict: true,
        columns: [
          'id INTEGER PK',
          't INTEGER NOT NULL',
          'account TEXT',
          'kind TEXT NOT NULL',
          'detail TEXT NOT NULL',
        ],
        indexes: ['risk_events_account_t', 'risk_events_t'],
      },
    });
    expect(db.prepare('SELECT seq, t, type, account, body FROM journal').all()).toEqual(rowsBefore);
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('k')).toBe('v');
    db.close();
  });

  it('rejects a risk event without a kind or with a text time', () => {
    const db = seededAtVersion1();
    migrateTo(db, 2);
    const insert = db.prepare('INSERT INTO risk_events (t, account, kind, detail) VALUES (?, ?, ?, ?)');
    expect(() => insert.run(1, 'A1', null, '{}')).toThrow(/NOT NULL constraint failed: risk_events.kind/);
    expect(() => insert.run('soon', 'A1', 'x', '{}')).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });
});
