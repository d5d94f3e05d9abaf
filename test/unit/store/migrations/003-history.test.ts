// Migration 3 (history): adds equity_samples and closed_trades and keeps everything schema 2 held.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/store/migrate';
import { describeSchema, migrateTo } from '../schema';
import { useTempDirs } from '../temp-store';

const tempDir = useTempDirs();

function seededAtVersion2(): Database.Database {
  const db = new Database(join(tempDir(), 'warden.db'));
  migrateTo(db, 2);
  db.prepare(
    "INSERT INTO journal (t, type, account, body) VALUES (1000, 'fill', 'A1', '{\"id\":\"f1\"}')",
  ).run();
  db.prepare(
    "INSERT INTO risk_events (t, account, kind, detail) VALUES (5, 'A1', 'circuitBreaker', '{}')",
  ).run();
  return db;
}

describe('migration 003-history', () => {
  it('adds equity_samples and closed_trades (STRICT) and leaves the schema-2 tables and rows alone', () => {
    const db = seededAtVersion2();
    const before = describeSchema(db);
    const journal = db.prepare('SELECT * FROM journal').all();
    const events = db.prepare('SELECT * FROM risk_events').all();

    migrateTo(db, 3);

    expect(schemaVersion(db)).toBe(3);
    expect(describeSchema(db)).toEqual({
      ...before,
      equity_samples: {
        strict: true,
        columns: [
          'account TEXT NOT NULL PK',
          't INTEGER NOT NULL PK',
          'balance TEXT NOT NULL',
          'equity TEXT NOT NULL',
          'daily_net_pnl TEXT NOT NULL',
          'daily_drawdown TEXT NOT NULL',
          'open_qty INTEGER NOT NULL',
        ],
        indexes: ['equity_samples_t'],
      },
      closed_trades: {
        strict: true,
        columns: [
          'id INTEGER PK',
          'account TEXT NOT NULL',
          'symbol TEXT NOT NULL',
          'side TEXT NOT NULL',
          'qty INTEGER NOT NULL',
          'entry_price TEXT NOT NULL',
          'exit_price TEXT NOT NULL',
          'opened_at INTEGER NOT NULL',
          'closed_at INTEGER NOT NULL',
          'realized_pnl TEXT NOT NULL',
          'fees TEXT NOT NULL',
          'net_pnl TEXT NOT NULL',
          'mfe TEXT NOT NULL',
          'mae TEXT NOT NULL',
          'tag TEXT',
        ],
        indexes: ['closed_trades_account_closed_at'],
      },
    });
    expect(db.prepare('SELECT * FROM journal').all()).toEqual(journal);
    expect(db.prepare('SELECT * FROM risk_events').all()).toEqual(events);
    db.close();
  });

  it('refuses a second sample for the same account and time, and a trade side other than long or short', () => {
    const db = seededAtVersion2();
    migrateTo(db, 3);
    const sample = db.prepare(
      "INSERT INTO equity_samples VALUES ('A1', 1000, '50000.00', '50010.00', '10.00', '0.00', 1)",
    );
    sample.run();
    expect(() => sample.run()).toThrow(/UNIQUE constraint failed: equity_samples.account, equity_samples.t/);
    const trade = db.prepare(
      `INSERT INTO closed_trades (account, symbol, side, qty, entry_price, exit_price, opened_at, closed_at,
         realized_pnl, fees, net_pnl, mfe, mae) VALUES ('A1', 'MES', ?, 1, '1', '2', 1, 2, '5', '1', '4', '5', '0')`,
    );
    expect(() => trade.run('flat')).toThrow(/CHECK constraint failed/);
    expect(trade.run('long').changes).toBe(1);
    db.close();
  });
});
