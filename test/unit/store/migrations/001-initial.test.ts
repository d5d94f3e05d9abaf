// Migration 1 (initial): from an empty database to the journal, snapshots, alerts, risk responses and meta tables.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/store/migrate';
import { describeSchema, migrateTo } from '../schema';
import { useTempDirs } from '../temp-store';

const tempDir = useTempDirs();

function atVersion0(): Database.Database {
  const db = new Database(join(tempDir(), 'warden.db'));
  migrateTo(db, 0);
  return db;
}

describe('migration 001-initial', () => {
  it('creates every table STRICT, with its columns and indexes', () => {
    const db = atVersion0();
    expect(schemaVersion(db)).toBe(0);
    expect(describeSchema(db)).toEqual({});

    migrateTo(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(describeSchema(db)).toEqual({
      journal: {
        strict: true,
        columns: [
          'seq INTEGER PK',
          't INTEGER NOT NULL',
          'type TEXT NOT NULL',
          'account TEXT',
          'body TEXT NOT NULL',
        ],
        indexes: ['journal_t', 'journal_type_t'],
      },
      snapshots: {
        strict: true,
        columns: [
          'id INTEGER PK',
          'journal_seq INTEGER NOT NULL',
          't INTEGER NOT NULL',
          'state TEXT NOT NULL',
        ],
        indexes: [],
      },
      alerts: {
        strict: true,
        columns: [
          'id TEXT NOT NULL PK',
          't INTEGER NOT NULL',
          'level TEXT NOT NULL',
          'account TEXT',
          'title TEXT NOT NULL',
          'message TEXT NOT NULL',
        ],
        indexes: ['alerts_t'],
      },
      risk_responses: {
        strict: true,
        columns: [
          'id INTEGER PK',
          'account TEXT NOT NULL',
          'action TEXT NOT NULL',
          'reason TEXT NOT NULL',
          'requested_at INTEGER NOT NULL',
          'finished_at INTEGER',
          'outcome TEXT',
          'detail TEXT NOT NULL',
        ],
        indexes: ['risk_responses_requested_at'],
      },
      meta: { strict: true, columns: ['key TEXT NOT NULL PK', 'value TEXT NOT NULL'], indexes: [] },
    });
    db.close();
  });

  it('makes the tables reject values of the wrong type', () => {
    const db = atVersion0();
    migrateTo(db, 1);
    const insert = db.prepare("INSERT INTO journal (t, type, body) VALUES (?, 'clock', '{}')");
    expect(() => insert.run('soon')).toThrow(/cannot store TEXT value in INTEGER column journal.t/);
    expect(() => insert.run(1.5)).toThrow(/cannot store REAL value in INTEGER column journal.t/);
    db.close();
  });

  it('never reuses a journal seq, even after the newest rows are deleted', () => {
    const db = atVersion0();
    migrateTo(db, 1);
    const insert = db.prepare("INSERT INTO journal (t, type, body) VALUES (1, 'clock', '{}')");
    insert.run();
    insert.run();
    db.exec('DELETE FROM journal');
    expect(insert.run().lastInsertRowid).toBe(3);
    db.close();
  });
});
