// Periodic metric snapshots on a real SQLite file, through the core and the simulated broker: every 10 s sample
// keeps, beside the equity, the P&L parts, the trailing threshold and the day's loss floor in force, the margin
// level, the day's counts and the trading state, exactly; the equityDay answer hands them back as stored.
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenCore } from '../../main/core/types';
import type { Store } from '../../main/store';
import { drain, simCore, waitFor } from '../helpers/sim-core';

let running: { core: WardenCore; store: Store } | null = null;
afterEach(async () => {
  await running?.core.stop();
  running = null;
});

/** Tuesday 5 May 2026, 09:30 CDT: trading day 2026-05-05, which began Monday 17:00 CDT. */
const opened = Date.parse('2026-05-05T14:30:00Z');

const RULES = `      dailyLoss: { amount: 1000 }
      trailingDrawdown: { amount: 2000, mode: intraday }
`;

async function setup() {
  const { core, broker, clock, store } = await simCore({
    config: `accounts:\n  SIM-50K:\n    startingBalance: 50000\n    rules:\n${RULES}`,
    prefix: 'warden-snapshots-',
    at: opened,
    stillMarket: true,
  });
  running = { core, store };
  const price = (p: string) => {
    clock.advance(100);
    broker.setPrice('ES', p);
  };
  const order = async (side: 'buy' | 'sell', qty: number) => {
    const placed = await core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'ES',
      side,
      qty,
      kind: 'market',
    });
    if (!placed.ok) throw new Error(placed.error);
  };
  return { core, store, clock, price, order };
}

describe('the periodic samples', () => {
  it('keep every metric of the account exactly, before and after a daily loss breach', async () => {
    const { core, store, clock, price, order } = await setup();
    // The simulator quotes the bid at the price set and the ask a tick above. A losing round trip: bought at
    // 6000.25, sold at 5990.00: −512.50 and 2 × 1.40 fees.
    price('6000.00');
    await order('buy', 1);
    price('5990.00');
    await order('sell', 1);
    // Long 2 at the ask 5990.25 (2.80 fees), then the market rallies to 6001.00: +1,075.00 open.
    await order('buy', 2);
    price('6001.00');
    clock.set(opened + 10_000);
    await drain();

    // Falls to 5985.25: open −500.00, day net −1,018.10; the second breaching quote confirms, and the
    // account is flattened at the bid 5985.25 (−500.00 realized, 2.80 fees) and halted until the day ends.
    price('5985.25');
    price('5985.25');
    await waitFor('the flatten to finish', () => store.responses.recent(1)[0]?.outcome === 'flat');
    clock.set(opened + 20_000);
    await drain();

    const samples = store.history.samples('SIM-50K', opened, opened + 20_001);
    expect(samples).toEqual([
      {
        account: 'SIM-50K',
        t: opened + 10_000,
        // 50,000 − 515.30 (first trip) − 2.80 (entry fees)
        balance: '49481.90',
        equity: '50556.90',
        dailyNetPnl: '556.90',
        dailyDrawdown: '0.00',
        openQty: 2,
        metrics: {
          unrealizedPnl: '1075',
          // −512.50 realized − 5.60 fees
          dailyRealizedPnl: '-518.1',
          weeklyNetPnl: '556.9',
          // highest equity 50,556.90 − 2,000
          trailingThreshold: '48556.9',
          // day start equity 50,000 − 1,000
          dailyLossFloor: '49000',
          // 50,556.90 / (2 × 500 margin) × 100
          marginLevel: '5055.69',
          tradesToday: 2,
          consecutiveLosses: 1,
          tradingState: 'active',
        },
      },
      {
        account: 'SIM-50K',
        t: opened + 20_000,
        // 49,481.90 − 500.00 − 2.80
        balance: '48979.10',
        equity: '48979.10',
        dailyNetPnl: '-1020.90',
        // from the day's peak 50,556.90
        dailyDrawdown: '1577.80',
        openQty: 0,
        metrics: {
          unrealizedPnl: '0',
          dailyRealizedPnl: '-1020.9',
          weeklyNetPnl: '-1020.9',
          trailingThreshold: '48556.9',
          dailyLossFloor: '49000',
          marginLevel: null,
          tradesToday: 2,
          consecutiveLosses: 2,
          tradingState: 'halted',
        },
      },
    ]);

    const answer = await core.command('getHistory', { account: 'SIM-50K', days: 1, equityDay: 'today' });
    if (!answer.ok) throw new Error(answer.error);
    expect(
      answer.result.equityDay?.samples.map((s) => [
        s.t,
        s.metrics?.trailingThreshold,
        s.metrics?.dailyLossFloor,
        s.metrics?.tradingState,
      ]),
    ).toEqual([
      ['2026-05-05T14:30:10.000Z', '48556.9', '49000', 'active'],
      ['2026-05-05T14:30:20.000Z', '48556.9', '49000', 'halted'],
    ]);
  });
});
