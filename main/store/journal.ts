// The journal: every state-changing engine event in the order it was applied, so a restart can replay it.
// Rows are the event codec's JSON; a row that no longer decodes is logged and skipped, never fatal.
import type Database from 'better-sqlite3';
import type { EngineEvent } from '../../shared/domain/events';
import { encodeEngineEvent, parseEngineEvent, readBackProblem } from '../../shared/domain/event-codec';
import type { Logger } from '../platform/logger';

export type JournalEntry = { seq: number; event: EngineEvent };

export type Journal = {
  /** Journals one event; returns its seq. Throws (and writes nothing) when the event does not encode validly. */
  append(event: EngineEvent): number;
  /** Journals all events in one transaction (all or none); returns the last seq, or lastSeq() when empty. */
  appendMany(events: readonly EngineEvent[]): number;
  /**
   * Events with seq > `seq`, oldest first; at most `limit` when given. Rows that do not decode are skipped without
   * counting, so a short or empty result always means the journal has nothing more after `seq`.
   */
  readAfter(seq: number, limit?: number): JournalEntry[];
  /** The newest seq, 0 when the journal is empty. */
  lastSeq(): number;
  /** The time of the newest fill, null when none was journaled. */
  lastFillTime(): number | null;
  count(): number;
  /**
   * Deletes what no restart and no audit needs, in one step:
   * - `market`: the market data (quotes, clock ticks) of the rows with seq in (`afterSeq`, `upToSeq`] except its
   *   marks, what a what-if needs to value positions afterwards: per symbol and minute the last quote and the ones
   *   with the lowest and highest price, and the first clock tick of each minute;
   * - `old`: rows up to `behindSeq` (the oldest kept snapshot's) older than `auditBefore`, the oldest first and at
   *   most `oldLimit` of them.
   * The newest fill always stays (it tells the broker where to resume). Returns how many rows of each went.
   */
  compact(step: CompactionStep): { market: number; old: number };
};

export type CompactionStep = {
  afterSeq: number;
  upToSeq: number;
  behindSeq: number;
  auditBefore: number;
  /** At most this many old rows (default: all). */
  oldLimit?: number;
};

type JournalRow = { seq: number; body: string };
type InsertParams = [t: number, type: string, account: string | null, body: string];

type CompactParams = { after: number; upTo: number; behind: number; auditBefore: number; limit: number };

// The market rows in the span, each quote with the price that ranks it (last, else bid, else ask; REAL only to
// rank, never as money), and the marks kept of them, by minute (t is whole milliseconds, so t / 60000 is integer
// division). SQLite returns the row of the min()/max() for the bare seq beside it. The span is read once, along
// the seqs (`+type` keeps the planner off the type index, which would walk every quote ever kept).
const COMPACT = `
  WITH span AS MATERIALIZED (
    SELECT seq, t, type, json_extract(body, '$.symbol') AS symbol,
           CAST(coalesce(json_extract(body, '$.last'), json_extract(body, '$.bid'), json_extract(body, '$.ask'))
             AS REAL) AS price
      FROM journal WHERE seq > @after AND seq <= @upTo AND +type IN ('quote', 'clock')),
  marks AS (
    SELECT max(seq) AS seq FROM span WHERE type = 'quote' GROUP BY symbol, t / 60000
    UNION SELECT seq FROM (SELECT seq, min(price) FROM span WHERE type = 'quote' GROUP BY symbol, t / 60000)
    UNION SELECT seq FROM (SELECT seq, max(price) FROM span WHERE type = 'quote' GROUP BY symbol, t / 60000)
    UNION SELECT min(seq) FROM span WHERE type = 'clock' GROUP BY t / 60000)
  DELETE FROM journal WHERE seq IN (SELECT seq FROM span EXCEPT SELECT seq FROM marks)`;

/**
 * Rows behind `behind` older than the retention period, the oldest first and at most `limit` (-1: all) of them,
 * except the newest fill.
 */
const PRUNE = `DELETE FROM journal WHERE seq IN (SELECT seq FROM journal WHERE t < @auditBefore AND seq <= @behind
  AND seq IS NOT (SELECT max(seq) FROM journal WHERE type = 'fill') ORDER BY t LIMIT @limit)`;

/** Rows logged for a bad body keep at most this much of it: enough to diagnose, not a log flood. */
const LOGGED_BODY_CHARS = 2000;

export function createJournal(db: Database.Database, logger: Logger): Journal {
  const insert = db.prepare<InsertParams>('INSERT INTO journal (t, type, account, body) VALUES (?, ?, ?, ?)');
  // LIMIT -1 is SQLite's "no limit".
  const after = db.prepare<[number, number], JournalRow>(
    'SELECT seq, body FROM journal WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const last = db.prepare<[], number | null>('SELECT max(seq) FROM journal').pluck();
  const lastFill = db.prepare<[], number | null>("SELECT max(t) FROM journal WHERE type = 'fill'").pluck();
  const size = db.prepare<[], number>('SELECT count(*) FROM journal').pluck();
  const reduceMarket = db.prepare<[Pick<CompactParams, 'after' | 'upTo'>]>(COMPACT);
  const prune = db.prepare<[Pick<CompactParams, 'behind' | 'auditBefore' | 'limit'>]>(PRUNE);
  const compact = db.transaction(({ after, upTo, ...old }: CompactParams) => ({
    market: reduceMarket.run({ after, upTo }).changes,
    old: prune.run(old).changes,
  }));

  const appendOne = (event: EngineEvent): number => Number(insert.run(...toRow(event)).lastInsertRowid);
  const appendAll = db.transaction((events: readonly EngineEvent[]): number => {
    let seq = 0;
    for (const event of events) seq = appendOne(event);
    return seq;
  });
  const lastSeq = (): number => last.get() ?? 0;
  const decodeAll = (rows: JournalRow[]): JournalEntry[] => rows.flatMap((row) => decodeRow(row, logger));
  // Reads on past skipped rows until `limit` entries decode or the rows run out.
  const readUpTo = (seq: number, limit: number): JournalEntry[] => {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`journal read limit must be a whole number ≥ 1, got ${limit}`);
    const entries: JournalEntry[] = [];
    for (let cursor = seq; entries.length < limit;) {
      const rows = after.all(cursor, limit - entries.length);
      const lastRow = rows.at(-1);
      if (lastRow === undefined) break;
      entries.push(...decodeAll(rows));
      cursor = lastRow.seq;
    }
    return entries;
  };

  return {
    append: appendOne,
    appendMany: (events) => (events.length === 0 ? lastSeq() : appendAll.immediate(events)),
    readAfter: (seq, limit) => (limit === undefined ? decodeAll(after.all(seq, -1)) : readUpTo(seq, limit)),
    lastSeq,
    lastFillTime: () => lastFill.get() ?? null,
    count: () => size.get() ?? 0,
    compact: (step) =>
      compact.immediate({
        after: step.afterSeq,
        upTo: step.upToSeq,
        behind: step.behindSeq,
        auditBefore: step.auditBefore,
        limit: step.oldLimit ?? -1,
      }),
  };
}

/** The row for an event, after checking that its encoding reads back: a bad event fails now, not at replay. */
function toRow(event: EngineEvent): InsertParams {
  const encoded = encodeEngineEvent(event);
  const problem = readBackProblem(encoded);
  if (problem !== null) throw new Error(`cannot journal ${event.type} event: ${problem}`);
  const account = 'account' in event ? event.account : null;
  return [event.t, event.type, account, JSON.stringify(encoded)];
}

function decodeRow(row: JournalRow, logger: Logger): JournalEntry[] {
  const problem = (error: string): JournalEntry[] => {
    logger.error('skipped a journal row that does not decode', {
      seq: row.seq,
      error,
      body: row.body.slice(0, LOGGED_BODY_CHARS),
    });
    return [];
  };
  let json: unknown;
  try {
    json = JSON.parse(row.body);
  } catch (error) {
    return problem(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseEngineEvent(json);
  return parsed.ok ? [{ seq: row.seq, event: parsed.event }] : problem(parsed.error);
}
