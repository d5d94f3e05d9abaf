// The alert log: what the trader was told, kept for the audit trail and for the UI's alert history. An alert
// about a rule's level change also keeps what was measured: the value, the limit and the level's threshold.
import type Database from 'better-sqlite3';
import type { AlertLevel, AlertView, LevelFigures } from '../../shared/ipc/view';

export type Alerts = {
  /** Records an alert; returns false (and changes nothing) when one with the same id is already there. */
  add(alert: AlertView): boolean;
  /** The newest `limit` alerts, newest first. */
  recent(limit: number): AlertView[];
};

type AlertRow = {
  id: string;
  t: number;
  level: string;
  account: string | null;
  title: string;
  message: string;
  rule: string | null;
  ruleLevel: string | null;
  value: string | null;
  limit: string | null;
  threshold: string | null;
};

const LEVELS: readonly string[] = ['info', 'warning', 'critical'] satisfies AlertLevel[];
const RULE_LEVELS: readonly string[] = ['warning', 'critical', 'breach'] satisfies LevelFigures['level'][];

export function createAlerts(db: Database.Database): Alerts {
  const insert = db.prepare<[AlertRow]>(
    `INSERT INTO alerts (id, t, level, account, title, message, rule, rule_level, metric_value, metric_limit,
       threshold)
     VALUES (@id, @t, @level, @account, @title, @message, @rule, @ruleLevel, @value, @limit, @threshold)
     ON CONFLICT (id) DO NOTHING`,
  );
  // rowid breaks ties between alerts of the same millisecond: the later insert is the newer alert.
  const newest = db.prepare<[number], AlertRow>(
    `SELECT id, t, level, account, title, message, rule, rule_level AS ruleLevel, metric_value AS value,
       metric_limit AS "limit", threshold
     FROM alerts ORDER BY t DESC, rowid DESC LIMIT ?`,
  );
  return {
    add: (alert) => insert.run(toRow(alert)).changes > 0,
    recent: (limit) => newest.all(limit).map(toView),
  };
}

function toRow(alert: AlertView): AlertRow {
  const t = Date.parse(alert.t);
  if (Number.isNaN(t))
    throw new Error(`alert ${alert.id}: t is not an ISO-8601 time: ${JSON.stringify(alert.t)}`);
  const figures = alert.figures;
  return {
    id: alert.id,
    t,
    level: alert.level,
    account: alert.account,
    title: alert.title,
    message: alert.message,
    rule: figures?.rule ?? null,
    ruleLevel: figures?.level ?? null,
    value: figures?.value ?? null,
    limit: figures?.limit ?? null,
    threshold: figures?.threshold ?? null,
  };
}

/** History is shown, never notified again. */
function toView(row: AlertRow): AlertView {
  const view: AlertView = {
    id: row.id,
    t: new Date(row.t).toISOString(),
    level: alertLevel(row.level),
    account: row.account,
    title: row.title,
    message: row.message,
    notify: false,
  };
  const figures = figuresOf(row);
  return figures === null ? view : { ...view, figures };
}

/** An alert row carries figures only whole (the writer sets all five or none). */
function figuresOf(row: AlertRow): LevelFigures | null {
  const { rule, ruleLevel, value, limit, threshold } = row;
  if (rule === null || ruleLevel === null || value === null || limit === null || threshold === null)
    return null;
  if (!isRuleLevel(ruleLevel))
    throw new Error(`alerts table holds an unknown rule level ${JSON.stringify(ruleLevel)}`);
  return { rule, level: ruleLevel, value, limit, threshold };
}

function isRuleLevel(level: string): level is LevelFigures['level'] {
  return RULE_LEVELS.includes(level);
}

function alertLevel(level: string): AlertLevel {
  // The table's CHECK constraint admits only these, so anything else means the file was edited by hand.
  if (isAlertLevel(level)) return level;
  throw new Error(`alerts table holds an unknown level ${JSON.stringify(level)}`);
}

function isAlertLevel(level: string): level is AlertLevel {
  return LEVELS.includes(level);
}
