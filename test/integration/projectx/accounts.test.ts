// Choosing which ProjectX accounts Warden guards, against the fake gateway: an excluded account is no longer
// subscribed, shown, or acted on; the choice survives a restart; guarding it again reconciles what happened to it
// meanwhile; a locked account cannot be excluded; an account excluded by the environment cannot be changed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenCore } from '../../../main/core/types';
import { startFakeGateway, type FakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, ES, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { coreOn, waitFor } from './harness';

const A = String(ACCOUNT_ID);
const B_ID = 18410888;
const B = String(B_ID);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

async function gateway(): Promise<FakeGateway> {
  const g = await startFakeGateway({ pingMs: 200 });
  seedDemo(g.model);
  g.model.accounts.set(B_ID, {
    id: B_ID,
    name: '150KTC-V2-423406-99',
    balance: new Decimal('150000'),
    canTrade: true,
    isVisible: true,
    simulated: true,
  });
  cleanup.push(() => g.stop());
  return g;
}
async function core(g: FakeGateway, dir: string, fixedExcluded: string[] = []) {
  const c = await coreOn(g, dir, { fixedExcluded });
  cleanup.push(() => c.stop());
  return c;
}
const dir = () => mkdtempSync(join(tmpdir(), 'warden-accounts-'));
const shown = (c: WardenCore) =>
  c.view().accounts.map((a) => [a.id, a.metrics.balance, a.positions.map((p) => [p.symbol, p.qty])]);
const userSubscriptions = (g: FakeGateway) => [...(g.connections('user')[0]?.subscriptions ?? [])].sort();
const reconnectedWith = async (g: FakeGateway, c: WardenCore, subscriptions: string[]) => {
  await waitFor(
    'the new subscriptions',
    () =>
      c.view().connection.status === 'connected' &&
      g.connections('user').length === 1 &&
      JSON.stringify(userSubscriptions(g)) === JSON.stringify(subscriptions),
  );
};
const subscriptionsOf = (...ids: number[]) =>
  ['accounts', ...ids.flatMap((id) => ['orders', 'positions', 'trades'].map((k) => `${k}:${id}`))].sort();

describe('choosing the guarded ProjectX accounts', () => {
  it('excludes an account, keeps the choice over a restart, and guards it again with what happened meanwhile', async () => {
    const g = await gateway();
    const data = dir();
    const c = await core(g, data);
    g.fill(B_ID, ES, 0, 1, 5975.5);
    await waitFor('B long ES', () => shown(c).length === 2 && shown(c)[1]?.[2]?.length === 1);
    expect(c.view().brokerAccounts).toEqual([
      { id: A, name: '50KTC-V2-423406-16429504', guarded: true, fixed: false },
      { id: B, name: '150KTC-V2-423406-99', guarded: true, fixed: false },
    ]);

    expect(await c.command('setAccountGuarded', { account: B, guarded: false })).toEqual({
      ok: true,
      result: { excluded: [B] },
    });
    await reconnectedWith(g, c, subscriptionsOf(ACCOUNT_ID));
    expect(shown(c)).toEqual([[A, '50000', []]]);
    expect(c.view().brokerAccounts?.map((a) => [a.id, a.guarded])).toEqual([
      [A, true],
      [B, false],
    ]);
    // Not acted on: the adapter refuses, and "flatten all" leaves it out.
    expect(await c.command('closePosition', { account: B, symbol: ES })).toEqual({
      ok: false,
      error: `account ${B} is excluded from guarding: Warden does not act on it`,
    });
    const flattened = await c.command('flatten', { all: true });
    expect(flattened.ok && flattened.result.reports.map((r) => [r.account, r.flat])).toEqual([[A, true]]);

    await c.stop();
    g.model.fill(B_ID, ES, 0, 1, 5980); // while Warden was down and B unguarded: B is long 2
    const again = await core(g, data);
    expect(userSubscriptions(g)).toEqual(subscriptionsOf(ACCOUNT_ID));
    expect(shown(again)).toEqual([[A, '50000', []]]);

    expect(await again.command('setAccountGuarded', { account: B, guarded: true })).toEqual({
      ok: true,
      result: { excluded: [] },
    });
    await reconnectedWith(g, again, subscriptionsOf(ACCOUNT_ID, B_ID));
    // Shown again at once from what Warden held; reconciled with the gateway moments later.
    await waitFor('B reconciled', () => shown(again)[1]?.[2]?.[0]?.[1] === 2);
    expect(shown(again)).toEqual([
      [A, '50000', []],
      [B, '149999.26', [[ES, 2]]],
    ]);
    g.fill(ACCOUNT_ID, MNQ, 0, 1, 21450);
    g.fill(B_ID, ES, 1, 2, 5990);
    await waitFor(
      'both live',
      () => shown(again)[1]?.[2]?.length === 0 && shown(again)[0]?.[2]?.length === 1,
    );
  });

  it('refuses to exclude a locked account, and names the reason', async () => {
    const g = await gateway();
    const c = await core(g, dir());
    const locked = await c.command('lock', { account: A, until: 'dayEnd' });
    expect(locked.ok).toBe(true);
    expect(await c.command('setAccountGuarded', { account: A, guarded: false })).toEqual({
      ok: false,
      error: `${A} is halted: it stays guarded until the lock ends`,
    });
    expect(await c.command('setAccountGuarded', { account: '999', guarded: false })).toEqual({
      ok: false,
      error: 'the broker does not list an account 999',
    });
    expect(userSubscriptions(g)).toEqual(subscriptionsOf(ACCOUNT_ID, B_ID));
  });

  it('an account excluded by WARDEN_PROJECTX_EXCLUDE is listed as fixed and cannot be guarded here', async () => {
    const g = await gateway();
    const c = await core(g, dir(), [B]);
    expect(c.view().brokerAccounts?.map((a) => [a.id, a.guarded, a.fixed])).toEqual([
      [A, true, false],
      [B, false, true],
    ]);
    expect(await c.command('setAccountGuarded', { account: B, guarded: true })).toEqual({
      ok: false,
      error: `${B} is excluded by WARDEN_PROJECTX_EXCLUDE: change it there and restart`,
    });
  });
});
