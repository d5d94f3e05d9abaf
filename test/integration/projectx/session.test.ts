// Sessions and commands against the fake gateway: token refresh before expiry and re-login on a dead token,
// login failures and missing entitlements told in words, 429 backed off, refusals loud, timeouts read back.
import { afterEach, describe, expect, it } from 'vitest';
import { createProjectXBroker, NO_CREDENTIALS } from '../../../main/broker/projectx';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import type { BrokerEvent } from '../../../shared/domain/events';
import { ACCOUNT_ID, MNQ } from '../../fakes/projectx-gateway/seed';
import { FAST, gatewayAndBroker, waitFor } from './harness';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});
async function setup(...args: Parameters<typeof gatewayAndBroker>) {
  const h = await gatewayAndBroker(...args);
  running.push(h);
  return h;
}
const ACCOUNT = String(ACCOUNT_ID);
const endpoints = (h: Awaited<ReturnType<typeof setup>>, from = 0) =>
  h.gateway.calls.slice(from).map((c) => c.endpoint);

describe('the ProjectX session', () => {
  it('refreshes the token before it expires, and the hubs reconnect with the new one', async () => {
    const h = await setup({ gateway: { tokenLifetimeMs: 3000 }, timing: { refreshMarginMs: 2000 } });
    const first = h.gateway.connections('user')[0]?.token;
    await waitFor('a refresh', () => h.gateway.callsTo('Auth/validate').length === 1, 4000);
    const onNewToken = (hub: 'user' | 'market') => {
      const token = h.gateway.connections(hub)[0]?.token;
      return token !== undefined && token !== first;
    };
    await waitFor('hubs on the new token', () => onNewToken('user') && onNewToken('market'));
    const fresh = h.gateway.connections('user')[0]?.token;
    expect(h.gateway.callsTo('Auth/validate')[0]?.token).toBe(first);
    expect(h.gateway.connections('market')[0]?.token).toBe(fresh);
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21450);
    await waitFor('a fill on the new connection', () => h.of('fill').length === 1);
    expect(h.gateway.callsTo('Contract/searchById').at(-1)?.token).toBe(fresh);
    // A planned rebuild is not a reconnect the trader must hear about.
    expect(h.of('connection').map((c) => c.status)).not.toContain('reconnecting');
  });

  it('on a token the gateway no longer takes, validates, logs in again and repeats the call once', async () => {
    const h = await setup();
    h.gateway.expireTokens();
    const from = h.gateway.calls.length;
    const result = await h.broker.execute({ type: 'cancelOrder', account: ACCOUNT, orderId: '123' });
    // The new token also rebuilds the hubs, whose reads may interleave with the read-back.
    expect(endpoints(h, from).slice(0, 4)).toEqual([
      'Order/cancel',
      'Auth/validate',
      'Auth/loginKey',
      'Order/cancel',
    ]);
    expect(endpoints(h, from).slice(4)).toContain('Order/searchOpen');
    expect(result).toEqual({ ok: true }); // not found, and not working: nothing left to cancel
  });

  it('says why a login failed', async () => {
    const events: BrokerEvent[] = [];
    const h = await setup();
    const broker = createProjectXBroker({
      apiUrl: h.gateway.url,
      rtcUrl: h.gateway.url,
      credentials: { userName: 'trader', apiKey: 'wrong' },
      clock: systemClock,
      logger: memoryLogger(),
      timing: FAST,
    });
    running.push(broker);
    await broker.start(
      (e) => events.push(e),
      () => ({ lastFillAt: null, held: [] }),
    );
    expect(events.map((e) => (e.type === 'connection' ? [e.status, e.detail ?? null] : e.type))).toEqual([
      ['connecting', null],
      [
        'disconnected',
        'login failed (Auth/loginKey refused: invalid credentials (check the user name and API key))',
      ],
    ]);
  });

  it('says so when there are no credentials, and refuses commands', async () => {
    const events: BrokerEvent[] = [];
    const broker = createProjectXBroker({
      apiUrl: 'http://127.0.0.1:9',
      rtcUrl: 'http://127.0.0.1:9',
      credentials: null,
      clock: systemClock,
      logger: memoryLogger(),
    });
    await broker.start(
      (e) => events.push(e),
      () => ({ lastFillAt: null, held: [] }),
    );
    expect(events).toEqual([
      {
        type: 'connection',
        t: expect.any(Number) as unknown,
        status: 'disconnected',
        detail: NO_CREDENTIALS,
      },
    ]);
    expect(await broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: MNQ })).toEqual({
      ok: false,
      error: NO_CREDENTIALS,
    });
    await broker.stop();
  });

  it('connects without market data when not entitled to it, and says so', async () => {
    const h = await setup({ gateway: { marketEntitled: false } });
    expect(h.of('connection').at(-1)).toEqual({
      type: 'connection',
      t: expect.any(Number) as unknown,
      status: 'connected',
      detail: 'market data not entitled (the market hub refused the login): open P&L will not move',
    });
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21450);
    await waitFor('fills still flow', () => h.of('fill').length === 1);
  });

  it('backs off on HTTP 429 and still reconciles', async () => {
    const h = await setup({
      seed: (g) => {
        g.script('Trade/search', { status: 429, times: 2 });
        g.model.fill(ACCOUNT_ID, MNQ, 0, 1, 21450);
      },
    });
    expect(h.gateway.callsTo('Trade/search')).toHaveLength(3);
    expect(
      h.logger.lines
        .filter((l) => l.message === 'rate limited by the gateway; backing off')
        .map((l) => l.context?.waitMs),
    ).toEqual([50, 100]);
    expect(h.of('fill')).toHaveLength(1);
    expect(h.of('connection').at(-1)?.status).toBe('connected');
  });

  it('excludes the accounts it is told to leave alone', async () => {
    const h = await setup({ exclude: [ACCOUNT] });
    expect(h.of('account')).toEqual([]);
    expect([...(h.gateway.connections('user')[0]?.subscriptions ?? [])]).toEqual(['accounts']);
  });
});

describe('ProjectX enforcement commands', () => {
  it('closes a position: its working orders (bracket children too) cancelled first, then closeContract', async () => {
    const h = await setup();
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 2, 21450);
    const stop = h.gateway.placeOrder({
      accountId: ACCOUNT_ID,
      contractId: MNQ,
      type: 4,
      side: 1,
      size: 2,
      limitPrice: null,
      stopPrice: 21400,
    });
    const child = h.gateway.placeOrder({
      accountId: ACCOUNT_ID,
      contractId: MNQ,
      type: 1,
      side: 1,
      size: 2,
      limitPrice: 21500,
      stopPrice: null,
      status: 8,
    });
    await waitFor('orders known', () => h.of('order').length === 2 && h.of('position').length === 1);
    h.gateway.quote(MNQ, { bestBid: 21440, bestAsk: 21440.25 });
    const from = h.gateway.calls.length;
    expect(await h.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: MNQ })).toEqual({
      ok: true,
    });
    expect(h.gateway.calls.slice(from).map((c) => [c.endpoint, c.body])).toEqual([
      ['Order/cancel', { accountId: ACCOUNT_ID, orderId: stop.id }],
      ['Order/cancel', { accountId: ACCOUNT_ID, orderId: child.id }],
      ['Position/closeContract', { accountId: ACCOUNT_ID, contractId: MNQ }],
    ]);
    await waitFor('the closing fill', () => h.of('fill').length === 2);
    expect(h.of('fill')[1]?.realizedPnl?.toFixed()).toBe('-40'); // sold 2 at the bid: −10 points × 2 × $2
  });

  it('closes part of a position with partialCloseContract', async () => {
    const h = await setup();
    h.gateway.fill(ACCOUNT_ID, MNQ, 1, 3, 21450);
    h.gateway.quote(MNQ, { bestBid: 21440, bestAsk: 21440.25 });
    await waitFor('the position', () => h.of('position').length === 1);
    const from = h.gateway.calls.length;
    expect(await h.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: MNQ, qty: 1 })).toEqual({
      ok: true,
    });
    expect(h.gateway.calls.slice(from).map((c) => [c.endpoint, c.body])).toEqual([
      ['Position/partialCloseContract', { accountId: ACCOUNT_ID, contractId: MNQ, size: 1 }],
    ]);
    expect(h.gateway.model.positions.get(h.gateway.model.key(ACCOUNT_ID, MNQ))?.size).toBe(2);
  });

  it('returns a loud refusal when the gateway refuses to close or cancel', async () => {
    const h = await setup();
    h.gateway.script('Position/closeContract', {
      body: { success: false, errorCode: 8, errorMessage: null },
    });
    h.gateway.script('Order/cancel', {
      body: { success: false, errorCode: 6, errorMessage: 'Live accounts not supported' },
    });
    expect(await h.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: MNQ })).toEqual({
      ok: false,
      error:
        'ProjectX refused to close CON.F.US.MNQ.M26: Position/closeContract refused: account rejected (the API cannot close on this account)',
    });
    expect(await h.broker.execute({ type: 'cancelOrder', account: ACCOUNT, orderId: '2669189964' })).toEqual({
      ok: false,
      error:
        'ProjectX refused to cancel order 2669189964: Order/cancel refused: account rejected (live or follower accounts cannot cancel through the API): Live accounts not supported',
    });
  });

  it('never sends a close again after a timeout: it reads the position back', async () => {
    const h = await setup();
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21450);
    h.gateway.quote(MNQ, { bestBid: 21445, bestAsk: 21445.25 });
    await waitFor('the position', () => h.of('position').length === 1);
    // The gateway closes it, but its answer comes after the adapter stopped waiting (1 s).
    h.gateway.script('Position/closeContract', {
      perform: true,
      delayMs: 1500,
      body: { success: true, errorCode: 0, errorMessage: null },
    });
    const from = h.gateway.calls.length;
    expect(await h.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: MNQ })).toEqual({
      ok: true,
    });
    expect(endpoints(h, from).slice(0, 2)).toEqual(['Position/closeContract', 'Position/searchOpen']);
    expect(h.gateway.callsTo('Position/closeContract')).toHaveLength(1);
  });

  it('after a timeout with the position still open, says so instead of retrying', async () => {
    const h = await setup();
    h.gateway.fill(ACCOUNT_ID, MNQ, 0, 1, 21450);
    await waitFor('the position', () => h.of('position').length === 1);
    h.gateway.script('Position/closeContract', {
      delayMs: 1500,
      body: { success: true, errorCode: 0, errorMessage: null },
    });
    expect(await h.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: MNQ })).toEqual({
      ok: false,
      error:
        'ProjectX did not close CON.F.US.MNQ.M26: Position/closeContract: no answer in 1000 ms; it is still there',
    });
    expect(h.gateway.callsTo('Position/closeContract')).toHaveLength(1);
  });
});
