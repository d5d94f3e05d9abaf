// The history view carries, for one account, its equity samples around each enforcement response (breach)
// — the P&L around the breach the history screen shows — and none for all accounts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHistory, EQUITY_WINDOW_MS } from '../../../main/core/history';
import { defaultSession } from '../../../main/engine';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore, type Store } from '../../../main/store';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const breachAt = Date.parse('2025-03-11T15:00:00.000Z');
const sample = (account: string, t: number, equity: string) => ({
  account,
  t,
  balance: '50000.00',
  equity,
  dailyNetPnl: (Number(equity) - 50000).toFixed(2),
  dailyDrawdown: '0.00',
  openQty: 1,
  metrics: null,
});

describe('history equity around breaches', () => {
  it('keeps the account samples within the window either side of each breach, oldest first', () => {
    store = openStore(join(mkdtempSync(join(tmpdir(), 'warden-hist-')), 'warden.db'), {
      logger: memoryLogger(),
    });
    store.history.sample([
      sample('SIM-50K', breachAt - EQUITY_WINDOW_MS - 1, '50100.00'),
      sample('SIM-50K', breachAt - 10_000, '49750.00'),
      sample('SIM-50K', breachAt + 10_000, '49690.00'),
      sample('SIM-50K', breachAt + EQUITY_WINDOW_MS + 1, '49690.00'),
      sample('PA-150K', breachAt, '150000.00'),
    ]);
    store.responses.begin({
      account: 'SIM-50K',
      action: 'flatten',
      reason: 'dailyLoss',
      requestedAt: breachAt,
      detail: [],
    });
    const now = breachAt + 3_600_000;
    const one = buildHistory(store, defaultSession, { account: 'SIM-50K', days: 7 }, now);
    expect(one.equity).toEqual([
      { t: '2025-03-11T14:59:50.000Z', equity: '49750.00', dailyNetPnl: '-250.00' },
      { t: '2025-03-11T15:00:10.000Z', equity: '49690.00', dailyNetPnl: '-310.00' },
    ]);
    expect(buildHistory(store, defaultSession, { days: 7 }, now).equity).toBeUndefined();
  });
});
