// stopRequired in attachStop mode against the fake gateway: a position without a stop gets one from Warden
// after the grace period (Order/place, a stop 8 ticks beyond the entry, tagged), and being covered it is not
// closed; only the engine's clock drives it (no quotes flow here). An order that is not a protective stop is
// refused without reaching the gateway.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../../shared/domain/money';
import { startFakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { coreOn, gatewayAndBroker, tickedAt, waitFor } from './harness';

const config = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
defaults:
  rules:
    stopRequired: { graceSeconds: 1, mode: attachStop, stopTicks: 8 }
`;
const ACCOUNT = String(ACCOUNT_ID);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

describe('a protective stop placed by Warden on ProjectX', () => {
  it('places a sell stop 2 @ 21448.25 for a long 2 @ 21450.25 after the grace, and keeps the position', async () => {
    const gateway = await startFakeGateway({ pingMs: 200 });
    seedDemo(gateway.model);
    cleanup.push(() => gateway.stop());
    const core = await coreOn(gateway, mkdtempSync(join(tmpdir(), 'warden-px-stop-')), { config });
    cleanup.push(() => core.stop());
    const account = () => core.view().accounts.find((a) => a.id === ACCOUNT);

    gateway.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
    await waitFor('the Warden stop', () => account()?.orders.length === 1, 8000);
    expect(account()?.orders.map((o) => [o.symbol, o.side, o.kind, o.qty, o.stopPrice])).toEqual([
      [MNQ, 'sell', 'stop', 2, '21448.25'],
    ]);
    const placed = gateway.calls.filter((c) => c.endpoint === 'Order/place');
    expect(placed).toHaveLength(1);
    expect(placed[0]?.body).toMatchObject({
      accountId: ACCOUNT_ID,
      contractId: MNQ,
      type: 4,
      side: 1,
      size: 2,
      stopPrice: 21448.25,
    });
    expect(String((placed[0]?.body as { customTag?: unknown }).customTag)).toMatch(/^warden-stop-/);
    // Past the second grace (a clock tick at the position's open + 2 × 1 s handled, and any response it started
    // finished): covered, not closed.
    const secondGraceEnds = Date.parse(account()?.positions[0]?.openedAt ?? '') + 2000;
    await waitFor(
      'a clock tick past the second grace, every response finished',
      () => tickedAt(core.store, secondGraceEnds) && core.store.responses.unfinished().length === 0,
      10_000,
    );
    expect(account()?.positions.map((p) => p.qty)).toEqual([2]);
    expect(gateway.calls.filter((c) => c.endpoint === 'Position/closeContract')).toHaveLength(0);
  });

  it('refuses, without calling the gateway, an order that would not protect the position', async () => {
    const h = await gatewayAndBroker();
    cleanup.push(() => h.stop());
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
    await waitFor('the position', () => h.of('position').length === 1);
    const order = { type: 'placeOrder', account: ACCOUNT, symbol: MNQ, kind: 'stop' } as const;
    const refusal = {
      ok: false,
      error: 'Warden places no orders on ProjectX but protective stops: trade in your platform',
    };
    // Same side as the position, more than it holds, and a market order: none protects it.
    expect(await h.broker.execute({ ...order, side: 'buy', qty: 2, stopPrice: dec('21400') })).toEqual(
      refusal,
    );
    expect(await h.broker.execute({ ...order, side: 'sell', qty: 3, stopPrice: dec('21400') })).toEqual(
      refusal,
    );
    expect(await h.broker.execute({ ...order, side: 'sell', qty: 2, kind: 'market' })).toEqual(refusal);
    expect(h.gateway.callsTo('Order/place')).toHaveLength(0);
    const placed = await h.broker.execute({ ...order, side: 'sell', qty: 2, stopPrice: dec('21440') });
    expect(placed.ok).toBe(true);
    expect(h.gateway.callsTo('Order/place')).toHaveLength(1);
  });
});
