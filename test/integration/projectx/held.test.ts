// What the engine holds is checked against the gateway at every connect: an order cancelled and a position
// closed while Warden was not running, or while its socket was down, are gone from the view afterwards, even
// when the gateway books no trade for them (a firm-side reset) and the adapter never saw them in this run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenCore } from '../../../main/core/types';
import { startFakeGateway, type FakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, ES, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { coreOn, waitFor } from './harness';

const ACCOUNT = String(ACCOUNT_ID);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

async function gateway(): Promise<FakeGateway> {
  const g = await startFakeGateway({ pingMs: 200 });
  seedDemo(g.model);
  cleanup.push(() => g.stop());
  return g;
}

/** A core on the ProjectX adapter, its data in `dir` (the same dir again = a restart). */
async function core(g: FakeGateway, dir: string): Promise<WardenCore> {
  const started = await coreOn(g, dir);
  cleanup.push(() => started.stop());
  return started;
}

const account = (c: WardenCore) => {
  const view = c.view().accounts.find((a) => a.id === ACCOUNT);
  if (view === undefined) throw new Error(`no account ${ACCOUNT}`);
  return view;
};
const holdings = (c: WardenCore) => ({
  positions: account(c).positions.map((p) => [p.symbol, p.qty, p.avgPrice]),
  orders: account(c).orders.map((o) => [o.id, o.symbol, o.kind, o.qty, o.stopPrice, o.status]),
});

/** Two positions and two working stops, seen by the core through the live feed. */
async function trade(g: FakeGateway, c: WardenCore) {
  g.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
  g.fill(ACCOUNT_ID, ES, 1, 1, 5975.5);
  const stop = (contractId: string, side: 0 | 1, size: number, stopPrice: number) =>
    g.placeOrder({ accountId: ACCOUNT_ID, contractId, type: 4, side, size, limitPrice: null, stopPrice });
  const mnqStop = stop(MNQ, 1, 2, 21350);
  const esStop = stop(ES, 0, 1, 6000);
  await waitFor('the holdings', () => holdings(c).positions.length === 2 && holdings(c).orders.length === 2);
  expect(holdings(c)).toEqual({
    positions: [
      [MNQ, 2, '21450.25'],
      [ES, -1, '5975.5'],
    ],
    orders: [
      [String(mnqStop.id), MNQ, 'stop', 2, '21350', 'working'],
      [String(esStop.id), ES, 'stop', 1, '6000', 'working'],
    ],
  });
  return { mnqStop, esStop };
}

/** Gone on the gateway with nothing pushed and no trade booked: only a comparison with the engine can tell. */
function vanish(g: FakeGateway, orderId: number, contractId: string): void {
  g.model.setOrderStatus(orderId, 3);
  g.model.positions.delete(g.model.key(ACCOUNT_ID, contractId));
}

describe('engine-held orders and positions the gateway no longer lists', () => {
  it('after a restart: the order cancelled and the position closed while Warden was not running are gone', async () => {
    const g = await gateway();
    const dir = mkdtempSync(join(tmpdir(), 'warden-held-'));
    const first = await core(g, dir);
    const { mnqStop, esStop } = await trade(g, first);
    await first.stop();

    vanish(g, mnqStop.id, MNQ);
    const again = await core(g, dir);
    expect(again.view().connection.status).toBe('connected');
    expect(holdings(again)).toEqual({
      positions: [[ES, -1, '5975.5']],
      orders: [[String(esStop.id), ES, 'stop', 1, '6000', 'working']],
    });
  });

  it('after a dropped socket: the order cancelled and the position closed meanwhile are gone', async () => {
    const g = await gateway();
    const c = await core(g, mkdtempSync(join(tmpdir(), 'warden-held-')));
    const { esStop, mnqStop } = await trade(g, c);

    g.refuseConnections('user', true);
    g.dropSockets('user');
    await waitFor('reconnecting', () => c.view().connection.status === 'reconnecting');
    vanish(g, esStop.id, ES);
    g.refuseConnections('user', false);
    await waitFor('reconnected', () => c.view().connection.status === 'connected');

    expect(holdings(c)).toEqual({
      positions: [[MNQ, 2, '21450.25']],
      orders: [[String(mnqStop.id), MNQ, 'stop', 2, '21350', 'working']],
    });
  });
});
