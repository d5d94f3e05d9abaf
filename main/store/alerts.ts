// The alert log: what the trader was told, kept for the audit trail and for the UI's alert history.
import type Database from 'better-sqlite3';
import type { AlertLevel, AlertView } from '../../shared/ipc/view';

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
};

const LEVELS: readonly string[] = ['info', 'warning', 'critical'] satisfies AlertLevel[];

export function createAlerts(db: Database.Database): Alerts {
  const insert = db.prepare<[AlertRow]>(
    `INSERT INTO alerts (id, t, level, account, title, message)
     VALUES (@id, @t, @level, @account, @title, @message)
     ON CONFLICT (id) DO NOTHING`,
  );
  // rowid breaks ties between alerts of the same millisecond: the later insert is the newer alert.
  const newest = db.prepare<[number], AlertRow>(
    'SELECT id, t, level, account, title, message FROM alerts ORDER BY t DESC, rowid DESC LIMIT ?',
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
  return {
    id: alert.id,
    t,
    level: alert.level,
    account: alert.account,
    title: alert.title,
    message: alert.message,
  };
}

/** History is shown, never notified again. */
function toView(row: AlertRow): AlertView {
  return { ...row, t: new Date(row.t).toISOString(), level: alertLevel(row.level), notify: false };
}

function alertLevel(level: string): AlertLevel {
  // The table's CHECK constraint admits only these, so anything else means the file was edited by hand.
  if (isAlertLevel(level)) return level;
  throw new Error(`alerts table holds an unknown level ${JSON.stringify(level)}`);
}

function isAlertLevel(level: string): level is AlertLevel {
  return LEVELS.includes(level);
}
