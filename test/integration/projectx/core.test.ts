// The real core on the ProjectX adapter against the fake gateway: the picture follows the feed, and a daily-loss
// breach cancels the working orders (the suspended bracket child too) and then closes the position through REST.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenCore } from '../../../main/core/types';
import { startFakeGateway, type FakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { coreOn, waitFor } from './harness';

const config = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
defaults:
  rules:
    dailyLoss: { amount: 300, basis: net }
`;
const ACCOUNT = String(ACCOUNT_ID);
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

async function setup() {
  const gateway = await startFakeGateway({ pingMs: 200 });
  seedDemo(gateway.model);
  const core = await coreOn(gateway, mkdtempSync(join(tmpdir(), 'warden-projectx-')), { config });
  running.push({
    stop: async () => {
      await core.stop();
      await gateway.stop();
    },
  });
  return { core, gateway, logger: core.logger };
}

const accountView = (core: WardenCore) => {
  const view = core.view().accounts.find((a) => a.id === ACCOUNT);
  if (view === undefined) throw new Error(`no account ${ACCOUNT}`);
  return view;
};
const mutating = (gateway: FakeGateway) =>
  gateway.calls
    .filter((c) =>
      ['Order/cancel', 'Position/closeContract', 'Position/partialCloseContract'].includes(c.endpoint),
    )
    .map((c) => [c.endpoint, c.body.orderId ?? c.body.contractId]);

describe('the core on ProjectX', () => {
  it('follows positions and P&L from the feed', async () => {
    const { core, gateway } = await setup();
    expect(core.view().connection).toEqual({
      broker: 'projectx',
      status: 'connected',
      detail: null,
      credentials: 'stored',
      login: { broker: 'projectx', userName: 'trader', apiUrl: gateway.url, rtcUrl: gateway.url },
    });
    expect(accountView(core).metrics.balance).toBe('50000');

    gateway.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
    await waitFor('the position', () => accountView(core).positions.length === 1);
    await waitFor(
      'quote subscription',
      () => gateway.connections('market')[0]?.subscriptions.has(`quotes:${MNQ}`) === true,
    );
    gateway.quote(MNQ, { bestBid: 21440, bestAsk: 21440.25, lastPrice: 21440 });
    await waitFor('the quote', () => accountView(core).positions[0]?.mark === '21440');
    const view = accountView(core);
    expect(view.positions.map((p) => [p.symbol, p.qty, p.avgPrice, p.mark, p.unrealizedPnl])).toEqual([
      [MNQ, 2, '21450.25', '21440', '-41'],
    ]);
    expect([view.metrics.balance, view.metrics.unrealizedPnl, view.metrics.dailyNetPnl]).toEqual([
      '49999.26',
      '-41',
      '-41.74',
    ]);

    gateway.fill(ACCOUNT_ID, MNQ, 1, 1, 21460.75); // closes one: 10.5 points × $2 = +21 gross
    await waitFor('the partial close', () => accountView(core).positions[0]?.qty === 1);
    expect([accountView(core).metrics.balance, accountView(core).metrics.dailyRealizedPnl]).toEqual([
      '50019.89',
      '19.89', // +21 − 0.74 − 0.37 fees
    ]);
  });

  it('on a daily-loss breach cancels every working order, then closes the position, and halts', async () => {
    const { core, gateway } = await setup();
    const alerts: string[] = [];
    core.subscribe((m) => {
      if (m.type === 'alert') alerts.push(`${m.payload.level}: ${m.payload.title}`);
    });
    gateway.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
    const stop = gateway.placeOrder({
      accountId: ACCOUNT_ID,
      contractId: MNQ,
      type: 4,
      side: 1,
      size: 2,
      limitPrice: null,
      stopPrice: 21350,
    });
    const child = gateway.placeOrder({
      accountId: ACCOUNT_ID,
      contractId: MNQ,
      type: 1,
      side: 1,
      size: 2,
      limitPrice: 21500,
      stopPrice: null,
      status: 8,
    });
    await waitFor(
      'position and orders',
      () => accountView(core).positions.length === 1 && accountView(core).orders.length === 2,
    );
    await waitFor(
      'quote subscription',
      () => gateway.connections('market')[0]?.subscriptions.has(`quotes:${MNQ}`) === true,
    );

    // −75.25 points × 2 × $2 = −301 unrealized, −0.74 fees: past 300; the second quote confirms it.
    gateway.quote(MNQ, { bestBid: 21375, bestAsk: 21375.25, lastPrice: 21375 });
    gateway.quote(MNQ, { bestBid: 21375, bestAsk: 21375.25, lastPrice: 21375 });
    await waitFor('flat', () => alerts.includes('info: Flatten complete'));

    expect(mutating(gateway)).toEqual([
      ['Order/cancel', stop.id],
      ['Order/cancel', child.id],
      ['Position/closeContract', MNQ],
    ]);
    const view = accountView(core);
    expect([view.tradingState, view.positions, view.orders]).toEqual(['halted', [], []]);
    expect(view.lockReason).toBe('dailyLoss: daily loss 301.74 reached 300');
    expect([view.metrics.balance, view.metrics.dailyRealizedPnl]).toEqual(['49697.52', '-302.48']);
    expect(gateway.model.positions.size).toBe(0);
    expect(gateway.model.orders.size).toBe(0);
    expect(alerts).toContain('critical: dailyLoss breach');
  });
});
