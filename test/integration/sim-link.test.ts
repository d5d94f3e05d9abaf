// The simulated broker's link dropped and restored under the real core, a real SQLite file and a manual clock: what
// the broker did while the app could not hear reaches the journal at the reconnect, and afterwards Warden's
// balances and positions are the broker's own, even for a fill booked in the very millisecond of the reconnect.
import { describe, expect, it } from 'vitest';
import type { WardenCore } from '../../main/core/types';
import { drain, simCore } from '../helpers/sim-core';

const config = `
accounts:
  SIM-50K: { startingBalance: 50000 }
`;

async function ok<T>(answer: Promise<{ ok: true; result: T } | { ok: false; error: string }>): Promise<T> {
  const response = await answer;
  if (!response.ok) throw new Error(response.error);
  return response.result;
}

const order = (core: WardenCore, args: Record<string, unknown>) =>
  ok(core.command('placeOrder', { account: 'SIM-50K', symbol: 'MES', ...args }));

async function linked(prefix: string) {
  const sim = await simCore({ config, prefix, stillMarket: true });
  sim.broker.setPrice('MES', '6000.00');
  await order(sim.core, { side: 'buy', qty: 1, kind: 'market' });
  await order(sim.core, { side: 'sell', qty: 1, kind: 'limit', limitPrice: '6010.00' });
  return sim;
}

/** Warden's balance and positions beside the broker's own book. */
function books({ core, broker }: Awaited<ReturnType<typeof linked>>) {
  const account = core.view().accounts[0];
  const ledger = broker.ledger();
  return {
    warden: {
      balance: account?.metrics.balance,
      positions: account?.positions.map((p) => [p.symbol, p.qty]),
    },
    broker: {
      balance: ledger?.accounts[0]?.balance.toFixed(),
      positions: ledger?.positions.map((p) => [p.symbol, p.qty]),
    },
  };
}

describe('the simulated broker link under the core', () => {
  it('a fill booked while the link was down reaches Warden at the reconnect', async () => {
    const sim = await linked('warden-sim-link-');
    try {
      sim.broker.dropLink('cable pulled');
      sim.broker.setPrice('MES', '6010.00');
      sim.clock.advance(3000);
      sim.broker.restoreLink();
      await drain();
      // Bought at 6000.25, sold at 6010.00: 9.75 points × 5 = 48.75, fees 2 × 0.37.
      expect(books(sim)).toEqual({
        warden: { balance: '50048.01', positions: [] },
        broker: { balance: '50048.01', positions: [] },
      });
      const fills = sim.store.journal
        .readAfter(0)
        .flatMap(({ event }) => (event.type === 'fill' ? [event.id] : []));
      expect(new Set(fills).size).toBe(2);
    } finally {
      await sim.core.stop();
    }
  });

  it('a fill booked in the very millisecond of the reconnect is counted once', async () => {
    const sim = await linked('warden-sim-link-same-ms-');
    try {
      sim.broker.dropLink('cable pulled');
      sim.clock.advance(3000);
      sim.broker.setPrice('MES', '6010.00');
      sim.broker.restoreLink();
      await drain();
      expect(books(sim)).toEqual({
        warden: { balance: '50048.01', positions: [] },
        broker: { balance: '50048.01', positions: [] },
      });
    } finally {
      await sim.core.stop();
    }
  });
});
