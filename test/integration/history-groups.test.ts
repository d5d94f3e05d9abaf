// getHistory for a group of accounts (docs/RULES.md section 10): the members' trades and timeline only, and the
// group's totals per day summed exactly from its members' day summaries.
import { afterEach, describe, expect, it } from 'vitest';
import { buildHistory } from '../../main/core/history';
import { defaultSession } from '../../main/engine';
import type { Store } from '../../main/store';
import { parseCommand } from '../../shared/ipc';
import { monday, seededStore, tuesday } from '../helpers/history-store';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function seeded(): Store {
  const opened = seededStore('warden-group-hist-', [
    ['A1', monday, '0.10'],
    ['A2', monday, '0.20'],
    ['A1', tuesday, '-123.45'],
    ['A1', tuesday + 1000, '0.01'],
    ['A2', tuesday, '-76.56'],
    ['B1', tuesday, '1000.00'],
  ]);
  opened.responses.begin({
    account: 'A2',
    action: 'flatten',
    reason: 'groupDailyLoss',
    requestedAt: tuesday,
    detail: [],
  });
  opened.responses.begin({
    account: 'B1',
    action: 'flatten',
    reason: 'dailyLoss',
    requestedAt: tuesday,
    detail: [],
  });
  return opened;
}

describe('history of a group', () => {
  it("keeps the members' trades and timeline and sums the group's days exactly", () => {
    store = seeded();
    const now = tuesday + 3_600_000;
    const view = buildHistory(
      store,
      defaultSession,
      { group: { id: 'apex', accounts: ['A1', 'A2'] }, days: 7 },
      now,
    );
    expect(view.trades.map((t) => [t.account, t.netPnl])).toEqual([
      ['A1', '0.10'],
      ['A2', '0.20'],
      ['A1', '-123.45'],
      ['A2', '-76.56'],
      ['A1', '0.01'],
    ]);
    expect(view.timeline.map((item) => [item.kind, item.account])).toEqual([['response', 'A2']]);
    expect(view.days.map((d) => [d.day, d.account, d.netPnl, d.trades, d.breaches])).toEqual([
      ['2025-03-11', 'A1', '-123.44', 2, 0],
      ['2025-03-11', 'A2', '-76.56', 1, 1],
      ['2025-03-10', 'A1', '0.10', 1, 0],
      ['2025-03-10', 'A2', '0.20', 1, 0],
    ]);
    expect(view.groupDays).toEqual([
      { day: '2025-03-11', group: 'apex', netPnl: '-200.00', trades: 3, breaches: 1 },
      { day: '2025-03-10', group: 'apex', netPnl: '0.30', trades: 2, breaches: 0 },
    ]);
    expect(view.equity).toBeUndefined();
    expect(buildHistory(store, defaultSession, { days: 7 }, now).groupDays).toBeUndefined();
  });

  it('takes a group with its members, never with an account', () => {
    expect(parseCommand('getHistory', { group: { id: 'apex', accounts: ['A1', 'A2'] }, days: 7 })).toEqual({
      ok: true,
      args: { group: { id: 'apex', accounts: ['A1', 'A2'] }, days: 7 },
    });
    const both = parseCommand('getHistory', { account: 'A1', group: { id: 'apex', accounts: ['A1'] } });
    expect(both.ok).toBe(false);
    const empty = parseCommand('getHistory', { group: { id: 'apex', accounts: [] } });
    expect(empty.ok).toBe(false);
  });
});
