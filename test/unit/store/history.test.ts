// The history tables: closed trades once each, read back exactly, with their initial risk and R multiple or null;
// equity samples read back exactly with their metrics, or none for a sample written without them.
import { describe, expect, it } from 'vitest';
import type { EquitySample, TradeRecord } from '../../../main/store';
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

describe('equity samples', () => {
  const base = (t: number): Omit<EquitySample, 'metrics'> => ({
    account: 'A1',
    t,
    balance: '50000.00',
    equity: '49880.25',
    dailyNetPnl: '-119.75',
    dailyDrawdown: '139.75',
    openQty: 2,
  });

  it('reads every metric back exactly, nulls kept as nulls, and a sample without metrics as none', () => {
    const { store } = openTemp();
    const full: EquitySample = {
      ...base(1_000),
      metrics: {
        unrealizedPnl: '-119.75',
        dailyRealizedPnl: '0.1',
        weeklyNetPnl: '-310.5',
        trailingThreshold: '48125.50',
        dailyLossFloor: '49000',
        marginLevel: '1234.5679',
        tradesToday: 3,
        consecutiveLosses: 0,
        tradingState: 'reducing',
      },
    };
    const noneInForce: EquitySample = {
      ...base(2_000),
      metrics: {
        unrealizedPnl: '0',
        dailyRealizedPnl: '0',
        weeklyNetPnl: '0',
        trailingThreshold: null,
        dailyLossFloor: null,
        marginLevel: null,
        tradesToday: 0,
        consecutiveLosses: 0,
        tradingState: 'active',
      },
    };
    const old: EquitySample = { ...base(3_000), metrics: null };
    store.history.sample([full, noneInForce, old]);
    store.history.sample([{ ...full, equity: '1.00' }]); // same account and time: the first one stays
    expect(store.history.samples('A1', 0, 10_000)).toEqual([full, noneInForce, old]);
  });
});
