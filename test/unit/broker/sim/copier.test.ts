// The demo across accounts (docs/API.md section 7): every simulated account is traded, and a group leader's
// entries and exits are copied to its followers, usually within a second, now and then a few seconds late or
// not at all, all drawn from the seeded PRNG so a seed replays the same copies at the same times.
import { describe, expect, it } from 'vitest';
import {
  COPY_LATE_MS,
  COPY_ON_TIME_MS,
  copyCommand,
  copyTiming,
  DEMO_COPY_TAG,
  DEMO_MAX_CONTRACTS,
  DEMO_TAG,
  instrumentMap,
  type DemoMove,
  type Rng,
  type SimBrokerOptions,
} from '../../../../main/broker/sim';
import { dec } from '../../../../shared/domain/money';
import { ofType, START_MS, startSim } from './sim-harness';

const GROUP: Partial<SimBrokerOptions> = {
  demo: true,
  accounts: ['L', 'F1', 'F2', 'S'].map((id) => ({ id, startingBalance: 50_000 })),
  copiers: [{ leader: 'L', followers: ['F1', 'F2'] }],
};

/** The robot's and the copier's filled orders, as "ms after start account tag side qty symbol". */
function trades(events: Parameters<typeof ofType>[0]): string[] {
  return ofType(events, 'order')
    .filter((o) => o.status === 'filled' && [DEMO_TAG, DEMO_COPY_TAG, 'close'].includes(o.tag ?? ''))
    .map((o) => `${o.t - START_MS} ${o.account} ${o.tag ?? ''} ${o.side} ${o.qty} ${o.symbol}`);
}

/** A PRNG that answers the given draws in order. */
function scripted(...draws: number[]): Rng {
  const next = (): number => {
    const value = draws.shift();
    if (value === undefined) throw new Error('no more draws');
    return value;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    gaussian: next,
    pick: (items) => items[0] as never,
  };
}

describe('when a copy goes out', () => {
  it('missed below 0.05, late (2 to 5 s) below 0.15, else within a second', () => {
    expect(copyTiming(scripted(0.049))).toEqual({ kind: 'missed' });
    expect(copyTiming(scripted(0.05, 0))).toEqual({ kind: 'late', delayMs: COPY_LATE_MS.min });
    expect(copyTiming(scripted(0.1499, 0.9999))).toEqual({ kind: 'late', delayMs: COPY_LATE_MS.max });
    expect(copyTiming(scripted(0.1501, 0))).toEqual({ kind: 'onTime', delayMs: COPY_ON_TIME_MS.min });
    expect(copyTiming(scripted(0.99, 0.9999))).toEqual({ kind: 'onTime', delayMs: COPY_ON_TIME_MS.max });
    expect([COPY_ON_TIME_MS.min, COPY_ON_TIME_MS.max, COPY_LATE_MS.min, COPY_LATE_MS.max]).toEqual([
      150, 900, 2000, 5000,
    ]);
  });
});

describe('what a copy is', () => {
  const instruments = instrumentMap();
  const quote = () => ({ symbol: 'NQ', bid: dec('21000'), ask: dec('21000.25'), last: dec('21000') });
  const view = (held: number) => ({ instruments, quote, positionQty: () => held });
  const entry: DemoMove = {
    command: {
      type: 'placeOrder',
      account: 'L',
      symbol: 'NQ',
      side: 'buy',
      qty: 3,
      kind: 'market',
      tag: DEMO_TAG,
    },
    ticks: { stop: 20, target: 40 },
  };
  const close = (qty?: number): DemoMove => ({
    command: { type: 'closePosition', account: 'L', symbol: 'NQ', ...(qty === undefined ? {} : { qty }) },
  });

  it('an entry: same side and size, brackets as many ticks from the follower’s touch, capped at the limit', () => {
    expect(copyCommand(entry, 'F1', view(0))).toEqual({
      type: 'placeOrder',
      account: 'F1',
      symbol: 'NQ',
      side: 'buy',
      qty: 3,
      kind: 'market',
      stopLossPrice: dec('20995'),
      takeProfitPrice: dec('21010.25'),
      tag: DEMO_COPY_TAG,
    });
    expect(copyCommand(entry, 'F1', view(DEMO_MAX_CONTRACTS - 1))).toMatchObject({ qty: 1 });
    expect(copyCommand(entry, 'F1', view(DEMO_MAX_CONTRACTS))).toBeUndefined();
    expect(copyCommand(entry, 'F1', view(-DEMO_MAX_CONTRACTS))).toMatchObject({ qty: 3 }); // it reduces there
  });

  it('an exit: all of the follower’s position, or the leader’s part of it; nothing when it holds none', () => {
    expect(copyCommand(close(), 'F1', view(4))).toEqual({
      type: 'closePosition',
      account: 'F1',
      symbol: 'NQ',
    });
    expect(copyCommand(close(2), 'F1', view(-4))).toEqual({
      type: 'closePosition',
      account: 'F1',
      symbol: 'NQ',
      qty: 2,
    });
    expect(copyCommand(close(5), 'F1', view(4))).toEqual({
      type: 'closePosition',
      account: 'F1',
      symbol: 'NQ',
    });
    expect(copyCommand(close(), 'F1', view(0))).toBeUndefined();
  });
});

describe('the demo across accounts', { timeout: 20_000 }, () => {
  it('copies a leader entry to each follower within a second, with the same bracket distance', async () => {
    const sim = await startSim({ ...GROUP, seed: 2 });
    sim.clock.advance(3_500);
    expect(trades(sim.events)).toEqual([
      '2684 L demo buy 3 RTY',
      '2851 F1 demo-copy buy 3 RTY',
      '3092 F2 demo-copy buy 3 RTY',
    ]);
    const fills = ofType(sim.events, 'fill');
    const stops = ofType(sim.events, 'order').filter((o) => o.tag === 'stop-loss' && o.status === 'working');
    const distance = (account: string): string => {
      const fill = fills.find((f) => f.account === account);
      const stop = stops.find((o) => o.account === account);
      if (fill === undefined || stop?.stopPrice === undefined) throw new Error(`no entry in ${account}`);
      return fill.price.sub(stop.stopPrice).toFixed();
    };
    expect(['L', 'F1', 'F2'].map(distance)).toEqual(Array(3).fill(distance('L')));
    await sim.broker.stop();
  });

  it('a seeded run: F2 misses the first entry, F1 copies one 2.839 s late; followers have no robot', async () => {
    const sim = await startSim({ ...GROUP, seed: 7 });
    sim.clock.advance(17_000);
    expect(trades(sim.events)).toEqual([
      '2241 S demo sell 1 GC',
      '2669 L demo buy 2 CL',
      '2895 F1 demo-copy buy 2 CL',
      '4593 S demo buy 1 MYM',
      '7229 L close sell 1 CL',
      '7527 F1 close sell 1 CL',
      '9991 S close buy 1 GC',
      '10901 L close sell 1 CL',
      '11288 F1 close sell 1 CL',
      '13247 L demo sell 1 M2K',
      '13637 F2 demo-copy sell 1 M2K',
      '14560 S close sell 1 MYM',
      '16086 F1 demo-copy sell 1 M2K',
    ]);
    expect(sim.logger.lines.filter((l) => l.level === 'info' && l.message.startsWith('demo copy'))).toEqual([
      {
        level: 'info',
        message: 'demo copy missed',
        context: { leader: 'L', follower: 'F2', command: 'placeOrder', symbol: 'CL' },
      },
      {
        level: 'info',
        message: 'demo copy late',
        context: { leader: 'L', follower: 'F1', symbol: 'M2K', delayMs: 2839 },
      },
    ]);
    expect(ofType(sim.events, 'position').filter((p) => p.account === 'F2' && p.symbol === 'CL')).toEqual([]);
    await sim.broker.stop();
  });

  it('a copy not yet sent when the demo stops is dropped', async () => {
    const sim = await startSim({ ...GROUP, seed: 7 });
    sim.clock.advance(2_700); // the leader's CL entry is in, F1's copy is due at 2895
    sim.broker.setDemo(false);
    sim.clock.advance(10_000);
    expect(trades(sim.events)).toEqual(['2241 S demo sell 1 GC', '2669 L demo buy 2 CL']);
    await sim.broker.stop();
    expect(sim.clock.pendingTimers()).toBe(0);
  });
});
