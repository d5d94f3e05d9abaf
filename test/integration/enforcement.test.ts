// A breach in the app really flattens and locks: the sim broker, a real SQLite store and the core, driven by a
// scripted market. The daily loss is hit by unrealized P&L, confirmed on the second quote (bad-tick guard).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrokerCommand } from '../../main/broker/types';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import { createManualClock } from '../helpers/manual-clock';
import { buyOneEs, drain, simCore, TUESDAY_MORNING, waitFor } from '../helpers/sim-core';

const config = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K:
    startingBalance: 50000
    rules:
      dailyLoss: { amount: 300, basis: net }
`;

/** `refuses(command)`: the broker answers that command with this error instead of carrying it out. */
async function setup(refuses: (command: BrokerCommand) => string | null = () => null, configText = config) {
  const { core, broker, clock, store, dir } = await simCore({
    config: configText,
    prefix: 'warden-enforce-',
    wrap: (sim) =>
      Object.create(sim, {
        execute: {
          value: (command: BrokerCommand) => {
            const error = refuses(command);
            return error === null ? sim.execute(command) : Promise.resolve({ ok: false, error });
          },
        },
      }) as typeof sim,
  });
  return { core, broker, clock, store, dir };
}

const account = (core: Awaited<ReturnType<typeof setup>>['core']) => {
  const view = core.view().accounts.find((a) => a.id === 'SIM-50K');
  if (view === undefined) throw new Error('no SIM-50K');
  return view;
};

describe('a daily-loss breach on the simulator', () => {
  it('warns, then on the confirming quote flattens, halts until the day ends, and refuses new orders', async () => {
    const { core, broker } = await setup();
    const alerts: string[] = [];
    core.subscribe((m) => {
      if (m.type === 'alert') alerts.push(`${m.payload.level}: ${m.payload.title}`);
    });
    await buyOneEs(core, broker);
    expect(account(core).positions.map((p) => [p.symbol, p.qty, p.avgPrice])).toEqual([['ES', 1, '6000.25']]);

    broker.setPrice('ES', '5995.25'); // −250 unrealized − 1.40 fee = −251.40: warning (≥ 240)
    expect(alerts).toEqual(['warning: dailyLoss warning']);

    broker.setPrice('ES', '5994.00'); // −312.50 − 1.40: breach, not yet confirmed
    expect(account(core).tradingState).toBe('active');
    expect(alerts.at(-1)).toBe('critical: dailyLoss critical');

    broker.setPrice('ES', '5993.75'); // the second breaching quote latches it
    await waitFor('the flatten to complete', () => alerts.includes('info: Flatten complete'));
    const halted = account(core);
    expect(halted.tradingState).toBe('halted');
    expect(halted.lockedUntil).toBe('2026-05-05T22:00:00.000Z');
    expect(halted.lockReason).toBe('dailyLoss: daily loss 326.4 reached 300');
    expect(halted.positions).toEqual([]);
    expect(halted.metrics.dailyRealizedPnl).toBe('-327.8'); // sold at the bid: (5993.75 − 6000.25) × 50 − 2 × 1.40
    expect(alerts).toContain('critical: dailyLoss breach');
    expect(alerts).toContain('info: Flatten complete');

    const refused = await core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'MES',
      side: 'sell',
      qty: 1,
      kind: 'market',
    });
    expect(refused).toEqual({
      ok: false,
      error: 'SIM-50K is halted until Tue 5 May 17:00 CDT (dailyLoss: daily loss 326.4 reached 300)',
    });
    await core.stop();
  });

  it('hands the broker its first command before the breach is kept or shown, then tells it at its own time', async () => {
    let told: (() => string[]) | null = null;
    const firstCommand: { type: string; told: string[] }[] = [];
    const { core, broker, store } = await setup((command) => {
      if (told !== null && firstCommand.length === 0) firstCommand.push({ type: command.type, told: told() });
      return null;
    });
    const pushed: string[] = [];
    core.subscribe((m) => {
      if (m.type === 'alert') pushed.push(m.payload.title);
    });
    await buyOneEs(core, broker);
    told = () => [
      ...store.alerts.recent(10).map((a) => `kept ${a.title}`),
      ...pushed.map((t) => `shown ${t}`),
    ];
    broker.setPrice('ES', '5994.00'); // breach, not yet confirmed: an alert, no command
    broker.setPrice('ES', '5993.75'); // confirmed: flatten
    await waitFor('the flatten to complete', () => pushed.includes('Flatten complete'));

    expect(firstCommand).toEqual([
      {
        type: 'closePosition',
        told: ['kept dailyLoss critical', 'shown dailyLoss critical'],
      },
    ]);
    const kept = store.alerts.recent(10).map((a) => [a.t, a.title]);
    expect(kept.slice(0, 3)).toEqual([
      ['2026-05-05T14:30:00.000Z', 'Flatten complete'],
      ['2026-05-05T14:30:00.000Z', 'dailyLoss breach'],
      ['2026-05-05T14:30:00.000Z', 'dailyLoss critical'],
    ]);
    await core.stop();
  });

  it('keeps the breach raised in the instant before Warden stops', async () => {
    const { core, broker, dir } = await setup();
    await buyOneEs(core, broker);
    broker.setPrice('ES', '5994.00');
    broker.setPrice('ES', '5993.75'); // confirmed: the breach is held while the flatten's command leaves
    await core.stop();

    const store = openStore(join(dir, 'warden.db'), {
      logger: memoryLogger(),
      clock: createManualClock(TUESDAY_MORNING),
    });
    expect(store.alerts.recent(2).map((a) => a.title)).toEqual(['dailyLoss breach', 'dailyLoss critical']);
    store.close();
  });
});

describe('a broker that keeps refusing to close', () => {
  it('opens the circuit breaker after 3 failures, pauses, then a trial after 30 s closes it and the flatten lands', async () => {
    let brokerDown = true;
    const closes: number[] = [];
    const { core, broker, clock, store } = await setup((command) => {
      if (command.type !== 'closePosition') return null;
      closes.push(clock.now());
      return brokerDown ? 'Request failed with status 503' : null;
    });
    const alerts: string[] = [];
    core.subscribe((m) => {
      if (m.type === 'alert') alerts.push(`${m.payload.level}: ${m.payload.title}`);
    });
    await buyOneEs(core, broker);
    broker.setPrice('ES', '5994.00');
    broker.setPrice('ES', '5993.75'); // breach confirmed: flatten
    const start = clock.now();
    const advanceTo = async (ms: number) => {
      while (clock.now() < start + ms) {
        await drain();
        clock.advance(50);
      }
      await drain();
    };

    await advanceTo(8_000);
    // Three closes sent (attempts 1–3, 3 s verify + backoff each); the third failure opened the breaker.
    expect(closes.map((t) => t - start)).toEqual([0, 3_250, 6_750]);
    expect(account(core).enforcement).toBe('open');
    expect(alerts).toContain('critical: Enforcement paused: act manually');

    await advanceTo(36_000);
    // Attempts 4 and 5 and the first 10 s retry were refused by the open breaker without reaching the broker.
    expect(closes).toHaveLength(3);
    expect(alerts).toContain('critical: Flatten FAILED: act manually');
    expect(account(core).positions.map((p) => p.qty)).toEqual([1]);
    expect(account(core).enforcement).toBe('open'); // for 30 s from 6.75 s

    brokerDown = false;
    await advanceTo(45_000);
    // Half open from 36.75 s: the retry's next attempt is the trial, and it goes through.
    expect(closes.map((t) => t - start)).toEqual([0, 3_250, 6_750, 39_500]);
    expect(account(core).enforcement).toBe('closed');
    expect(account(core).positions).toEqual([]);
    expect(account(core).tradingState).toBe('halted');
    expect(alerts).toContain('info: Enforcement working again');
    expect(
      store.riskEvents
        .recent(10)
        .reverse()
        .map((e) => [e.account, e.kind, (e.detail as { to: string }).to]),
    ).toEqual([
      ['SIM-50K', 'circuitBreaker', 'open'],
      ['SIM-50K', 'circuitBreaker', 'halfOpen'],
      ['SIM-50K', 'circuitBreaker', 'closed'],
    ]);
    await core.stop();
  });
});

describe('stopRequired with attachStop on the simulator', () => {
  it('places the protective stop after the grace period, and the covered position is left alone', async () => {
    const attachConfig = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K:
    startingBalance: 50000
    rules:
      stopRequired: { graceSeconds: 10, mode: attachStop, stopTicks: 8 }
`;
    const placed: BrokerCommand[] = [];
    const { core, broker, clock, store } = await setup((command) => {
      if (command.type === 'placeOrder') placed.push(command);
      return null;
    }, attachConfig);
    broker.setPrice('ES', '6000.00');
    await core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'ES',
      side: 'buy',
      qty: 2,
      kind: 'market',
    });
    expect(account(core).positions.map((p) => [p.symbol, p.qty, p.avgPrice])).toEqual([['ES', 2, '6000.25']]);
    for (let i = 0; i < 15; i += 1) {
      clock.advance(1000);
      await drain();
    }
    // Placed once, by Warden, 8 ticks below the entry: 6000.25 − 2.00.
    expect(placed.filter((c) => c.type === 'placeOrder' && c.tag === 'warden-stop')).toHaveLength(1);
    expect(account(core).orders.map((o) => [o.symbol, o.side, o.kind, o.qty, o.stopPrice])).toEqual([
      ['ES', 'sell', 'stop', 2, '5998.25'],
    ]);
    // The audit: what was asked, the command sent and the broker's answer.
    const [response] = store.responses.recent(1);
    expect(response).toMatchObject({
      account: 'SIM-50K',
      action: 'attachStop',
      reason: 'stopRequired: ES has no full stop after 10s: attach sell stop 2 @ 5998.25',
      outcome: 'done',
    });
    expect((response?.detail as { steps: { command: unknown; ok: boolean }[] }).steps).toEqual([
      {
        at: expect.any(String) as string,
        command: {
          type: 'placeOrder',
          account: 'SIM-50K',
          symbol: 'ES',
          side: 'sell',
          qty: 2,
          kind: 'stop',
          stopPrice: '5998.25',
          tag: 'warden-stop',
        },
        ok: true,
      },
    ]);
    for (let i = 0; i < 20; i += 1) {
      clock.advance(1000);
      await drain();
    }
    expect(account(core).positions.map((p) => p.qty)).toEqual([2]);
    await core.stop();
  });
});
