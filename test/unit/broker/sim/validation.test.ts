// Refused commands: a clear reason naming the problem, no event, and nothing changed in the book.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrokerCommand } from '../../../../main/broker/types';
import { createSimBroker } from '../../../../main/broker/sim';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';
import { ACCOUNT, order, startSim, tempStateFile } from './sim-harness';

// The market stands at bid 21000 / ask 21000.25 for MNQ and 6000 / 6000.25 for ES.
const cases: [string, BrokerCommand, RegExp][] = [
  [
    'unknown symbol',
    order({ symbol: 'XYZ', side: 'buy', qty: 1, kind: 'market' }),
    /unknown symbol "XYZ" \(the simulator lists ES, NQ/,
  ],
  [
    'unknown account',
    { ...order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' }), account: 'NOPE' },
    /unknown account "NOPE"/,
  ],
  [
    'qty 0',
    order({ symbol: 'MNQ', side: 'buy', qty: 0, kind: 'market' }),
    /qty must be a whole number of contracts, at least 1 \(got 0\)/,
  ],
  [
    'qty 1.5',
    order({ symbol: 'MNQ', side: 'buy', qty: 1.5, kind: 'market' }),
    /qty must be a whole number.*got 1\.5/,
  ],
  [
    'negative qty',
    order({ symbol: 'MNQ', side: 'sell', qty: -2, kind: 'market' }),
    /qty must be a whole number.*got -2/,
  ],
  [
    'limit without limitPrice',
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit' }),
    /a limit order needs a limitPrice/,
  ],
  [
    'stop without stopPrice',
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'stop' }),
    /a stop order needs a stopPrice/,
  ],
  [
    'market with a limitPrice',
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market', limitPrice: '21000' }),
    /a market order takes no limitPrice/,
  ],
  [
    'limit price off the tick grid',
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit', limitPrice: '20990.10' }),
    /limitPrice 20990\.1 is not on the MNQ tick grid \(0\.25\)/,
  ],
  [
    'stop price off the tick grid',
    order({ symbol: 'ES', side: 'sell', qty: 1, kind: 'stop', stopPrice: '5990.3' }),
    /stopPrice 5990\.3 is not on the ES tick grid \(0\.25\)/,
  ],
  [
    'stop loss off the tick grid',
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market', stopLossPrice: '20990.01' }),
    /stopLossPrice 20990\.01 is not on the MNQ tick grid/,
  ],
  [
    'zero limit price',
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit', limitPrice: '0' }),
    /limitPrice must be above 0/,
  ],
  [
    'buy stop below the market',
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'stop', stopPrice: '20990' }),
    /a buy stop must be above the market: stopPrice 20990 is at or below the ask 21000\.25/,
  ],
  [
    'sell stop above the market',
    order({ symbol: 'MNQ', side: 'sell', qty: 1, kind: 'stop', stopPrice: '21000' }),
    /a sell stop must be below the market: stopPrice 21000 is at or above the bid 21000/,
  ],
  [
    "a buy's stop loss above the bid",
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market', stopLossPrice: '21000' }),
    /stopLossPrice 21000 is on the wrong side of the market: a buy's stop loss must be below 21000 \(the bid\)/,
  ],
  [
    "a sell's stop loss below the ask",
    order({ symbol: 'MNQ', side: 'sell', qty: 1, kind: 'market', stopLossPrice: '20995' }),
    /stopLossPrice 20995 is on the wrong side of the market: a sell's stop loss must be above 21000\.25 \(the ask\)/,
  ],
  [
    "a buy limit's stop loss above its limit",
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit', limitPrice: '20990', stopLossPrice: '20995' }),
    /a buy's stop loss must be below 20990 \(the limit price\)/,
  ],
  [
    "a buy's take profit below the ask",
    order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market', takeProfitPrice: '20995' }),
    /takeProfitPrice 20995 is on the wrong side of the market: a buy's take profit must be above 21000\.25 \(the ask\)/,
  ],
  [
    "a sell stop's take profit above its stop",
    order({
      symbol: 'MNQ',
      side: 'sell',
      qty: 1,
      kind: 'stop',
      stopPrice: '20990',
      takeProfitPrice: '20995',
    }),
    /a sell's take profit must be below 20990 \(the stop price\)/,
  ],
  [
    'cancel an unknown order',
    { type: 'cancelOrder', account: ACCOUNT, orderId: 'nope' },
    /no order "nope" in account SIM-50K/,
  ],
  [
    'close with no position',
    { type: 'closePosition', account: ACCOUNT, symbol: 'MNQ' },
    /no open MNQ position in account SIM-50K/,
  ],
  [
    'close an unknown symbol',
    { type: 'closePosition', account: ACCOUNT, symbol: 'ZZ' },
    /unknown symbol "ZZ"/,
  ],
];

describe('refused commands', () => {
  it.each(cases)('%s', async (_name, command, reason) => {
    const sim = await startSim();
    sim.broker.setPrice('MNQ', '21000');
    sim.broker.setPrice('ES', '6000');
    sim.take();
    const before = readFileSync(sim.stateFile, 'utf8');
    const result = await sim.broker.execute(command);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(reason);
    expect(sim.take()).toEqual([]);
    await sim.broker.stop();
    expect(book(readFileSync(sim.stateFile, 'utf8'))).toEqual(book(before));
  });

  it('closing more contracts than the position holds is refused', async () => {
    const sim = await startSim();
    await sim.broker.execute(order({ symbol: 'MNQ', side: 'buy', qty: 2, kind: 'market' }));
    sim.take();
    const result = await sim.broker.execute({
      type: 'closePosition',
      account: ACCOUNT,
      symbol: 'MNQ',
      qty: 3,
    });
    expect(result).toEqual({ ok: false, error: 'cannot close 3 MNQ: the position is 2 contracts' });
    const zero = await sim.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: 'MNQ', qty: 0 });
    expect(zero.ok ? '' : zero.error).toMatch(/qty must be a whole number/);
    expect(sim.take()).toEqual([]);
    await sim.broker.stop();
  });

  it('cancelling an order that is already filled or cancelled is refused with its status', async () => {
    const sim = await startSim();
    sim.broker.setPrice('MNQ', '21000');
    const filled = await sim.broker.execute(order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' }));
    const resting = await sim.broker.execute(
      order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit', limitPrice: '20000' }),
    );
    const filledId = filled.ok ? (filled.orderId ?? '') : '';
    const restingId = resting.ok ? (resting.orderId ?? '') : '';
    expect(await sim.broker.execute({ type: 'cancelOrder', account: ACCOUNT, orderId: filledId })).toEqual({
      ok: false,
      error: `order ${filledId} is already filled`,
    });
    await sim.broker.execute({ type: 'cancelOrder', account: ACCOUNT, orderId: restingId });
    expect(await sim.broker.execute({ type: 'cancelOrder', account: ACCOUNT, orderId: restingId })).toEqual({
      ok: false,
      error: `order ${restingId} is already cancelled`,
    });
    await sim.broker.stop();
  });

  it('commands before start or after stop are refused', async () => {
    const clock = createManualClock(0);
    const broker = createSimBroker({ stateFile: tempStateFile(), clock, logger: memoryLogger(), seed: 1 });
    const command = order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' });
    expect(await broker.execute(command)).toEqual({
      ok: false,
      error: 'the simulated broker is not started',
    });
    expect(() => {
      broker.setPrice('MNQ', '21000');
    }).toThrow(/not started/);
    await broker.start(
      () => undefined,
      () => ({ lastFillAt: null, held: [] }),
    );
    expect((await broker.execute(command)).ok).toBe(true);
    await broker.stop();
    expect(await broker.execute(command)).toEqual({
      ok: false,
      error: 'the simulated broker is not started',
    });
  });

  it('a price off the tick grid cannot be scripted either', async () => {
    const sim = await startSim();
    expect(() => {
      sim.broker.setPrice('CL', '70.005');
    }).toThrow('CL price 70.005 is not a positive multiple of 0.01');
    await sim.broker.stop();
  });
});

/** The parts of the state file that orders change (not the prices and the time it was written). */
function book(file: string): Record<string, unknown> {
  const value = JSON.parse(file) as Record<string, unknown>;
  const keys = ['accounts', 'positions', 'orders', 'fills', 'nextOrderNo', 'nextFillNo'];
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}
