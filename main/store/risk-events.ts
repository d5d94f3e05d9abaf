// Risk events: the audit of the guard's own changes (circuit-breaker transitions, config changes, settings
// locks), one row each with its time, account (null: all of them), kind and details.
import type Database from 'better-sqlite3';
import type { JsonValue } from './responses';

export type RiskEvent = { t: number; account: string | null; kind: string; detail: JsonValue };

/** A recorded event with its row id (the order it was recorded in). */
export type RecordedRiskEvent = RiskEvent & { id: number };

export type RiskEvents = {
  record(event: RiskEvent): void;
  /** The newest `limit` events, newest first. */
  recent(limit: number): RecordedRiskEvent[];
};

type RiskEventRow = { id: number; t: number; account: string | null; kind: string; detail: string };

export function createRiskEvents(db: Database.Database): RiskEvents {
  const insert = db.prepare<[number, string | null, string, string]>(
    'INSERT INTO risk_events (t, account, kind, detail) VALUES (?, ?, ?, ?)',
  );
  const newest = db.prepare<[number], RiskEventRow>(
    'SELECT id, t, account, kind, detail FROM risk_events ORDER BY t DESC, id DESC LIMIT ?',
  );
  return {
    record: (event) => {
      insert.run(event.t, event.account, event.kind, JSON.stringify(event.detail));
    },
    recent: (limit) =>
      newest.all(limit).map((row) => ({ ...row, detail: JSON.parse(row.detail) as JsonValue })),
  };
}
