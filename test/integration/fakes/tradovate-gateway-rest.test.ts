// The fake Tradovate gateway's REST side, driven with plain fetch: login and renewal, expiry on the manual clock,
// penalty tickets, 429s, hanging calls, and the order commands.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTradovate } from '../../fakes/tradovate-gateway/server';
import { ACCOUNT_A, MNQ } from '../../fakes/tradovate-gateway/seed';
import { FAKE_CREDENTIALS } from '../../fakes/tradovate-gateway/server';
import { login, rest, seededGateway } from './tradovate-client';

let gateway: FakeTradovate;
afterEach(async () => {
  await gateway.stop();
});

describe('fake Tradovate REST', () => {
  it('logs in, renews with a new expiry, and counts renewals apart from logins', async () => {
    const started = await seededGateway({ tokenLifetimeMs: 90 * 60_000 });
    gateway = started.gateway;
    const api = gateway.urls.api;
    const first = await login(api);
    expect(first).toMatchObject({ userId: 2_781_045, expirationTime: '2026-03-19T15:30:00.000Z' });

    started.clock.advance(85 * 60_000);
    const renewed = await rest(api, 'auth/renewaccesstoken', { token: first.accessToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ expirationTime: '2026-03-19T16:55:00.000Z', userId: 2_781_045 });
    expect(renewed.body?.accessToken).not.toBe(first.accessToken);
    expect(gateway.counts).toEqual({ logins: 1, renewals: 1 });

    started.clock.advance(5 * 60_000);
    expect((await rest(api, 'account/list', { token: first.accessToken })).status).toBe(401);
    const accounts = await rest(api, 'account/list', { token: String(renewed.body?.accessToken) });
    expect(accounts.status).toBe(200);
    expect((accounts.body as unknown as { name: string }[]).map((a) => a.name)).toEqual([
      'DEMO3187041',
      'DEMO3187042',
    ]);
  });

  it('refuses bad credentials with HTTP 200 and errorText, and a pending approval with 401s', async () => {
    ({ gateway } = await seededGateway());
    const api = gateway.urls.api;
    for (const wrong of [{ password: 'nope' }, { sec: 'nope' }, { cid: 1 }, { appId: 'Other' }]) {
      const answer = await rest(api, 'auth/accesstokenrequest', { body: { ...FAKE_CREDENTIALS, ...wrong } });
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body ?? {})).toEqual(['errorText']);
    }
    gateway.setPendingApproval(true);
    const pending = await login(api);
    expect((await rest(api, 'account/list', { token: pending.accessToken })).status).toBe(401);
    gateway.setPendingApproval(false);
    expect((await rest(api, 'account/list', { token: pending.accessToken })).status).toBe(200);
    expect(gateway.counts).toEqual({ logins: 1, renewals: 0 });
  });

  it('answers a penalty ticket, refuses an early or ticketless resend, serves the resend after p-time', async () => {
    const started = await seededGateway();
    gateway = started.gateway;
    const api = gateway.urls.api;
    const { accessToken: token } = await login(api);
    gateway.penalize('position/list', { ticket: 'T-1', timeSec: 3 });
    const ticket = { 'p-ticket': 'T-1', 'p-time': 3 };
    expect((await rest(api, 'position/list', { token, body: {} })).body).toEqual(ticket);
    expect((await rest(api, 'position/list', { token, body: { 'p-ticket': 'T-1' } })).body).toEqual(ticket);
    started.clock.advance(3_000);
    expect((await rest(api, 'position/list', { token, body: {} })).body).toEqual(ticket);
    const resent = await rest(api, 'position/list', { token, body: { 'p-ticket': 'T-1' } });
    expect(resent).toEqual({ status: 200, body: [] });
    expect(gateway.ticketResends.map((c) => c.body)).toEqual([{ 'p-ticket': 'T-1' }]);

    gateway.penalize('fill/list', { ticket: 'T-2', timeSec: 1, captcha: true });
    expect((await rest(api, 'fill/list', { token })).body).toEqual({
      'p-ticket': 'T-2',
      'p-time': 1,
      'p-captcha': true,
    });
  });

  it('answers 429 to the next N calls, then serves again', async () => {
    ({ gateway } = await seededGateway());
    const { accessToken: token } = await login(gateway.urls.api);
    gateway.tooManyRequests(2);
    const statuses = [];
    for (let n = 0; n < 3; n++) statuses.push((await rest(gateway.urls.api, 'order/list', { token })).status);
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('leaves a scripted hanging call unanswered while others are served', async () => {
    ({ gateway } = await seededGateway());
    const { accessToken: token } = await login(gateway.urls.api);
    gateway.script('cashBalance/list', { hang: true });
    let answered = false;
    const hanging = rest(gateway.urls.api, 'cashBalance/list', { token }).then(
      () => (answered = true),
      () => 'cut',
    );
    await new Promise((resolve) => gateway.signals.once('call', resolve));
    expect((await rest(gateway.urls.api, 'cashBalance/list', { token })).status).toBe(200);
    expect(answered).toBe(false);
    await gateway.stop();
    expect(await hanging).toBe('cut');
    ({ gateway } = await seededGateway());
  });

  it('liquidates: working orders cancelled, the position closed at the bid, the cash snapshot exact', async () => {
    ({ gateway } = await seededGateway());
    const api = gateway.urls.api;
    const { accessToken: token } = await login(api);
    gateway.fill({ contract: 'MNQ', action: 'Buy', qty: 2, price: 21450 });
    const stop = gateway.placeOrder({
      accountId: ACCOUNT_A,
      contract: 'MNQZ6',
      action: 'Sell',
      orderQty: 2,
      orderType: 'Stop',
      stopPrice: 21400,
    });
    gateway.quote(MNQ, { bid: 21440, offer: 21440.25, trade: 21440 });
    const snapshot = await rest(api, 'cashBalance/getcashbalancesnapshot', {
      token,
      body: { accountId: ACCOUNT_A },
    });
    expect(snapshot.body).toMatchObject({
      openPnL: -40,
      netLiq: 49_960,
      totalCashValue: 50_000,
      initialMargin: 0,
    });

    const body = { accountId: ACCOUNT_A, contractId: MNQ, admin: false, isAutomated: true };
    const answer = await rest(api, 'order/liquidateposition', { token, body });
    expect(answer.body).toEqual({ orderId: expect.any(Number) as number });
    expect(gateway.model.orders.get(stop.orderId ?? 0)?.ordStatus).toBe('Canceled');
    const positions = (await rest(api, 'position/list', { token })).body as unknown as object[];
    expect(positions).toEqual([
      expect.objectContaining({ netPos: 0, bought: 2, sold: 2, soldValue: 42_880 }),
    ]);
    const cash = (await rest(api, 'cashBalance/list', { token })).body as unknown as object[];
    expect(cash[0]).toMatchObject({ accountId: ACCOUNT_A, amount: 49_960, realizedPnl: -40 });

    gateway.script('order/liquidateposition', {
      body: { failureReason: 'AnotherCommandPending', failureText: 'busy' },
    });
    expect((await rest(api, 'order/liquidateposition', { token, body })).body).toEqual({
      failureReason: 'AnotherCommandPending',
      failureText: 'busy',
    });
    expect(gateway.callsTo('order/liquidateposition').map((c) => c.body)).toEqual([body, body]);
  });

  it('finds contracts, maturities and products by id and name', async () => {
    ({ gateway } = await seededGateway());
    const api = gateway.urls.api;
    const { accessToken: token } = await login(api);
    const contract = (await rest(api, `contract/item?id=${MNQ}`, { token })).body;
    expect(contract).toMatchObject({ id: MNQ, name: 'MNQZ6' });
    const maturity = (
      await rest(api, `contractMaturity/item?id=${String(contract?.contractMaturityId)}`, { token })
    ).body;
    expect(maturity).toMatchObject({ productId: 2_904 });
    const product = (await rest(api, 'product/find?name=MNQ', { token })).body;
    expect(product).toMatchObject({
      id: 2_904,
      name: 'MNQ',
      valuePerPoint: 2,
      tickSize: 0.25,
      currencyId: 1,
    });
    expect((await rest(api, 'contract/item?id=1', { token })).status).toBe(404);
  });
});
