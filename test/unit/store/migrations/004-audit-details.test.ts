// Migration 4 (audit-details): alerts gain the rule, the level entered and its figures; closed trades gain the
// initial risk and R multiple. Rows from schema 3 keep every value, with null in the new columns.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/store/migrate';
import { describeSchema, migrateTo } from '../schema';
import { useTempDirs } from '../temp-store';

const tempDir = useTempDirs();

const ALERT = `INSERT INTO alerts (id, t, level, account, title, message)
  VALUES ('a1', 1000, 'warning', 'A1', 'dailyLoss warning', 'daily loss 242.5 of 300.')`;
const TRADE = `INSERT INTO closed_trades (account, symbol, side, qty, entry_price, exit_price, opened_at, closed_at,
  realized_pnl, fees, net_pnl, mfe, mae, tag)
  VALUES ('A1', 'ES', 'long', 1, '6000.25', '5993.75', 1, 2, '-325.00', '2.80', '-327.80', '0.00', '-325.00', NULL)`;

function seededAtVersion3(): Database.Database {
  const db = new Database(join(tempDir(), 'warden.db'));
  migrateTo(db, 3);
  db.prepare(ALERT).run();
  db.prepare(TRADE).run();
  return db;
}

describe('migration 004-audit-details', () => {
  it('adds nullable columns to alerts and closed_trades, and keeps every row and the other tables as they were', () => {
    const db = seededAtVersion3();
    const before = describeSchema(db);
    const alerts = db.prepare('SELECT * FROM alerts').all();
    const trades = db.prepare('SELECT * FROM closed_trades').all();

    migrateTo(db, 4);

    expect(schemaVersion(db)).toBe(4);
    const after = describeSchema(db);
    expect(after).toEqual({
      ...before,
      alerts: {
        ...before['alerts'],
        columns: [
          ...(before['alerts']?.columns ?? []),
          'rule TEXT',
          'rule_level TEXT',
          'metric_value TEXT',
          'metric_limit TEXT',
          'threshold TEXT',
        ],
      },
      closed_trades: {
        ...before['closed_trades'],
        columns: [...(before['closed_trades']?.columns ?? []), 'initial_risk TEXT', 'r_multiple TEXT'],
      },
    });
    expect(after['alerts']?.strict).toBe(true);
    expect(db.prepare('SELECT * FROM alerts').all()).toEqual(
      alerts.map((row) => ({
        ...(row as object),
        rule: null,
        rule_level: null,
        metric_value: null,
        metric_limit: null,
        threshold: null,
      })),
    );
    expect(db.prepare('SELECT * FROM closed_trades').all()).toEqual(
      trades.map((row) => ({ ...(row as object), initial_risk: null, r_multiple: null })),
    );
    db.close();
  });

  it('keeps figures as exact text and refuses a rule level that is not one', () => {
    const db = seededAtVersion3();
    migrateTo(db, 4);
    const insert = db.prepare(
      `INSERT INTO alerts (id, t, level, account, title, message, rule, rule_level, metric_value, metric_limit,
         threshold) VALUES (?, 2000, 'critical', 'A1', 'dailyLoss breach', 'm', 'dailyLoss', ?, '326.40', '300', '300')`,
    );
    expect(() => insert.run('a2', 'ok')).toThrow(/CHECK constraint failed/);
    expect(insert.run('a3', 'breach').changes).toBe(1);
    expect(
      db.prepare("SELECT metric_value, metric_limit, threshold FROM alerts WHERE id = 'a3'").get(),
    ).toEqual({ metric_value: '326.40', metric_limit: '300', threshold: '300' });
    db.close();
  });
});
