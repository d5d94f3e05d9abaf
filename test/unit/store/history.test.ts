// The closed trades table: each trade once, read back exactly, with its initial risk and R multiple or null.
import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../../../main/store';
import { useStores } from './temp-store';

const openTemp = useStores();

const trade = (overrides: Partial<TradeRecord> = {}): TradeRecord => ({
  account: 'A1',
  symbol: 'ES',
  side: 'long',
  qty: 1,
  entryPrice: '6000.25',
  exitPrice: '5993.75',
  openedAt: 1_000,
  closedAt: 2_000,
  realizedPnl: '-325.00',
  fees: '2.80',
  netPnl: '-327.80',
  mfe: '0.00',
  mae: '-325.00',
  tag: null,
  initialRisk: '512.5',
  rMultiple: '-0.6396',
  ...overrides,
});

describe('closed trades', () => {
  it('reads trades back exactly, oldest first, with or without a risk, and keeps a repeated close once', () => {
    const { store } = openTemp();
    const stopped = trade();
    const unprotected = trade({
      symbol: 'NQ',
      openedAt: 3_000,
      closedAt: 4_000,
      netPnl: '19.76',
      initialRisk: null,
      rMultiple: null,
    });
    expect(store.history.addTrade(unprotected)).toBe(true);
    expect(store.history.addTrade(stopped)).toBe(true);
    expect(store.history.addTrade({ ...stopped, rMultiple: '9' })).toBe(false);
    expect(store.history.trades('A1', 0, 10_000)).toEqual([stopped, unprotected]);
    expect(store.history.trades(null, 2_001, 10_000)).toEqual([unprotected]);
  });
});
