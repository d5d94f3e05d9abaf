// Demo mode and whole-session properties: the robot keeps the screen alive within its limits, the books
// always balance, and a seed replays the same session.
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../../../shared/domain/events';
import { ZERO } from '../../../../shared/domain/money';
import { DEMO_MAX_CONTRACTS, DEMO_TAG } from '../../../../main/broker/sim';
import { ofType, plainAll, startSim } from './sim-harness';

const MINUTE = 60_000;

/** Balance from the fills alone: start + Σ realized − Σ fees. */
function balanceFromFills(events: readonly BrokerEvent[], start: string): string {
  return ofType(events, 'fill')
    .reduce((sum, fill) => sum.add(fill.realizedPnl ?? ZERO).sub(fill.fees), ZERO.add(start))
    .toFixed();
}

// Minutes of simulated trading write the book hundreds of times (each an fsync): give them room on slow disks.
describe('demo mode', { timeout: 20_000 }, () => {
  it('trades by itself every few seconds with brackets, never over the per-symbol limit', async () => {
    const sim = await startSim({ demo: true });
    expect(sim.broker.demo).toBe(true);
    sim.clock.advance(15 * MINUTE);
    const robotOrders = ofType(sim.events, 'order').filter(
      (o) => o.tag === DEMO_TAG && o.status === 'filled',
    );
    const closes = ofType(sim.events, 'order').filter((o) => o.tag === 'close' && o.status === 'filled');
    const brackets = ofType(sim.events, 'order').filter(
      (o) => o.tag === 'stop-loss' && o.status === 'working',
    );
    expect(robotOrders.length).toBeGreaterThan(25);
    expect(closes.length).toBeGreaterThan(5);
    expect(brackets.length).toBeGreaterThan(0);
    const sizes = ofType(sim.events, 'position').map((p) => Math.abs(p.qty));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(DEMO_MAX_CONTRACTS);
    expect(sim.logger.lines.filter((line) => line.level === 'warn' || line.level === 'error')).toEqual([]);
    await sim.broker.stop();
  });

  it('the balance reported after every fill equals the start plus realized P&L minus fees', async () => {
    const sim = await startSim({ demo: true, seed: 123 });
    sim.clock.advance(10 * MINUTE);
    const accounts = ofType(sim.events, 'account');
    expect(accounts.at(-1)?.balance.toFixed()).toBe(balanceFromFills(sim.events, '50000'));
    await sim.broker.stop();
  });

  it('positions reported equal the sum of the fills, symbol by symbol', async () => {
    const sim = await startSim({ demo: true, seed: 77 });
    sim.clock.advance(10 * MINUTE);
    const fromFills = new Map<string, number>();
    for (const fill of ofType(sim.events, 'fill')) {
      fromFills.set(
        fill.symbol,
        (fromFills.get(fill.symbol) ?? 0) + (fill.side === 'buy' ? fill.qty : -fill.qty),
      );
    }
    const reported = new Map<string, number>();
    for (const position of ofType(sim.events, 'position')) reported.set(position.symbol, position.qty);
    expect(reported).toEqual(fromFills);
    await sim.broker.stop();
  });

  it('turning demo off stops the robot placing orders; turning it on starts it again', async () => {
    const sim = await startSim({ demo: true });
    sim.clock.advance(2 * MINUTE);
    sim.broker.setDemo(false);
    expect(sim.broker.demo).toBe(false);
    sim.take();
    sim.clock.advance(10 * MINUTE);
    expect(ofType(sim.take(), 'order').filter((o) => o.tag === DEMO_TAG)).toEqual([]);
    sim.broker.setDemo(true);
    sim.clock.advance(MINUTE);
    expect(ofType(sim.take(), 'order').filter((o) => o.tag === DEMO_TAG).length).toBeGreaterThan(0);
    await sim.broker.stop();
    expect(sim.clock.pendingTimers()).toBe(0);
  });
});

describe('a seeded session', { timeout: 20_000 }, () => {
  it('replays exactly with the same seed, and differs with another', async () => {
    const session = async (seed: number): Promise<Record<string, unknown>[]> => {
      const sim = await startSim({ seed, demo: true });
      sim.clock.advance(5 * MINUTE);
      await sim.broker.stop();
      return plainAll(sim.events);
    };
    const first = await session(2024);
    expect(first.filter((e) => e.type === 'fill').length).toBeGreaterThan(10);
    expect(await session(2024)).toEqual(first);
    expect(await session(2025)).not.toEqual(first);
  });

  it('emits about four quotes a second per symbol by default, and as configured', async () => {
    const quotesIn = async (tickIntervalMs?: number): Promise<number> => {
      const sim = await startSim(tickIntervalMs === undefined ? {} : { tickIntervalMs });
      sim.clock.advance(10_000);
      await sim.broker.stop();
      return ofType(sim.take(), 'quote').filter((q) => q.symbol === 'ES').length;
    };
    expect(await quotesIn()).toBe(40);
    expect(await quotesIn(1000)).toBe(10);
  });
});

describe('robustness', () => {
  it('a listener that throws does not stop the market; the failures are logged, not once per quote', async () => {
    const sim = await startSim();
    let calls = 0;
    await sim.broker.start(
      () => {
        calls++;
        throw new Error('listener broke');
      },
      () => ({ lastFillAt: null, held: [] }),
    );
    sim.clock.advance(90_000);
    expect(calls).toBeGreaterThan(4000);
    const errors = sim.logger.lines.filter((line) => line.message === 'event listener failed');
    expect(errors).toHaveLength(2);
    expect(errors[0]?.context).toMatchObject({ error: 'Error: listener broke', times: 1 });
    await sim.broker.stop();
  });
});
