// What the desktop host needs from the core to never be silently off: the question "is anything exposed?"
// (exposedAccounts, from the engine's state) and the command `reconnect` (the link shows reconnecting, then a
// fresh connection reconciles and shows connected), on the real core over the simulator and a real SQLite file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimBroker } from '../../main/broker/sim';
import type { PushMessage, WardenCore } from '../../main/core/types';
import { memoryLogger } from '../../main/platform/logger';
import { createManualClock } from '../helpers/manual-clock';
import { simCore, TUESDAY_MORNING, waitFor } from '../helpers/sim-core';

const config = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K: { startingBalance: 50000 }
`;

async function setup(prefix: string) {
  const sim = await simCore({ config, prefix, stillMarket: true });
  sim.broker.setPrice('ES', '6000.00');
  sim.broker.setPrice('MES', '6000.00');
  return sim;
}

async function ok<T>(answer: Promise<{ ok: true; result: T } | { ok: false; error: string }>): Promise<T> {
  const response = await answer;
  if (!response.ok) throw new Error(response.error);
  return response.result;
}

const buyES = (core: WardenCore) =>
  ok(core.command('placeOrder', { account: 'SIM-50K', symbol: 'ES', side: 'buy', qty: 1, kind: 'market' }));
const restingMES = (core: WardenCore) =>
  ok(
    core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'MES',
      side: 'buy',
      qty: 2,
      kind: 'limit',
      limitPrice: '5900.00',
    }),
  );

describe('exposedAccounts', () => {
  it('lists the guarded accounts holding an open position or a working order, with their counts', async () => {
    const { core } = await setup('warden-exposure-');
    try {
      expect(core.exposedAccounts()).toEqual([]);

      await buyES(core);
      expect(core.exposedAccounts()).toEqual([
        { id: 'SIM-50K', name: 'Sim 50K', openPositions: 1, workingOrders: 0 },
      ]);

      await restingMES(core);
      expect(core.exposedAccounts()).toEqual([
        { id: 'SIM-50K', name: 'Sim 50K', openPositions: 1, workingOrders: 1 },
      ]);

      const flattened = await ok(core.command('flatten', { account: 'SIM-50K' }));
      expect(flattened.reports.map((r) => [r.account, r.flat, r.cancelledOrders, r.closedPositions])).toEqual(
        [['SIM-50K', true, 1, 1]],
      );
      expect(core.exposedAccounts()).toEqual([]);

      // A working order alone is exposure too (it may fill while nobody watches).
      const { orderId } = await restingMES(core);
      expect(core.exposedAccounts()).toEqual([
        { id: 'SIM-50K', name: 'Sim 50K', openPositions: 0, workingOrders: 1 },
      ]);
      await ok(core.command('cancelOrder', { account: 'SIM-50K', orderId: orderId ?? '' }));
      expect(core.exposedAccounts()).toEqual([]);
    } finally {
      await core.stop();
    }
  });
});

describe('the reconnect command', () => {
  it('shows reconnecting at once, then reconciles and shows connected, the picture unchanged', async () => {
    const { core, clock, store } = await setup('warden-reconnect-');
    try {
      await buyES(core);
      await restingMES(core);
      const before = core.view().accounts;
      const links: string[] = [];
      core.subscribe((message: PushMessage) => {
        if (message.type === 'state') links.push(message.payload.connection.status);
      });
      const alerts: string[] = [];
      core.subscribe((message: PushMessage) => {
        if (message.type === 'alert')
          alerts.push(
            `${message.payload.level}: ${message.payload.title} (notify: ${message.payload.notify})`,
          );
      });

      expect(await core.command('reconnect', { reason: 'the system woke from sleep' })).toEqual({
        ok: true,
        result: { reconnecting: true },
      });
      const reconnecting = {
        broker: 'sim',
        status: 'reconnecting',
        detail: 'reconnecting: the system woke from sleep',
      };
      expect(core.view().connection).toEqual(reconnecting);
      expect(links).toEqual(['reconnecting']); // the command's answer pushed the view at once
      // One under way is not doubled.
      expect(await core.command('reconnect', {})).toEqual({ ok: true, result: { reconnecting: true } });
      expect(core.view().connection).toEqual(reconnecting);

      clock.advance(0); // the fresh connection comes a turn later
      await waitFor('connected again', () => core.view().connection.status === 'connected');
      clock.advance(50); // the next coalesced push
      await waitFor('the connected push', () => links.at(-1) === 'connected');
      expect(links).toEqual(['reconnecting', 'connected']);
      expect(core.view().connection).toEqual({ broker: 'sim', status: 'connected', detail: null });
      expect(core.view().accounts).toEqual(before);
      expect(core.exposedAccounts()).toEqual([
        { id: 'SIM-50K', name: 'Sim 50K', openPositions: 1, workingOrders: 1 },
      ]);
      // Asked for: told in the feed, not as an alarm that notifies on every wake.
      expect(alerts).toEqual(['info: Reconnecting to the broker (notify: false)']);

      const journaled = store.journal
        .readAfter(0)
        .flatMap(({ event }) =>
          event.type === 'connection' ? [[event.status, event.detail ?? null, event.asked ?? false]] : [],
        );
      expect(journaled).toEqual([
        ['connecting', null, false],
        ['connected', null, false],
        ['reconnecting', 'reconnecting: the system woke from sleep', true],
        ['connected', null, false],
      ]);
    } finally {
      await core.stop();
    }
  });

  it('answers false and does nothing on a simulator that is not started or was stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-reconnect-idle-'));
    const clock = createManualClock(TUESDAY_MORNING);
    const sim = createSimBroker({ stateFile: join(dir, 'other-sim.json'), clock, logger: memoryLogger() });
    expect(sim.reconnect('test')).toBe(false);
    const events: string[] = [];
    await sim.start(
      (event) => events.push(event.type === 'connection' ? event.status : event.type),
      () => ({ lastFillAt: null, held: [] }),
    );
    expect(sim.reconnect('test')).toBe(true);
    await sim.stop();
    clock.advance(0); // the fresh connection it had scheduled is cancelled by stop
    expect(sim.reconnect('test')).toBe(false);
    expect(events.filter((e) => ['connecting', 'connected', 'reconnecting'].includes(e))).toEqual([
      'connecting',
      'connected',
      'reconnecting',
    ]);
  });
});
