// Schema 1: the event journal, engine snapshots, alert and risk-response audit tables, and a key-value meta table.
import type { Migration } from '../migrate';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    // AUTOINCREMENT: a seq is never reused even if the newest rows are ever deleted, so a snapshot's
    // journal_seq always means "everything up to here" and replay after it cannot skip events.
    db.exec(`
      CREATE TABLE journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        t INTEGER NOT NULL,
        type TEXT NOT NULL,
        account TEXT,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX journal_t ON journal (t);
      CREATE INDEX journal_type_t ON journal (type, t);

      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        journal_seq INTEGER NOT NULL,
        t INTEGER NOT NULL,
        state TEXT NOT NULL
      ) STRICT;

      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        t INTEGER NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'critical')),
        account TEXT,
        title TEXT NOT NULL,
        message TEXT NOT NULL
      ) STRICT;
      CREATE INDEX alerts_t ON alerts (t);

      CREATE TABLE risk_responses (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        action TEXT NOT NULL,
        reason TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        finished_at INTEGER,
        outcome TEXT,
        detail TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_responses_requested_at ON risk_responses (requested_at);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
