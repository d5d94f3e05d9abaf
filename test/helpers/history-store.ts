// A store in a fresh temporary directory seeded with closed trades, for tests of the history (getHistory): one
// ES contract per trade, flat (entry = exit), its net P&L given, no fees.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger } from '../../main/platform/logger';
import { openStore, type Store, type TradeRecord } from '../../main/store';

export const monday = Date.parse('2025-03-10T15:00:00.000Z');
export const tuesday = Date.parse('2025-03-11T15:00:00.000Z');

/** A trade of `account` closed at `closedAt` (opened a minute before) for `netPnl`. */
const trade = (account: string, closedAt: number, netPnl: string): TradeRecord => ({
  account,
  symbol: 'ES',
  side: 'long',
  qty: 1,
  entryPrice: '5800.00',
  exitPrice: '5800.00',
  openedAt: closedAt - 60_000,
  closedAt,
  realizedPnl: netPnl,
  fees: '0.00',
  netPnl,
  mfe: '0.00',
  mae: '0.00',
  tag: null,
  initialRisk: null,
  rMultiple: null,
});

/** Opens a store in a new directory named after `prefix` and adds one trade per [account, closedAt, netPnl]. */
export function seededStore(prefix: string, trades: readonly (readonly [string, number, string])[]): Store {
  const opened = openStore(join(mkdtempSync(join(tmpdir(), prefix)), 'warden.db'), {
    logger: memoryLogger(),
  });
  for (const [account, at, net] of trades) opened.history.addTrade(trade(account, at, net));
  return opened;
}
