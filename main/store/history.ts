// The trading history: equity samples per account and closed round trips, for the history screens, the P&L
// around a breach and exports. Money is kept as the engine's exact decimal strings.
import type Database from 'better-sqlite3';

export type EquitySample = {
  account: string;
  t: number;
  balance: string;
  equity: string;
  dailyNetPnl: string;
  dailyDrawdown: string;
  openQty: number;
};

export type TradeRecord = {
  account: string;
  symbol: string;
  side: 'long' | 'short';
  qty: number;
  entryPrice: string;
  exitPrice: string;
  openedAt: number;
  closedAt: number;
  realizedPnl: string;
  fees: string;
  netPnl: string;
  mfe: string;
  mae: string;
  tag: string | null;
  /** Null when the trade had no protective stop (R: or one at the entry price). */
  initialRisk: string | null;
  rMultiple: string | null;
};

export type History = {
  /** Records samples in one transaction; a sample already there (same account and time) is kept as it was. */
  sample(samples: readonly EquitySample[]): void;
  /** Records a closed trade; false when it was already there (a replayed close is not counted twice). */
  addTrade(trade: TradeRecord): boolean;
  /** Samples of an account with from ≤ t < to, oldest first. */
  samples(account: string, from: number, to: number): EquitySample[];
  /** Closed trades (of one account, or all when null) closed in [from, to), oldest first. */
  trades(account: string | null, from: number, to: number): TradeRecord[];
  /** Deletes samples older than `t`; returns how many. */
  pruneSamples(before: number): number;
};

const SAMPLE_COLUMNS = `account, t, balance, equity, daily_net_pnl AS dailyNetPnl,
  daily_drawdown AS dailyDrawdown, open_qty AS openQty`;
const TRADE_COLUMNS = `account, symbol, side, qty, entry_price AS entryPrice, exit_price AS exitPrice,
  opened_at AS openedAt, closed_at AS closedAt, realized_pnl AS realizedPnl, fees, net_pnl AS netPnl, mfe, mae, tag,
  initial_risk AS initialRisk, r_multiple AS rMultiple`;

export function createHistory(db: Database.Database): History {
  const insertSample = db.prepare<[EquitySample]>(
    `INSERT INTO equity_samples (account, t, balance, equity, daily_net_pnl, daily_drawdown, open_qty)
     VALUES (@account, @t, @balance, @equity, @dailyNetPnl, @dailyDrawdown, @openQty)
     ON CONFLICT (account, t) DO NOTHING`,
  );
  const insertTrade = db.prepare<[TradeRecord]>(
    `INSERT INTO closed_trades (account, symbol, side, qty, entry_price, exit_price, opened_at, closed_at,
       realized_pnl, fees, net_pnl, mfe, mae, tag, initial_risk, r_multiple)
     VALUES (@account, @symbol, @side, @qty, @entryPrice, @exitPrice, @openedAt, @closedAt,
       @realizedPnl, @fees, @netPnl, @mfe, @mae, @tag, @initialRisk, @rMultiple)
     ON CONFLICT (account, symbol, opened_at, closed_at) DO NOTHING`,
  );
  const samplesOf = db.prepare<[string, number, number], EquitySample>(
    `SELECT ${SAMPLE_COLUMNS} FROM equity_samples WHERE account = ? AND t >= ? AND t < ? ORDER BY t`,
  );
  const tradesOf = db.prepare<[string | null, string | null, number, number], TradeRecord>(
    `SELECT ${TRADE_COLUMNS} FROM closed_trades
     WHERE (? IS NULL OR account = ?) AND closed_at >= ? AND closed_at < ? ORDER BY closed_at, id`,
  );
  const prune = db.prepare<[number]>('DELETE FROM equity_samples WHERE t < ?');
  const sampleAll = db.transaction((samples: readonly EquitySample[]) => {
    for (const sample of samples) insertSample.run(sample);
  });
  return {
    sample: (samples) => {
      if (samples.length > 0) sampleAll.immediate(samples);
    },
    addTrade: (trade) => insertTrade.run(trade).changes > 0,
    samples: (account, from, to) => samplesOf.all(account, from, to),
    trades: (account, from, to) => tradesOf.all(account, account, from, to),
    pruneSamples: (before) => prune.run(before).changes,
  };
}
