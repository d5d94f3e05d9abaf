// The fake Tradovate gateway's sockets, driven with a bare `ws` client: framing, authorize, the sync snapshot, the
// exact `props` pushes of fills, busts and liquidations, heartbeats and silence on the manual clock, market data.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTradovate } from '../../fakes/tradovate-gateway/server';
import { ACCOUNT_A, ACCOUNT_B, ES, MNQ } from '../../fakes/tradovate-gateway/seed';
import { login, openSocket, seededGateway, userSocket, type Message } from './tradovate-client';

const T = '2026-03-19T14:00:00.000Z';
const DAY = { year: 2026, month: 3, day: 19 };
let gateway: FakeTradovate;
afterEach(async () => {
  await gateway.stop();
});

const props = (entityType: string, eventType: string, entity: object) => ({
  e: 'props',
  d: { entityType, eventType, entity },
});
const isProps = (messages: Message[]) => messages.some((m) => 'e' in m && m.e === 'props');

async function connected() {
  const started = await seededGateway();
  gateway = started.gateway;
  const grant = await login(gateway.urls.api);
  const user = await userSocket(gateway.urls.ws, grant.accessToken, grant.userId);
  return { ...started, grant, ...user };
}

describe('fake Tradovate user socket', () => {
  it('opens with o, refuses a bad token, authorizes a good one', async () => {
    ({ gateway } = await seededGateway());
    const { accessToken } = await login(gateway.urls.api);
    const socket = await openSocket(gateway.urls.ws);
    expect(await socket.next()).toBe('o');
    expect(await socket.request('account/list')).toEqual({ i: 100, s: 401, d: 'Access is denied' });
    expect(await socket.request('authorize', 'not-a-token')).toEqual({
      i: 101,
      s: 401,
      d: 'Access is denied',
    });
    expect(await socket.request('authorize', accessToken)).toEqual({ i: 102, s: 200 });
    const accounts = await socket.request('account/list');
    expect((accounts.d as { id: number }[]).map((a) => a.id)).toEqual([ACCOUNT_A, ACCOUNT_B]);
  });

  it('answers user/syncrequest with the full snapshot', async () => {
    const { snapshot } = await connected();
    const account = (id: number, name: string) => ({
      id,
      name,
      userId: 2_781_045,
      accountType: 'Customer',
      active: true,
      archived: false,
      restricted: false,
      closed: false,
      clearingHouseId: 2,
      riskCategoryId: 2,
      autoLiqProfileId: 2,
      marginAccountType: 'Speculator',
      legalStatus: 'Individual',
      timestamp: T,
    });
    const ids = [ACCOUNT_A, ACCOUNT_B];
    const base = { status: 'Verified', tickSize: 0.25, priceFormatType: 'Decimal', priceFormat: -2 };
    const product = { currencyId: 1, productType: 'Futures', exchangeId: 1, contractGroupId: 1, ...base };
    const maturity = {
      expirationMonth: 202612,
      expirationDate: '2026-12-18T14:30:00.000Z',
      isFront: true,
      archived: false,
    };
    expect(snapshot).toEqual({
      i: 101,
      s: 200,
      d: {
        accounts: [account(ACCOUNT_A, 'DEMO3187041'), account(ACCOUNT_B, 'DEMO3187042')],
        accountRiskStatuses: ids.map((id) => ({ id, adminAction: 'Normal', userTriggeredLiqOnly: false })),
        cashBalances: ids.map((id) => ({
          id: id + 1,
          accountId: id,
          timestamp: T,
          tradeDate: DAY,
          currencyId: 1,
          amount: 50_000,
          realizedPnl: 0,
          weekRealizedPnL: 0,
        })),
        positions: [],
        orders: [],
        orderVersions: [],
        fills: [],
        fillPairs: [],
        contracts: [
          {
            id: MNQ,
            name: 'MNQZ6',
            contractMaturityId: 52_881,
            status: 'DefinitionChecked',
            providerTickSize: 0.25,
          },
          {
            id: ES,
            name: 'ESZ6',
            contractMaturityId: 52_870,
            status: 'DefinitionChecked',
            providerTickSize: 0.25,
          },
        ],
        contractMaturities: [
          { id: 52_881, productId: 2_904, ...maturity },
          { id: 52_870, productId: 2_765, ...maturity },
        ],
        products: [
          { id: 2_904, name: 'MNQ', description: 'Micro E-mini Nasdaq-100', valuePerPoint: 2, ...product },
          { id: 2_765, name: 'ES', description: 'E-mini S&P 500', valuePerPoint: 50, ...product },
        ],
        userAccountAutoLiqs: ids.map((id) => ({
          id,
          changesLocked: true,
          dailyLossAutoLiq: 1_000,
          trailingMaxDrawdown: 2_000,
          trailingMaxDrawdownMode: 'EOD',
        })),
        marginSnapshots: ids.map((id) => ({
          id,
          timestamp: T,
          riskTimePeriodId: 2,
          initialMargin: 0,
          maintenanceMargin: 0,
          autoLiqLevel: 0,
          liqOnlyLevel: 0,
          totalUsedMargin: 0,
          fullInitialMargin: 0,
        })),
      },
    });
  });

  it('pushes the exact props of an opening fill, a closing fill and a bust', async () => {
    const { socket } = await connected();
    const buy = gateway.fill({ contract: 'MNQ', action: 'Buy', qty: 2, price: 21450 });
    const o = buy.orderId ?? 0;
    const order = {
      id: o,
      accountId: ACCOUNT_A,
      contractId: MNQ,
      timestamp: T,
      action: 'Buy',
      executionProviderId: 1,
    };
    const flags = { archived: false, external: false, admin: false };
    const fill = { contractId: MNQ, timestamp: T, tradeDate: DAY, active: true, finallyPaired: 0 };
    const position = {
      id: o + 3,
      accountId: ACCOUNT_A,
      contractId: MNQ,
      timestamp: T,
      tradeDate: DAY,
      prevPos: 0,
    };
    expect(await socket.messages(isProps)).toEqual([
      props('order', 'Created', { ...order, ordStatus: 'Working', ...flags }),
      props('orderVersion', 'Created', {
        id: o + 1,
        orderId: o,
        orderQty: 2,
        orderType: 'Market',
        timeInForce: 'Day',
      }),
      props('fill', 'Created', { id: o + 2, orderId: o, action: 'Buy', qty: 2, price: 21450, ...fill }),
      props('order', 'Updated', { ...order, ordStatus: 'Filled', ...flags }),
      props('position', 'Created', {
        ...position,
        netPos: 2,
        netPrice: 21450,
        bought: 2,
        boughtValue: 42_900,
        sold: 0,
        soldValue: 0,
      }),
    ]);

    const sell = gateway.fill({ contract: MNQ, action: 'Sell', qty: 1, price: 21460.25 });
    const s = sell.orderId ?? 0;
    const after = await socket.messages(isProps);
    const open = { ...position, netPos: 1, netPrice: 21450, bought: 2, boughtValue: 42_900 };
    const pair = {
      id: s + 3,
      positionId: o + 3,
      buyFillId: o + 2,
      sellFillId: s + 2,
      qty: 1,
      buyPrice: 21450,
    };
    const cash = { id: ACCOUNT_A + 1, accountId: ACCOUNT_A, timestamp: T, tradeDate: DAY, currencyId: 1 };
    expect(after.slice(2)).toEqual([
      props('fill', 'Created', { id: s + 2, orderId: s, action: 'Sell', qty: 1, price: 21460.25, ...fill }),
      props('order', 'Updated', { ...order, id: s, action: 'Sell', ordStatus: 'Filled', ...flags }),
      props('position', 'Updated', { ...open, sold: 1, soldValue: 21460.25 }),
      props('fillPair', 'Created', { ...pair, sellPrice: 21460.25, active: true }),
      props('cashBalance', 'Updated', {
        ...cash,
        amount: 50_020.5,
        realizedPnl: 20.5,
        weekRealizedPnL: 20.5,
      }),
    ]);

    gateway.bustFill(s + 2);
    expect(await socket.messages(isProps)).toEqual([
      props('fill', 'Updated', {
        id: s + 2,
        orderId: s,
        action: 'Sell',
        qty: 1,
        price: 21460.25,
        ...fill,
        active: false,
      }),
      props('position', 'Updated', { ...open, netPos: 2, sold: 0, soldValue: 0 }),
      props('fillPair', 'Updated', { ...pair, sellPrice: 21460.25, active: false }),
      props('cashBalance', 'Updated', { ...cash, amount: 50_000, realizedPnl: 0, weekRealizedPnL: 0 }),
    ]);
  });

  it('liquidates over the socket: pushes the cancel and the close, then answers the orderId', async () => {
    const { socket } = await connected();
    gateway.fill({ contract: 'MNQ', action: 'Buy', qty: 2, price: 21450 });
    const stop = gateway.placeOrder({
      accountId: ACCOUNT_A,
      contract: MNQ,
      action: 'Sell',
      orderQty: 2,
      orderType: 'Stop',
      stopPrice: 21400,
    });
    gateway.quote(MNQ, { bid: 21440, offer: 21440.25 });
    await socket.messages((m) =>
      m.some(
        (x) =>
          'e' in x &&
          (x.d as { entityType: string }).entityType === 'orderVersion' &&
          (x.d as { entity: { stopPrice?: number } }).entity.stopPrice === 21400,
      ),
    );
    const answer = await socket.request('order/liquidateposition', {
      accountId: ACCOUNT_A,
      contractId: MNQ,
      admin: false,
      isAutomated: true,
    });
    const pushed = await socket.messages(isProps);
    const summary = pushed.map((m) => {
      const d = (m as { d: { entityType: string; eventType: string; entity: Record<string, unknown> } }).d;
      return [
        d.entityType,
        d.eventType,
        d.entity.ordStatus ?? d.entity.netPos ?? d.entity.amount ?? d.entity.price ?? d.entity.qty,
      ];
    });
    expect(summary).toEqual([
      ['order', 'Updated', 'Canceled'],
      ['order', 'Created', 'Working'],
      ['orderVersion', 'Created', undefined],
      ['fill', 'Created', 21440],
      ['order', 'Updated', 'Filled'],
      ['position', 'Updated', 0],
      ['fillPair', 'Created', 2],
      ['cashBalance', 'Updated', 49_960],
    ]);
    expect((pushed[0] as { d: { entity: { id: number } } }).d.entity.id).toBe(stop.orderId);
    expect(answer).toEqual({
      i: answer.i,
      s: 200,
      d: { orderId: (pushed[1] as { d: { entity: { id: number } } }).d.entity.id },
    });
    const propsAt = socket.frames.findIndex((f) => f.includes('"Canceled"'));
    const answerAt = socket.frames.findIndex((f) => f.includes(`"i":${answer.i},`));
    expect(propsAt).toBeLessThan(answerAt);
  });

  it('answers a penalty ticket and a 429 over the socket as it does over HTTP', async () => {
    const { socket, clock } = await connected();
    gateway.penalize('order/list', { ticket: 'S-1', timeSec: 2 });
    expect((await socket.request('order/list')).d).toEqual({ 'p-ticket': 'S-1', 'p-time': 2 });
    clock.advance(2_000);
    socket.send('[]');
    expect(await socket.request('order/list', { 'p-ticket': 'S-1' })).toMatchObject({ s: 200, d: [] });
    expect(gateway.ticketResends.map((c) => c.via)).toEqual(['socket']);
    gateway.tooManyRequests(1);
    expect(await socket.request('fill/list')).toMatchObject({ s: 429 });
  });

  it('sends h every 2.5 s of the clock and closes a client silent for 10 s with a c frame', async () => {
    const { socket, clock } = await connected();
    clock.advance(2_500);
    expect(await socket.next()).toBe('h');
    socket.send('[]');
    expect((await socket.request('order/list')).s).toBe(200);
    clock.advance(9_999);
    gateway.sendRaw('user', 'probe');
    await socket.next((f) => f === 'probe');
    expect(socket.frames.filter((f) => f === 'h')).toHaveLength(4);
    expect(socket.frames.some((f) => f.startsWith('c'))).toBe(false);
    clock.advance(1);
    expect(await socket.next((f) => f.startsWith('c'))).toBe('c[1008,"Heartbeat timeout"]');
    expect(await socket.closed).toBe(1000);
  });

  it('misbehaves on demand: malformed frames, shutdown, silent heartbeats, refused reconnects', async () => {
    const { socket, clock, grant } = await connected();
    gateway.sendRaw('user', 'a[{"e":"props"');
    expect(await socket.next()).toBe('a[{"e":"props"');
    gateway.setHeartbeating(false);
    clock.advance(5_000);
    gateway.shutdown('user', 'Maintenance');
    expect(await socket.next()).toBe(
      'a[{"e":"shutdown","d":{"reasonCode":"Maintenance","reason":"Maintenance"}}]',
    );
    expect(await socket.next()).toBe('c[1001,"Maintenance"]');
    await socket.closed;
    gateway.refuseConnections('user', 1);
    await expect(openSocket(gateway.urls.ws)).rejects.toThrow(/503/);
    const again = await userSocket(gateway.urls.ws, grant.accessToken, grant.userId, false);
    expect(again.socket.frames).toEqual(['o', 'a[{"i":100,"s":200}]']);
  });
});

describe('fake Tradovate market-data socket', () => {
  it('subscribes to a quote and pushes md updates until unsubscribed', async () => {
    ({ gateway } = await seededGateway());
    const { mdAccessToken } = await login(gateway.urls.api);
    gateway.quote('MNQZ6', { bid: 21450, offer: 21450.25, trade: 21450 });
    const md = await openSocket(gateway.urls.md);
    await md.next((f) => f === 'o');
    expect(await md.request('authorize', mdAccessToken)).toEqual({ i: 100, s: 200 });
    expect(await md.request('md/subscribeQuote', { symbol: 'MNQZ6' })).toEqual({ i: 101, s: 200, d: {} });
    const entries = {
      Bid: { price: 21450, size: 10 },
      Offer: { price: 21450.25, size: 10 },
      Trade: { price: 21450, size: 10 },
    };
    const quote = (e: object) => [
      { e: 'md', d: { quotes: [{ timestamp: T, contractId: MNQ, entries: e }] } },
    ];
    expect(await md.messages()).toEqual(quote(entries));
    gateway.quote(MNQ, { trade: 21451, size: 3 });
    const moved = {
      Bid: { price: 21450, size: 3 },
      Offer: { price: 21450.25, size: 3 },
      Trade: { price: 21451, size: 3 },
    };
    expect(await md.messages()).toEqual(quote(moved));
    expect((await md.request('md/unsubscribeQuote', { symbol: MNQ })).s).toBe(200);
    gateway.quote(MNQ, { trade: 21452 });
    expect((await md.request('md/subscribeQuote', { symbol: 'ESZ6' })).s).toBe(200);
    expect(md.frames.filter((f) => f.includes('"e":"md"'))).toHaveLength(2);
  });

  it('refuses authorize, or stays silent, when market data is off', async () => {
    ({ gateway } = await seededGateway());
    const { accessToken } = await login(gateway.urls.api);
    gateway.setMarketData('refuse');
    const refused = await openSocket(gateway.urls.md);
    expect((await refused.request('authorize', accessToken)).s).toBe(401);
    gateway.setMarketData('silent');
    const silent = await openSocket(gateway.urls.md);
    expect((await silent.request('authorize', accessToken)).s).toBe(200);
    expect((await silent.request('md/subscribeQuote', { symbol: 'ESZ6' })).s).toBe(200);
    gateway.quote(ES, { trade: 5975 });
    expect((await silent.request('md/unsubscribeQuote', { symbol: 'ESZ6' })).s).toBe(200);
    expect(silent.frames.some((f) => f.includes('"e":"md"'))).toBe(false);
  });
});
