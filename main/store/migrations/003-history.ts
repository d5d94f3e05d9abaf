// Schema 3: the history the screens and a dispute need: equity samples per account (every few seconds, for
// charts and the P&L around a breach) and closed round trips with their MFE/MAE and risk. Money as exact text.
import type { Migration } from '../migrate';

export const history: Migration = {
  version: 3,
  name: 'history',
  up(db) {
    db.exec(`
      CREATE TABLE equity_samples (
        account TEXT NOT NULL,
        t INTEGER NOT NULL,
        balance TEXT NOT NULL,
        equity TEXT NOT NULL,
        daily_net_pnl TEXT NOT NULL,
        daily_drawdown TEXT NOT NULL,
        open_qty INTEGER NOT NULL,
        PRIMARY KEY (account, t)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX equity_samples_t ON equity_samples (t);

      CREATE TABLE closed_trades (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        symbol TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('long', 'short')),
        qty INTEGER NOT NULL,
        entry_price TEXT NOT NULL,
        exit_price TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        closed_at INTEGER NOT NULL,
        realized_pnl TEXT NOT NULL,
        fees TEXT NOT NULL,
        net_pnl TEXT NOT NULL,
        mfe TEXT NOT NULL,
        mae TEXT NOT NULL,
        tag TEXT,
        UNIQUE (account, symbol, opened_at, closed_at)
      ) STRICT;
      CREATE INDEX closed_trades_account_closed_at ON closed_trades (account, closed_at);
    `);
  },
};
