// Schema 5: every equity sample is a snapshot of the account's metrics a prop-firm dispute asks about (P&L parts,
// the trailing threshold and the day's loss floor in force, margin level, counts, trading state). Added as
// nullable columns, exact decimal text for money: samples from before have none.
import type { Migration } from '../migrate';

export const metricSnapshots: Migration = {
  version: 5,
  name: 'metric-snapshots',
  up(db) {
    db.exec(`
      ALTER TABLE equity_samples ADD COLUMN unrealized_pnl TEXT;
      ALTER TABLE equity_samples ADD COLUMN daily_realized_pnl TEXT;
      ALTER TABLE equity_samples ADD COLUMN weekly_net_pnl TEXT;
      ALTER TABLE equity_samples ADD COLUMN trailing_threshold TEXT;
      ALTER TABLE equity_samples ADD COLUMN daily_loss_floor TEXT;
      ALTER TABLE equity_samples ADD COLUMN margin_level TEXT;
      ALTER TABLE equity_samples ADD COLUMN trades_today INTEGER CHECK (trades_today >= 0);
      ALTER TABLE equity_samples ADD COLUMN consecutive_losses INTEGER CHECK (consecutive_losses >= 0);
      ALTER TABLE equity_samples ADD COLUMN trading_state TEXT
        CHECK (trading_state IN ('active', 'reducing', 'halted'));
    `);
  },
};
