// A reconnect asked for (the desktop host after sleep or a screen unlock) against the fake gateway on real
// sockets: the link shows reconnecting at once, the hubs are torn down and NEW connections made, and the REST
// reconciliation runs again, so a position the old link never heard of is in the picture afterwards. With
// nothing to connect with, or after stop, it does nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProjectXBroker, NO_CREDENTIALS } from '../../../main/broker/projectx';
import { RECONNECT_REASON } from '../../../main/core/commands/connection';
import { startCore } from '../../../main/core/start';
import type { BrokerEvent } from '../../../shared/domain/events';
import { decimalsAsStrings } from '../../../shared/domain/money';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import { startFakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { coreOn, gatewayAndBroker, waitFor } from './harness';

const ACCOUNT = String(ACCOUNT_ID);
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

const statusesOf = (events: readonly BrokerEvent[]) =>
  events.flatMap((e) => (e.type === 'connection' ? [[e.status, e.detail ?? null]] : []));

describe('a reconnect asked of the ProjectX adapter', () => {
  it('shows reconnecting at once, makes new hub connections and reconciles what the old link missed', async () => {
    const h = await gatewayAndBroker();
    running.push(h);
    const oldUser = h.gateway.connections('user');
    const oldMarket = h.gateway.connections('market');
    expect(oldUser).toHaveLength(1);
    expect(oldMarket).toHaveLength(1);
    const reads = () => h.gateway.callsTo('Position/searchOpen').length;
    const readsBefore = reads();
    // Opened at the broker and never pushed: the old link missed it.
    const [trade] = h.gateway.model.fill(ACCOUNT_ID, MNQ, 0, 2, 21450.25);
    expect(h.of('fill')).toEqual([]);

    expect(h.broker.reconnect('the machine woke from sleep')).toBe(true);
    expect(statusesOf(h.events).at(-1)).toEqual([
      'reconnecting',
      'reconnecting: the machine woke from sleep',
    ]);
    expect(h.broker.reconnect('the screen was unlocked')).toBe(true); // under way: not doubled

    await waitFor('connected again', () => statusesOf(h.events).at(-1)?.[0] === 'connected');
    expect(statusesOf(h.events)).toEqual([
      ['connecting', null],
      ['connected', null],
      ['reconnecting', 'reconnecting: the machine woke from sleep'],
      ['connected', null],
    ]);
    const newUser = h.gateway.connections('user');
    expect(newUser).toHaveLength(1);
    expect(newUser[0]).not.toBe(oldUser[0]);
    await waitFor('the new market hub', () => h.gateway.connections('market').length === 1);
    expect(h.gateway.connections('market')[0]).not.toBe(oldMarket[0]);
    expect([...(newUser[0]?.subscriptions ?? [])]).toEqual([
      'accounts',
      `orders:${ACCOUNT_ID}`,
      `positions:${ACCOUNT_ID}`,
      `trades:${ACCOUNT_ID}`,
    ]);
    expect(reads()).toBe(readsBefore + 1);
    expect(h.of('fill').map((f) => decimalsAsStrings(f))).toEqual([
      {
        type: 'fill',
        t: Date.parse((trade?.entity as { creationTimestamp: string }).creationTimestamp),
        account: ACCOUNT,
        id: String((trade?.entity as { id: number }).id),
        orderId: String((trade?.entity as { orderId: number }).orderId),
        symbol: MNQ,
        side: 'buy',
        qty: 2,
        price: '21450.25',
        fees: '0.74',
      },
    ]);
    expect(h.of('position').map((p) => [p.account, p.symbol, p.qty, p.avgPrice.toFixed()])).toEqual([
      [ACCOUNT, MNQ, 2, '21450.25'],
    ]);

    // The new link carries the live feed.
    h.gateway.fill(ACCOUNT_ID, MNQ, 1, 2, 21460.25);
    await waitFor('the live fill', () => h.of('fill').length === 2);
    expect(h.of('fill')[1]?.realizedPnl?.toFixed()).toBe('40');
  });

  it('does nothing without credentials, or once stopped', async () => {
    const gateway = await startFakeGateway({ pingMs: 200 });
    running.push(gateway);
    const events: BrokerEvent[] = [];
    const broker = createProjectXBroker({
      apiUrl: gateway.url,
      rtcUrl: gateway.url,
      credentials: null,
      clock: systemClock,
      logger: memoryLogger(),
    });
    expect(broker.reconnect('not started')).toBe(false);
    await broker.start(
      (event) => events.push(event),
      () => ({ lastFillAt: null, held: [] }),
    );
    expect(broker.reconnect('no credentials')).toBe(false);
    await broker.stop();
    expect(broker.reconnect('stopped')).toBe(false);
    expect(statusesOf(events)).toEqual([['disconnected', NO_CREDENTIALS]]);
    expect(gateway.calls).toEqual([]);
  });
});

describe('the reconnect command on ProjectX', () => {
  it('answers reconnecting, and the view shows reconnecting, then the reconciled picture', async () => {
    const gateway = await startFakeGateway({ pingMs: 200 });
    seedDemo(gateway.model);
    const core = await coreOn(gateway, mkdtempSync(join(tmpdir(), 'warden-projectx-reconnect-')));
    running.push(gateway, core);
    const oldUser = gateway.connections('user')[0];
    gateway.model.fill(ACCOUNT_ID, MNQ, 1, 3, 21440);

    expect(await core.command('reconnect', {})).toEqual({ ok: true, result: { reconnecting: true } });
    expect(core.view().connection).toEqual({
      broker: 'projectx',
      status: 'reconnecting',
      detail: `reconnecting: ${RECONNECT_REASON}`,
      credentials: 'stored',
      login: { broker: 'projectx', userName: 'trader', apiUrl: gateway.url, rtcUrl: gateway.url },
    });
    await waitFor('connected again', () => core.view().connection.status === 'connected');
    expect(gateway.connections('user')).toHaveLength(1);
    expect(gateway.connections('user')[0]).not.toBe(oldUser);
    const account = core.view().accounts.find((a) => a.id === ACCOUNT);
    expect(account?.positions.map((p) => [p.symbol, p.qty, p.avgPrice])).toEqual([[MNQ, -3, '21440']]);
    expect(core.exposedAccounts()).toEqual([
      { id: ACCOUNT, name: '50KTC-V2-423406-16429504', openPositions: 1, workingOrders: 0 },
    ]);
  });

  it('answers not reconnecting when there is nothing to connect with', async () => {
    const core = await startCore({
      dataDir: mkdtempSync(join(tmpdir(), 'warden-projectx-idle-')),
      broker: 'projectx',
      demo: false,
      logger: memoryLogger(),
    });
    running.push(core);
    expect(await core.command('reconnect', {})).toEqual({ ok: true, result: { reconnecting: false } });
    expect(core.view().connection).toEqual({
      broker: 'projectx',
      status: 'disconnected',
      detail: NO_CREDENTIALS,
      credentials: 'missing',
      login: null,
    });
  });
});
