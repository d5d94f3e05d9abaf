// Fills that arrive after the broker's balance report that already holds them (a first start, a restart, a
// reconnect): the balance is not counted twice, and the day starts at balance − net realized since dayStart.
import { describe, expect, it } from 'vitest';
import { accountMetrics, defaultEngineConfig, deserializeState, serializeState } from '../../../main/engine';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';

const report = ev({ type: 'account', t: '2026-05-05T10:00:00-05:00', account: 'A1', balance: '50038.78' });
const fill = (id: string, at: string, side: 'buy' | 'sell', price: string, realizedPnl?: string) =>
  ev({
    type: 'fill',
    t: at,
    account: 'A1',
    id,
    orderId: id,
    symbol: 'MNQ',
    side,
    qty: 2,
    price,
    fees: '0.74',
    ...(realizedPnl === undefined ? {} : { realizedPnl }),
  });

describe('fills behind a balance report', () => {
  it("rebuilds the day from today's fills when the engine first sees the account mid-day", () => {
    const { state } = runEngine(
      [
        ...instrumentEvents,
        report,
        fill('f1', '2026-05-05T08:30:00-05:00', 'buy', '21000.25'),
        fill('f2', '2026-05-05T09:00:00-05:00', 'sell', '21010.50', '41'),
        fill('f3', '2026-05-05T09:30:00-05:00', 'buy', '21020.00'),
        ev({ type: 'quote', t: '2026-05-05T10:00:01-05:00', symbol: 'MNQ', last: '21025.00' }),
      ],
      defaultEngineConfig,
    );
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('no account');
    const m = accountMetrics(state, account);
    expect({
      balance: m.balance.toFixed(),
      dailyRealizedPnl: m.dailyRealizedPnl.toFixed(),
      unrealizedPnl: m.unrealizedPnl.toFixed(),
      dailyNetPnl: m.dailyNetPnl.toFixed(),
      tradesToday: m.tradesToday,
    }).toEqual({
      balance: '50038.78', // 50,000 + 41 − 3 × 0.74: the report holds all three fills
      dailyRealizedPnl: '38.78',
      unrealizedPnl: '20', // (21025 − 21020) × 2 × 2
      dailyNetPnl: '58.78', // the day started at 50038.78 − 38.78 = 50,000
      tradesToday: 2,
    });
  });

  it("leaves yesterday's fills out of today's numbers", () => {
    const { state } = runEngine(
      [
        ...instrumentEvents,
        report,
        fill('y1', '2026-05-04T10:00:00-05:00', 'buy', '21000.25'),
        fill('y2', '2026-05-04T11:00:00-05:00', 'sell', '21010.50', '41'),
      ],
      defaultEngineConfig,
    );
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('no account');
    const m = accountMetrics(state, account);
    expect([
      m.balance.toFixed(),
      m.dailyRealizedPnl.toFixed(),
      m.dailyNetPnl.toFixed(),
      m.tradesToday,
    ]).toEqual(['50038.78', '0', '0', 0]);
  });

  it('counts a live fill after the report in the balance once', () => {
    const { state } = runEngine(
      [
        ...instrumentEvents,
        report,
        fill('l1', '2026-05-05T10:05:00-05:00', 'buy', '21000.25'),
        ev({ type: 'account', t: '2026-05-05T10:05:00-05:00', account: 'A1', balance: '50038.04' }),
      ],
      defaultEngineConfig,
    );
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('no account');
    const m = accountMetrics(state, account);
    expect([m.balance.toFixed(), m.dailyRealizedPnl.toFixed(), m.dailyNetPnl.toFixed()]).toEqual([
      '50038.04',
      '-0.74',
      '-0.74',
    ]);
  });

  it('counts a fill in the same millisecond as the report that came before it: it is not in that balance yet', () => {
    // The broker books each fill and then reports the balance: open at 10:05:00.000 (report 50,038.04), then the
    // close in the same millisecond. The close's −20.00 − 0.74 is not in the report before it.
    const at = '2026-05-05T10:05:00-05:00';
    const { state } = runEngine(
      [
        ...instrumentEvents,
        report,
        fill('l1', at, 'buy', '21000.25'),
        ev({ type: 'account', t: at, account: 'A1', balance: '50038.04' }),
        fill('l2', at, 'sell', '20995.25'),
      ],
      defaultEngineConfig,
    );
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('no account');
    const m = accountMetrics(state, account);
    expect([m.balance.toFixed(), m.dailyRealizedPnl.toFixed(), m.dailyNetPnl.toFixed()]).toEqual([
      '50017.3',
      '-21.48',
      '-21.48',
    ]);
  });

  // A 2-lot MNQ round trip at 21000.25 / 20995.25: the open nets −0.74, the close (−10 × $2) − 0.74 = −20.74.
  const balanceOf = (events: Parameters<typeof runEngine>[0]) => {
    const account = runEngine(
      [...instrumentEvents, report, ...events],
      defaultEngineConfig,
    ).state.accounts.get('A1');
    if (account === undefined) throw new Error('no account');
    return account.balance.toFixed();
  };

  it('counts a fill once when the report that books it came first, in the same millisecond', () => {
    // ProjectX sends the trade and the balance on separate subscriptions, in any order: 50038.04 − 20.74.
    const at = '2026-05-05T10:05:00-05:00';
    expect(
      balanceOf([
        fill('l1', at, 'buy', '21000.25'),
        ev({ type: 'account', t: at, account: 'A1', balance: '50017.30' }),
        fill('l2', at, 'sell', '20995.25'),
      ]),
    ).toBe('50017.3');
  });

  it("counts it once as well when the broker's clock runs ahead and the fill is timed after that report", () => {
    expect(
      balanceOf([
        fill('l1', '2026-05-05T10:05:00.000-05:00', 'buy', '21000.25'),
        ev({ type: 'account', t: '2026-05-05T10:05:00.100-05:00', account: 'A1', balance: '50017.30' }),
        fill('l2', '2026-05-05T10:05:00.103-05:00', 'sell', '20995.25'),
      ]),
    ).toBe('50017.3');
  });

  it('books a fill after the report whose net is not what the report was ahead by', () => {
    // The report is 5.00 ahead (a cash adjustment the engine never saw): the close's −20.74 is not in it.
    expect(
      balanceOf([
        fill('l1', '2026-05-05T10:05:00-05:00', 'buy', '21000.25'),
        ev({ type: 'account', t: '2026-05-05T10:05:00-05:00', account: 'A1', balance: '50043.04' }),
        fill('l2', '2026-05-05T10:05:00.004-05:00', 'sell', '20995.25'),
      ]),
    ).toBe('50022.3');
  });

  it('a late fill timed before the report uses up its lead: the same trade again after it is booked', () => {
    // The report (10:05:00.010) holds the close of 10:05:00.005, which arrives after it; then the trader does the
    // same round trip again: 50017.30 − 0.74 − 20.74.
    expect(
      balanceOf([
        fill('l1', '2026-05-05T10:05:00.000-05:00', 'buy', '21000.25'),
        ev({ type: 'account', t: '2026-05-05T10:05:00.010-05:00', account: 'A1', balance: '50017.30' }),
        fill('l2', '2026-05-05T10:05:00.005-05:00', 'sell', '20995.25'),
        fill('l3', '2026-05-05T10:06:00-05:00', 'buy', '21000.25'),
        fill('l4', '2026-05-05T10:06:00-05:00', 'sell', '20995.25'),
      ]),
    ).toBe('49995.82');
  });

  it("matches nothing against the account's first report: its lead is not known", () => {
    // First seen mid-day through the report; the morning's open (−0.74) arrives late, before it. A live close
    // netting +0.74 (1.48 − 0.74) is not in that report: 50038.78 + 0.74.
    expect(
      balanceOf([
        fill('m1', '2026-05-05T09:00:00-05:00', 'buy', '21000.25'),
        fill('m2', '2026-05-05T10:05:00-05:00', 'sell', '21000.62', '1.48'),
      ]),
    ).toBe('50039.52');
  });

  it('restores a snapshot from before the lead was kept with the lead not known', () => {
    const { state } = runEngine(
      [
        ...instrumentEvents,
        report,
        ev({ type: 'account', t: '2026-05-05T10:01:00-05:00', account: 'A1', balance: '50038.78' }),
      ],
      defaultEngineConfig,
    );
    const old = serializeState(state).replace(/"reportAhead":\{"\$dec":"0"\},/, '');
    expect(old).not.toContain('reportAhead');
    const restored = deserializeState(old, defaultEngineConfig);
    expect(restored.accounts.get('A1')?.reportAhead).toBeNull();
  });
});
