// Risk responses: one row per enforcement action (a flatten, a close, a lock), with every step it took and how
// it ended, so Warden can show afterwards what it did. A row without finishedAt is a response still running, or
// one a crash interrupted.
import type Database from 'better-sqlite3';

/** Anything JSON can carry; decimals go in as exact strings. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ResponseStart = {
  account: string;
  action: string;
  reason: string;
  requestedAt: number;
  /** The steps so far (typically each broker command sent, its result and time). */
  detail: JsonValue;
};

export type ResponseEnd = { finishedAt: number; outcome: string; detail: JsonValue };

export type RiskResponse = ResponseStart & { id: number; finishedAt: number | null; outcome: string | null };

export type Responses = {
  /** Records that a response started; returns its id. */
  begin(start: ResponseStart): number;
  /** Replaces the recorded steps of a running response, so a crash mid-way still leaves what was sent. */
  progress(id: number, detail: JsonValue): void;
  finish(id: number, end: ResponseEnd): void;
  /** The newest `limit` responses, newest first. */
  recent(limit: number): RiskResponse[];
  /** Responses that began and never finished, oldest first: after a restart, ones a crash cut short. */
  unfinished(): RiskResponse[];
  /** The reasons of `account`'s responses begun in [from, to), oldest first. */
  reasonsBetween(account: string, from: number, to: number): string[];
};

type ResponseRow = {
  id: number;
  account: string;
  action: string;
  reason: string;
  requestedAt: number;
  finishedAt: number | null;
  outcome: string | null;
  detail: string;
};

const COLUMNS = `id, account, action, reason, requested_at AS requestedAt, finished_at AS finishedAt, outcome, detail`;

export function createResponses(db: Database.Database): Responses {
  const insert = db.prepare<[string, string, string, number, string]>(
    'INSERT INTO risk_responses (account, action, reason, requested_at, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare<[string, number]>('UPDATE risk_responses SET detail = ? WHERE id = ?');
  const end = db.prepare<[number, string, string, number]>(
    'UPDATE risk_responses SET finished_at = ?, outcome = ?, detail = ? WHERE id = ?',
  );
  const newest = db.prepare<[number], ResponseRow>(
    `SELECT ${COLUMNS} FROM risk_responses ORDER BY requested_at DESC, id DESC LIMIT ?`,
  );
  const running = db.prepare<[], ResponseRow>(
    `SELECT ${COLUMNS} FROM risk_responses WHERE finished_at IS NULL ORDER BY requested_at, id`,
  );
  const reasons = db
    .prepare<[string, number, number], string>(
      `SELECT reason FROM risk_responses WHERE account = ? AND requested_at >= ? AND requested_at < ?
       ORDER BY requested_at, id`,
    )
    .pluck();
  const mustExist = (id: number, changes: number): void => {
    if (changes === 0) throw new Error(`no risk response with id ${id}`);
  };

  return {
    begin: (start) =>
      Number(
        insert.run(start.account, start.action, start.reason, start.requestedAt, JSON.stringify(start.detail))
          .lastInsertRowid,
      ),
    progress: (id, detail) => {
      mustExist(id, update.run(JSON.stringify(detail), id).changes);
    },
    finish: (id, result) => {
      mustExist(id, end.run(result.finishedAt, result.outcome, JSON.stringify(result.detail), id).changes);
    },
    recent: (limit) => newest.all(limit).map(toResponse),
    unfinished: () => running.all().map(toResponse),
    reasonsBetween: (account, from, to) => reasons.all(account, from, to),
  };
}

function toResponse(row: ResponseRow): RiskResponse {
  // Only this module writes the column, always from JSON.stringify of a JsonValue.
  return { ...row, detail: JSON.parse(row.detail) as JsonValue };
}
