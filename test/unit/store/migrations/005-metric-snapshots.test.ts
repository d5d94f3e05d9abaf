// Migration 5 (metric-snapshots): equity samples gain the other metrics a dispute needs (P&L parts, trailing
// threshold, the day's loss floor, margin level, counts, trading state). Samples from schema 4 keep every value,
// with null in the new columns; the other tables are untouched.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/store/migrate';
import { describeSchema, migrateTo } from '../schema';
import { useTempDirs } from '../temp-store';

const tempDir = useTempDirs();

const SAMPLES = `INSERT INTO equity_samples (account, t, balance, equity, daily_net_pnl, daily_drawdown, open_qty)
  VALUES ('A1', 1000, '50000.00', '49880.25', '-119.75', '139.75', 2),
         ('PA-150K', 1000, '150000.00', '150000.00', '0.00', '0.00', 0)`;

function seededAtVersion4(): Database.Database {
  const db = new Database(join(tempDir(), 'warden.db'));
  migrateTo(db, 4);
  db.prepare(SAMPLES).run();
  return db;
}

const NEW_COLUMNS = [
  'unrealized_pnl',
  'daily_realized_pnl',
  'weekly_net_pnl',
  'trailing_threshold',
  'daily_loss_floor',
  'margin_level',
  'trades_today',
  'consecutive_losses',
  'trading_state',
];

describe('migration 005-metric-snapshots', () => {
  it('adds nullable metric columns to equity_samples and keeps every sample and the other tables as they were', () => {
    const db = seededAtVersion4();
    const before = describeSchema(db);
    const samples = db.prepare('SELECT * FROM equity_samples ORDER BY account').all();
    expect(samples).toHaveLength(2);

    migrateTo(db, 5);

    expect(schemaVersion(db)).toBe(5);
    const after = describeSchema(db);
    expect(after).toEqual({
      ...before,
      equity_samples: {
        ...before['equity_samples'],
        columns: [
          ...(before['equity_samples']?.columns ?? []),
          'unrealized_pnl TEXT',
          'daily_realized_pnl TEXT',
          'weekly_net_pnl TEXT',
          'trailing_threshold TEXT',
          'daily_loss_floor TEXT',
          'margin_level TEXT',
          'trades_today INTEGER',
          'consecutive_losses INTEGER',
          'trading_state TEXT',
        ],
      },
    });
    expect(after['equity_samples']?.strict).toBe(true);
    const nulls = Object.fromEntries(NEW_COLUMNS.map((column) => [column, null]));
    expect(db.prepare('SELECT * FROM equity_samples ORDER BY account').all()).toEqual(
      samples.map((row) => ({ ...(row as object), ...nulls })),
    );
    db.close();
  });

  it('keeps money as exact text and counts as integers, and refuses a trading state or a count that is not one', () => {
    const db = seededAtVersion4();
    migrateTo(db, 5);
    const insert = db.prepare(
      `INSERT INTO equity_samples VALUES ('A1', ?, '50000.00', '49880.25', '-119.75', '139.75', 2,
         '-119.75', '0.10', '-310.5', '48125.50', '49000', '1234.5679', ?, 2, ?)`,
    );
    expect(() => insert.run(2000, 3, 'flat')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(2000, -1, 'active')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(2000, 'three', 'active')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(insert.run(2000, 3, 'halted').changes).toBe(1);
    expect(
      db
        .prepare(
          `SELECT unrealized_pnl, daily_realized_pnl, weekly_net_pnl, trailing_threshold, daily_loss_floor,
             margin_level, trades_today, consecutive_losses, trading_state FROM equity_samples WHERE t = 2000`,
        )
        .get(),
    ).toEqual({
      unrealized_pnl: '-119.75',
      daily_realized_pnl: '0.10',
      weekly_net_pnl: '-310.5',
      trailing_threshold: '48125.50',
      daily_loss_floor: '49000',
      margin_level: '1234.5679',
      trades_today: 3,
      consecutive_losses: 2,
      trading_state: 'halted',
    });
    db.close();
  });
});
