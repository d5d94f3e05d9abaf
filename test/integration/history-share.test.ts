// The day summary's share of the total (docs/RULES.md section 11, consistency): each day's net P&L as a share of
// its account's total over the days listed, exact (2 places, half-up), and none when that total is not positive.
import { afterEach, describe, expect, it } from 'vitest';
import { buildHistory } from '../../main/core/history';
import { defaultSession } from '../../main/engine';
import type { Store } from '../../main/store';
import { monday, seededStore, tuesday } from '../helpers/history-store';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const seeded = (trades: readonly (readonly [string, number, string])[]) =>
  seededStore('warden-share-', trades);

const shares = (view: ReturnType<typeof buildHistory>) =>
  view.days.map((d) => [d.day, d.account, d.netPnl, d.shareOfTotalPct]);

describe("the day summary's share of the total", () => {
  it('divides each day by its own account total, exactly, rounding half-up to 2 places', () => {
    store = seeded([
      ['A1', monday, '250.00'],
      ['A1', tuesday, '150.00'],
      ['A1', tuesday + 1000, '-100.00'],
      ['B1', monday, '0.01'],
      ['B1', tuesday, '199.99'],
    ]);
    const view = buildHistory(store, defaultSession, { days: 7 }, tuesday + 3_600_000);
    expect(shares(view)).toEqual([
      ['2025-03-11', 'A1', '50.00', '16.67'],
      ['2025-03-11', 'B1', '199.99', '100.00'],
      ['2025-03-10', 'A1', '250.00', '83.33'],
      ['2025-03-10', 'B1', '0.01', '0.01'],
    ]);
  });

  it('gives a losing day a negative share while the total is positive', () => {
    store = seeded([
      ['A1', monday, '400.00'],
      ['A1', tuesday, '-100.00'],
    ]);
    const view = buildHistory(store, defaultSession, { account: 'A1', days: 7 }, tuesday + 3_600_000);
    expect(shares(view)).toEqual([
      ['2025-03-11', 'A1', '-100.00', '-33.33'],
      ['2025-03-10', 'A1', '400.00', '133.33'],
    ]);
  });

  it.each([
    ['negative', '-150.00'],
    ['zero', '-100.00'],
  ])('has no share when the total is %s', (_, tuesdayNet) => {
    store = seeded([
      ['A2', monday, '100.00'],
      ['A2', tuesday, tuesdayNet],
    ]);
    const view = buildHistory(store, defaultSession, { account: 'A2', days: 7 }, tuesday + 3_600_000);
    expect(view.days.map((d) => d.shareOfTotalPct)).toEqual([null, null]);
  });

  it('counts only the days listed: a narrower range is its own total', () => {
    store = seeded([
      ['A1', monday, '300.00'],
      ['A1', tuesday, '100.00'],
    ]);
    const view = buildHistory(store, defaultSession, { account: 'A1', days: 1 }, tuesday + 3_600_000);
    expect(shares(view)).toEqual([['2025-03-11', 'A1', '100.00', '100.00']]);
  });
});
