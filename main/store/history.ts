// The trading history: equity samples per account (each a snapshot of the account's metrics) and closed round
// trips, for the charts, the history screens, the P&L around a breach and exports. Money is exact decimal text.
import type Database from 'better-sqlite3';
import type { SampleMetricsView } from '../../shared/ipc/history';

/** The rest of an account's metrics at a sample (schema 5): the shape the screens get, exact decimal text. */
export type SampleMetrics = SampleMetricsView;

export type EquitySample = {
  account: string;
  t: number;
  balance: string;
  equity: string;
  dailyNetPnl: string;
  dailyDrawdown: string;
  openQty: number;
  /** Null for a sample recorded before schema 5 kept them. */
  metrics: SampleMetrics | null;
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
  /** Deletes samples older than `before`, the oldest first and at most `limit` of them; returns how many. */
  pruneSamples(before: number, limit?: number): number;
};

/** A sample as one row: the metrics' columns all null for a sample from before schema 5. */
type SampleRow = Omit<EquitySample, 'metrics'> & { [K in keyof SampleMetrics]: SampleMetrics[K] | null };

const NO_METRICS: { [K in keyof SampleMetrics]: null } = {
  unrealizedPnl: null,
  dailyRealizedPnl: null,
  weeklyNetPnl: null,
  trailingThreshold: null,
  dailyLossFloor: null,
  marginLevel: null,
  tradesToday: null,
  consecutiveLosses: null,
  tradingState: null,
};

const SAMPLE_COLUMNS = `account, t, balance, equity, daily_net_pnl AS dailyNetPnl,
  daily_drawdown AS dailyDrawdown, open_qty AS openQty, unrealized_pnl AS unrealizedPnl,
  daily_realized_pnl AS dailyRealizedPnl, weekly_net_pnl AS weeklyNetPnl, trailing_threshold AS trailingThreshold,
  daily_loss_floor AS dailyLossFloor, margin_level AS marginLevel, trades_today AS tradesToday,
  consecutive_losses AS consecutiveLosses, trading_state AS tradingState`;
const TRADE_COLUMNS = `account, symbol, side, qty, entry_price AS entryPrice, exit_price AS exitPrice,
  opened_at AS openedAt, closed_at AS closedAt, realized_pnl AS realizedPnl, fees, net_pnl AS netPnl, mfe, mae, tag,
  initial_risk AS initialRisk, r_multiple AS rMultiple`;

export function createHistory(db: Database.Database): History {
  const insertSample = db.prepare<[SampleRow]>(
    `INSERT INTO equity_samples (account, t, balance, equity, daily_net_pnl, daily_drawdown, open_qty,
       unrealized_pnl, daily_realized_pnl, weekly_net_pnl, trailing_threshold, daily_loss_floor, margin_level,
       trades_today, consecutive_losses, trading_state)
     VALUES (@account, @t, @balance, @equity, @dailyNetPnl, @dailyDrawdown, @openQty,
       @unrealizedPnl, @dailyRealizedPnl, @weeklyNetPnl, @trailingThreshold, @dailyLossFloor, @marginLevel,
       @tradesToday, @consecutiveLosses, @tradingState)
     ON CONFLICT (account, t) DO NOTHING`,
  );
  const insertTrade = db.prepare<[TradeRecord]>(
    `INSERT INTO closed_trades (account, symbol, side, qty, entry_price, exit_price, opened_at, closed_at,
       realized_pnl, fees, net_pnl, mfe, mae, tag, initial_risk, r_multiple)
     VALUES (@account, @symbol, @side, @qty, @entryPrice, @exitPrice, @openedAt, @closedAt,
       @realizedPnl, @fees, @netPnl, @mfe, @mae, @tag, @initialRisk, @rMultiple)
     ON CONFLICT (account, symbol, opened_at, closed_at) DO NOTHING`,
  );
  const samplesOf = db.prepare<[string, number, number], SampleRow>(
    `SELECT ${SAMPLE_COLUMNS} FROM equity_samples WHERE account = ? AND t >= ? AND t < ? ORDER BY t`,
  );
  const tradesOf = db.prepare<[string | null, string | null, number, number], TradeRecord>(
    `SELECT ${TRADE_COLUMNS} FROM closed_trades
     WHERE (? IS NULL OR account = ?) AND closed_at >= ? AND closed_at < ? ORDER BY closed_at, id`,
  );
  // LIMIT -1 is SQLite's "no limit".
  const prune = db.prepare<[number, number]>(
    `DELETE FROM equity_samples WHERE (account, t) IN
       (SELECT account, t FROM equity_samples WHERE t < ? ORDER BY t LIMIT ?)`,
  );
  const sampleAll = db.transaction((samples: readonly EquitySample[]) => {
    for (const { metrics, ...sample } of samples) insertSample.run({ ...sample, ...(metrics ?? NO_METRICS) });
  });
  return {
    sample: (samples) => {
      if (samples.length > 0) sampleAll.immediate(samples);
    },
    addTrade: (trade) => insertTrade.run(trade).changes > 0,
    samples: (account, from, to) => samplesOf.all(account, from, to).map(sampleOf),
    trades: (account, from, to) => tradesOf.all(account, account, from, to),
    pruneSamples: (before, limit) => prune.run(before, limit ?? -1).changes,
  };
}

function sampleOf(row: SampleRow): EquitySample {
  const { account, t, balance, equity, dailyNetPnl, dailyDrawdown, openQty, ...metrics } = row;
  const base = { account, t, balance, equity, dailyNetPnl, dailyDrawdown, openQty };
  const { unrealizedPnl, dailyRealizedPnl, weeklyNetPnl, tradesToday, consecutiveLosses, tradingState } =
    metrics;
  // The recorder writes these always; any of them missing means a sample from before schema 5.
  if (
    unrealizedPnl === null ||
    dailyRealizedPnl === null ||
    weeklyNetPnl === null ||
    tradesToday === null ||
    consecutiveLosses === null ||
    tradingState === null
  )
    return { ...base, metrics: null };
  return {
    ...base,
    metrics: {
      ...metrics,
      unrealizedPnl,
      dailyRealizedPnl,
      weeklyNetPnl,
      tradesToday,
      consecutiveLosses,
      tradingState,
    },
  };
}
