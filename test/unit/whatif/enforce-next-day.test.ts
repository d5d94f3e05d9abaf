// `warden replay --enforce` on events with no clock ticks between them (what a compacted journal leaves): a lock
// until the day's end no longer drops the next day's fills, though no event came between to lift it.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config/schema';
import { engineConfigOf } from '../../../main/engine';
import { createReplayer } from '../../../main/replay/replayer';

const config = validateConfig({
  quoteSanity: { confirmQuotes: 1 },
  accounts: { A: { startingBalance: 50000, rules: { dailyLoss: { amount: 500 } } } },
});

const lines = [
  {
    t: '2026-05-05T08:00:00-05:00',
    type: 'instrument',
    symbol: 'MES',
    tickSize: '0.25',
    tickValue: '1.25',
    currency: 'USD',
  },
  {
    t: '2026-05-05T09:00:00-05:00',
    type: 'fill',
    account: 'A',
    id: 'F1',
    orderId: 'O1',
    symbol: 'MES',
    side: 'buy',
    qty: 10,
    price: '5000',
    fees: '0',
  },
  // −500: breached, flattened at 4990, halted until 17:00.
  {
    t: '2026-05-05T09:30:00-05:00',
    type: 'fill',
    account: 'A',
    id: 'F2',
    orderId: 'O2',
    symbol: 'MES',
    side: 'sell',
    qty: 10,
    price: '4990',
    fees: '0',
  },
  // The next morning, with nothing in between: bought 2 at 4990, sold at 5000: +100.
  {
    t: '2026-05-06T09:00:00-05:00',
    type: 'fill',
    account: 'A',
    id: 'F3',
    orderId: 'O3',
    symbol: 'MES',
    side: 'buy',
    qty: 2,
    price: '4990',
    fees: '0',
  },
  {
    t: '2026-05-06T09:30:00-05:00',
    type: 'fill',
    account: 'A',
    id: 'F4',
    orderId: 'O4',
    symbol: 'MES',
    side: 'sell',
    qty: 2,
    price: '5000',
    fees: '0',
  },
];

describe('replay --enforce across a day with no clock ticks', () => {
  it('takes the next day’s fills once the day’s lock has ended', () => {
    if (!config.ok) throw new Error(config.errors.join('; '));
    const replayer = createReplayer(engineConfigOf(config.config), { enforce: true });
    const out = lines.flatMap((line, i) => replayer.line(JSON.stringify(line), i + 1).out);
    expect(out.map((line) => (JSON.parse(line) as { rule: string; level: string }).level)).toEqual([
      'breach',
    ]);
    const [summary] = replayer.finish().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(summary).toMatchObject({
      tradingState: 'active',
      metrics: { dailyNetPnl: '100', balance: '49600' },
    });
  });
});
