// Engine snapshots: the state as of a journal seq, so a restart replays only the journal after it.
// Only the newest few are kept; the state is an opaque JSON string owned by the engine.
import type Database from 'better-sqlite3';

export type Snapshot = { journalSeq: number; t: number; state: string };

export type Snapshots = {
  /** Saves a snapshot and prunes all but the newest `keep`, in one transaction. */
  save(snapshot: Snapshot): void;
  /** The snapshot furthest along the journal (the newest saved on a tie), null when none. */
  latest(): Snapshot | null;
  count(): number;
  /** The `n`th newest (0 = latest), null past the oldest: a restart falls back to older ones if one is unreadable. */
  nth(n: number): Snapshot | null;
  /** The journal seq of the oldest kept snapshot (the journal up to it may be compacted), null when none. */
  oldestSeq(): number | null;
};

export const DEFAULT_SNAPSHOTS_KEPT = 20;

// "Newest" everywhere means furthest along the journal, then last saved.
const NEWEST_FIRST = 'ORDER BY journal_seq DESC, id DESC';

export function createSnapshots(db: Database.Database, keep = DEFAULT_SNAPSHOTS_KEPT): Snapshots {
  if (!Number.isInteger(keep) || keep < 1)
    throw new Error(`snapshots to keep must be a whole number ≥ 1, got ${keep}`);
  const insert = db.prepare<[number, number, string]>(
    'INSERT INTO snapshots (journal_seq, t, state) VALUES (?, ?, ?)',
  );
  const prune = db.prepare<[number]>(
    `DELETE FROM snapshots WHERE id NOT IN (SELECT id FROM snapshots ${NEWEST_FIRST} LIMIT ?)`,
  );
  const newest = db.prepare<[], Snapshot>(
    `SELECT journal_seq AS journalSeq, t, state FROM snapshots ${NEWEST_FIRST} LIMIT 1`,
  );
  const rows = db.prepare<[], number>('SELECT count(*) FROM snapshots').pluck();
  const nth = db.prepare<[number], Snapshot>(
    `SELECT journal_seq AS journalSeq, t, state FROM snapshots ${NEWEST_FIRST} LIMIT 1 OFFSET ?`,
  );
  const oldest = db.prepare<[], number | null>('SELECT min(journal_seq) FROM snapshots').pluck();

  const save = db.transaction((snapshot: Snapshot) => {
    insert.run(snapshot.journalSeq, snapshot.t, snapshot.state);
    prune.run(keep);
  });

  return {
    save: (snapshot) => {
      save.immediate(snapshot);
    },
    latest: () => newest.get() ?? null,
    count: () => rows.get() ?? 0,
    nth: (n) => nth.get(n) ?? null,
    oldestSeq: () => oldest.get() ?? null,
  };
}
