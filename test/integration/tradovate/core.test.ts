// The real core on the Tradovate broker against the fake Tradovate gateway over real sockets, with a real SQLite
// store: the picture follows the sync snapshot, the pushes and the quotes; a daily-loss breach liquidates only
// the breaching account; a dropped user socket re-syncs; without market data the P&L comes from the cash-balance
// snapshots; an account left unguarded drops out and comes back without a second login.
//
// Fees: the fake sends no fillFee entity, so every fill reaches the adapter without fees, and brokerFor (like this
// harness) gives the broker no fees per contract: the fills carry fees 0, and net P&L equals gross P&L below.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TradovateTiming } from '../../../main/broker/tradovate';
import type { FakeTradovate } from '../../fakes/tradovate-gateway/server';
import { ACCOUNT_A, ACCOUNT_B, ES, MNQ, MNQ_PRODUCT } from '../../fakes/tradovate-gateway/seed';
import type { Session } from '../../fakes/tradovate-gateway/sockets';
import type { SocketRequest } from '../../fakes/tradovate-gateway/socket-protocol';
import { fakeLogin, seededGateway, tradovateCoreOn, until, type TradovateCore } from './core-harness';

const A = String(ACCOUNT_A);
const B = String(ACCOUNT_B);
/** A second MNQ month, listed for an order on a contract the account holds no position in. */
const MNQ_MARCH = 3_956_990;
const config = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
defaults:
  rules:
    dailyLoss: { amount: 300, basis: net }
`;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function setup(
  options: { timing?: Partial<TradovateTiming>; before?: (gateway: FakeTradovate) => void } = {},
) {
  const gateway = await seededGateway();
  running.push(gateway);
  options.before?.(gateway);
  /** `user/syncrequest`s the fake has answered: one per (re)connect. */
  const syncs = { count: 0 };
  gateway.signals.on('request', (session: Session, request: SocketRequest) => {
    if (session.kind === 'user' && request.endpoint === 'user/syncrequest') syncs.count += 1;
  });
  const core = await tradovateCoreOn(gateway, mkdtempSync(join(tmpdir(), 'warden-tradovate-core-')), {
    config,
    ...(options.timing === undefined ? {} : { timing: options.timing }),
  });
  running.push(core);
  return { gateway, core, syncs };
}

const positions = (core: TradovateCore, id: number) =>
  core.account(id).positions.map((p) => [p.symbol, p.qty, p.avgPrice, p.mark, p.unrealizedPnl]);
const money = (core: TradovateCore, id: number) => {
  const m = core.account(id).metrics;
  return {
    balance: m.balance,
    unrealizedPnl: m.unrealizedPnl,
    dailyRealizedPnl: m.dailyRealizedPnl,
    dailyNetPnl: m.dailyNetPnl,
  };
};
const subscribed = (gateway: FakeTradovate, ...contracts: number[]) =>
  gateway.sessions('md').some((s) => contracts.every((c) => s.quotes.has(c)));
/** The order commands Warden sent, as the fake recorded them. */
const orderCalls = (gateway: FakeTradovate) =>
  gateway.calls.filter((c) => c.endpoint.startsWith('order/')).map((c) => [c.endpoint, c.body] as const);
const fakeBook = (gateway: FakeTradovate, account: number) => ({
  positions: [...gateway.model.positions.values()]
    .filter((p) => p.accountId === account)
    .map((p) => [p.contractId, p.netPos]),
  working: [...gateway.model.orders.values()]
    .filter((o) => o.accountId === account && o.ordStatus === 'Working')
    .map((o) => o.id),
});

function listMarchMnq(gateway: FakeTradovate): void {
  gateway.model.contractMaturities.set(52_990, {
    id: 52_990,
    productId: MNQ_PRODUCT,
    expirationMonth: 202703,
    expirationDate: '2027-03-19T13:30:00.000Z',
    isFront: false,
    archived: false,
  });
  gateway.model.contracts.set(MNQ_MARCH, {
    id: MNQ_MARCH,
    name: 'MNQH7',
    contractMaturityId: 52_990,
    status: 'DefinitionChecked',
    providerTickSize: 0.25,
  });
}

describe('the core on Tradovate', () => {
  it('logs in, shows both accounts, and values a fill on ACCOUNT_A from its quotes', async () => {
    const { gateway, core } = await setup();
    const login = fakeLogin(gateway);
    expect(core.view().connection).toEqual({
      broker: 'tradovate',
      status: 'connected',
      detail: null,
      credentials: 'stored',
      login: {
        broker: 'tradovate',
        userName: 'warden-trader',
        environment: 'custom',
        apiUrl: login.apiUrl,
        wsUrl: login.wsUrl,
        mdUrl: login.mdUrl,
      },
      pnlSource: { source: 'quotes' },
    });
    expect(core.view().accounts.map((a) => [a.id, a.name, a.tradingState, a.metrics.balance])).toEqual([
      [A, 'DEMO3187041', 'active', '50000'],
      [B, 'DEMO3187042', 'active', '50000'],
    ]);
    expect(core.view().brokerAccounts).toEqual([
      { id: A, name: 'DEMO3187041', guarded: true, fixed: false },
      { id: B, name: 'DEMO3187042', guarded: true, fixed: false },
    ]);

    gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450.25 });
    await until(() => expect(core.account(ACCOUNT_A).positions).toHaveLength(1));
    await until(() => expect(subscribed(gateway, MNQ)).toBe(true));
    gateway.quote(MNQ, { bid: 21440, offer: 21440.25, trade: 21440 });
    await until(() => expect(core.account(ACCOUNT_A).positions[0]?.mark).toBe('21440'));
    // (21440 − 21450.25) × 2 contracts × $2 a point = −41; fees 0, so the day's net is −41 too.
    expect(positions(core, ACCOUNT_A)).toEqual([['MNQZ6', 2, '21450.25', '21440', '-41']]);
    expect(money(core, ACCOUNT_A)).toEqual({
      balance: '50000',
      unrealizedPnl: '-41',
      dailyRealizedPnl: '0',
      dailyNetPnl: '-41',
    });

    gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Sell', qty: 1, price: 21460.75 });
    await until(() => expect(money(core, ACCOUNT_A).balance).toBe('50021'));
    // Realized: (21460.75 − 21450.25) × 1 × $2 = +21, so the cash is 50021; the one left open:
    // (21440 − 21450.25) × 1 × $2 = −20.5; the day's net: 50021 − 20.5 − 50000 = 0.5.
    expect(positions(core, ACCOUNT_A)).toEqual([['MNQZ6', 1, '21450.25', '21440', '-20.5']]);
    expect(money(core, ACCOUNT_A)).toEqual({
      balance: '50021',
      unrealizedPnl: '-20.5',
      dailyRealizedPnl: '21',
      dailyNetPnl: '0.5',
    });
    expect(money(core, ACCOUNT_B)).toEqual({
      balance: '50000',
      unrealizedPnl: '0',
      dailyRealizedPnl: '0',
      dailyNetPnl: '0',
    });
  });

  it('on a daily-loss breach of ACCOUNT_A liquidates and cancels only ACCOUNT_A, and halts it', async () => {
    const { gateway, core } = await setup({
      before: (g) => {
        listMarchMnq(g);
        g.quote(MNQ, { bid: 21450, offer: 21450.25, trade: 21450 });
        g.quote(ES, { bid: 5975, offer: 5975.25, trade: 5975 });
      },
    });
    gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
    gateway.fill({ account: ACCOUNT_A, contract: ES, action: 'Buy', qty: 1, price: 5975 });
    const stopA = gateway.placeOrder({
      accountId: ACCOUNT_A,
      contract: MNQ,
      action: 'Sell',
      orderQty: 2,
      orderType: 'Stop',
      stopPrice: 21300,
    });
    const limitA = gateway.placeOrder({
      accountId: ACCOUNT_A,
      contract: MNQ_MARCH,
      action: 'Buy',
      orderQty: 1,
      orderType: 'Limit',
      price: 21000,
    });
    gateway.fill({ account: ACCOUNT_B, contract: MNQ, action: 'Sell', qty: 1, price: 21450 });
    gateway.fill({ account: ACCOUNT_B, contract: ES, action: 'Buy', qty: 1, price: 5975 });
    const stopB = gateway.placeOrder({
      accountId: ACCOUNT_B,
      contract: ES,
      action: 'Sell',
      orderQty: 1,
      orderType: 'Stop',
      stopPrice: 5950,
    });
    await until(() => {
      expect(core.account(ACCOUNT_A).positions).toHaveLength(2);
      expect(core.account(ACCOUNT_A).orders).toHaveLength(2);
      expect(core.account(ACCOUNT_B).positions).toHaveLength(2);
      expect(core.account(ACCOUNT_B).orders).toHaveLength(1);
    });
    await until(() => expect(subscribed(gateway, MNQ, ES)).toBe(true));
    await until(() => {
      expect(positions(core, ACCOUNT_A)).toEqual([
        ['MNQZ6', 2, '21450', '21450', '0'],
        ['ESZ6', 1, '5975', '5975', '0'],
      ]);
    });

    // ACCOUNT_A: (21370 − 21450) × 2 × $2 = −320 on MNQ, 0 on ES: a net loss of 320, past 300.
    // ACCOUNT_B, short 1 MNQ: (21370 − 21450) × −1 × $2 = +160. The second quote confirms the breach.
    gateway.quote(MNQ, { bid: 21370, offer: 21370.25, trade: 21370 });
    gateway.quote(MNQ, { bid: 21370, offer: 21370.25, trade: 21370 });
    await until(() => expect(core.alerts()).toContain('info: Flatten complete'));

    // The orders are cancelled first (a working one on a contract without a position too), then each contract
    // held is liquidated, every request marked automated; nothing for ACCOUNT_B, and nothing for the market
    // orders the liquidations themselves create (Warden's own, not the trader's: no cancel, no alert).
    expect(orderCalls(gateway)).toEqual([
      ['order/cancelorder', { orderId: stopA.orderId, isAutomated: true }],
      ['order/cancelorder', { orderId: limitA.orderId, isAutomated: true }],
      ['order/liquidateposition', { accountId: ACCOUNT_A, contractId: MNQ, admin: false, isAutomated: true }],
      ['order/liquidateposition', { accountId: ACCOUNT_A, contractId: ES, admin: false, isAutomated: true }],
    ]);
    expect(core.alerts()).toContain('critical: dailyLoss breach');
    expect(core.alerts().filter((alert) => alert.includes('placed while halted'))).toEqual([]);
    // Closed at the bid: MNQ (21370 − 21450) × 2 × $2 = −320, ES (5975 − 5975) × 1 × $50 = 0.
    await until(() => expect(money(core, ACCOUNT_A).balance).toBe('49680'));
    const a = core.account(ACCOUNT_A);
    expect([a.tradingState, a.positions, a.orders]).toEqual(['halted', [], []]);
    expect(a.lockReason).toBe('dailyLoss: daily loss 320 reached 300');
    expect(money(core, ACCOUNT_A)).toEqual({
      balance: '49680',
      unrealizedPnl: '0',
      dailyRealizedPnl: '-320',
      dailyNetPnl: '-320',
    });
    expect(fakeBook(gateway, ACCOUNT_A)).toEqual({
      positions: [
        [MNQ, 0],
        [ES, 0],
      ],
      working: [],
    });

    const b = core.account(ACCOUNT_B);
    expect([b.tradingState, b.lockReason, b.orders.map((o) => o.id)]).toEqual([
      'active',
      null,
      [String(stopB.orderId)],
    ]);
    expect(positions(core, ACCOUNT_B)).toEqual([
      ['MNQZ6', -1, '21450', '21370', '160'],
      ['ESZ6', 1, '5975', '5975', '0'],
    ]);
    expect(money(core, ACCOUNT_B)).toEqual({
      balance: '50000',
      unrealizedPnl: '160',
      dailyRealizedPnl: '0',
      dailyNetPnl: '160',
    });
    expect(fakeBook(gateway, ACCOUNT_B)).toEqual({
      positions: [
        [MNQ, -1],
        [ES, 1],
      ],
      working: [stopB.orderId],
    });
  });

  it('re-syncs after the user socket drops, with the fill made meanwhile counted once', async () => {
    const { gateway, core, syncs } = await setup({
      before: (g) => g.quote(MNQ, { bid: 21455, offer: 21455.25, trade: 21455 }),
    });
    gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450.25 });
    await until(() => expect(core.account(ACCOUNT_A).positions[0]?.mark).toBe('21455'));
    expect(syncs.count).toBe(1);

    // The first reconnect attempt is refused: the fill below is surely made while Warden is not connected.
    gateway.refuseConnections('user', 1);
    const refused = new Promise((resolve) => gateway.signals.once('refused', resolve));
    gateway.dropSockets('user');
    expect(await refused).toBe('user');
    expect(core.view().connection.status).toBe('reconnecting');
    gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Sell', qty: 1, price: 21460.75 });

    await until(() => {
      expect(syncs.count).toBe(2);
      expect(core.view().connection.status).toBe('connected');
      expect(core.account(ACCOUNT_A).positions[0]?.qty).toBe(1);
    });
    // Once: 2 − 1 = 1 left (twice would leave 0 and book +42); realized (21460.75 − 21450.25) × 1 × $2 = +21;
    // the one left at 21455: (21455 − 21450.25) × 1 × $2 = +9.5; the day's net 50021 + 9.5 − 50000 = 30.5.
    await until(() => expect(core.account(ACCOUNT_A).positions[0]?.mark).toBe('21455'));
    expect(positions(core, ACCOUNT_A)).toEqual([['MNQZ6', 1, '21450.25', '21455', '9.5']]);
    expect(money(core, ACCOUNT_A)).toEqual({
      balance: '50021',
      unrealizedPnl: '9.5',
      dailyRealizedPnl: '21',
      dailyNetPnl: '30.5',
    });
    expect(core.account(ACCOUNT_A).metrics.tradesToday).toBe(1);
    expect(core.view().connection.detail).toBeNull();
    // The same token: no second login.
    expect(gateway.callsTo('auth/accesstokenrequest')).toHaveLength(1);
  });

  it('without market data takes the open P&L from the cash-balance snapshots every 2 s', async () => {
    const started = Date.now();
    const { gateway, core } = await setup({
      timing: { marketDataSilenceMs: 500 },
      before: (g) => g.setMarketData('silent'),
    });
    expect(core.view().connection.pnlSource).toEqual({ source: 'quotes' });

    gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450.25 });
    // Silent: the fake keeps the price for its snapshots but sends no quote.
    gateway.quote(MNQ, { bid: 21440, offer: 21440.25, trade: 21440 });
    await until(() => {
      expect(core.view().connection.pnlSource).toMatchObject({ source: 'snapshots' });
      expect(core.account(ACCOUNT_A).metrics.unrealizedPnl).toBe('-41');
    });
    const first = core.view().connection;
    expect(first.status).toBe('connected');
    expect(first.detail).toBe('P&L from broker snapshots (2 s): no market data (no quote in 0.5 s)');
    expect(first.pnlSource).toEqual({
      source: 'snapshots',
      everySeconds: 2,
      lastAt: expect.stringMatching(ISO) as string,
      why: 'no quote in 0.5 s',
    });
    const lastAt = Date.parse((first.pnlSource as { lastAt: string }).lastAt);
    expect(lastAt).toBeGreaterThanOrEqual(started);
    expect(lastAt).toBeLessThanOrEqual(Date.now());
    // The snapshot's openPnL −41 over 2 contracts × $2 implies the mark 21450.25 − 41 / 4 = 21440.
    expect(positions(core, ACCOUNT_A)).toEqual([['MNQZ6', 2, '21450.25', '21440', '-41']]);
    expect(money(core, ACCOUNT_A)).toEqual({
      balance: '50000',
      unrealizedPnl: '-41',
      dailyRealizedPnl: '0',
      dailyNetPnl: '-41',
    });

    // The next snapshot: openPnL (21470 − 21450.25) × 2 × $2 = 79, the mark 21450.25 + 79 / 4 = 21470.
    gateway.quote(MNQ, { bid: 21470, offer: 21470.25, trade: 21470 });
    await until(() => expect(core.account(ACCOUNT_A).metrics.unrealizedPnl).toBe('79'));
    expect(positions(core, ACCOUNT_A)).toEqual([['MNQZ6', 2, '21450.25', '21470', '79']]);
    expect(money(core, ACCOUNT_A).dailyNetPnl).toBe('79');
    const later = core.view().connection.pnlSource as { lastAt: string };
    expect(Date.parse(later.lastAt)).toBeGreaterThan(lastAt);
    const snapshots = gateway.callsTo('cashBalance/getcashbalancesnapshot').map((c) => c.body.accountId);
    expect(new Set(snapshots)).toEqual(new Set([ACCOUNT_A, ACCOUNT_B]));
  });

  it('an account left unguarded drops out of the view and the journal, and comes back, with one login', async () => {
    const { gateway, core, syncs } = await setup({
      before: (g) => g.quote(ES, { bid: 5975, offer: 5975.25, trade: 5975 }),
    });
    gateway.fill({ account: ACCOUNT_B, contract: ES, action: 'Buy', qty: 1, price: 5975 });
    await until(() => expect(positions(core, ACCOUNT_B)).toEqual([['ESZ6', 1, '5975', '5975', '0']]));

    expect(await core.command('setAccountGuarded', { account: B, guarded: false })).toEqual({
      ok: true,
      result: { excluded: [B] },
    });
    await until(() => {
      expect(syncs.count).toBe(2);
      expect(core.view().connection.status).toBe('connected');
    });
    expect(core.view().accounts.map((a) => a.id)).toEqual([A]);
    expect(core.view().brokerAccounts).toEqual([
      { id: A, name: 'DEMO3187041', guarded: true, fixed: false },
      { id: B, name: 'DEMO3187042', guarded: false, fixed: false },
    ]);

    // B's fill is pushed before A's on the same socket: once A's is in, B's was heard and left out.
    const left = gateway.fill({ account: ACCOUNT_B, contract: ES, action: 'Buy', qty: 1, price: 5980 });
    gateway.fill({ account: ACCOUNT_A, contract: ES, action: 'Buy', qty: 1, price: 5975 });
    await until(() => expect(core.account(ACCOUNT_A).positions).toHaveLength(1));
    const leftFill = left.events.find((e) => e.entityType === 'fill')?.entity as { id: number };
    const journaledFills = core.store.journal
      .readAfter(0)
      .flatMap((entry) => (entry.event.type === 'fill' ? [[entry.event.account, entry.event.id]] : []));
    expect(journaledFills.filter(([account]) => account === B)).toHaveLength(1);
    expect(journaledFills.map(([, id]) => id)).not.toContain(String(leftFill.id));
    expect(core.view().accounts.map((a) => a.id)).toEqual([A]);

    const refusal = `${B} is not guarded by Warden: act on it in Tradovate`;
    expect(await core.command('closePosition', { account: B, symbol: 'ESZ6' })).toEqual({
      ok: false,
      error: refusal,
    });
    expect(await core.command('cancelOrder', { account: B, orderId: '900000999' })).toEqual({
      ok: false,
      error: refusal,
    });
    expect(orderCalls(gateway)).toEqual([]);

    expect(await core.command('setAccountGuarded', { account: B, guarded: true })).toEqual({
      ok: true,
      result: { excluded: [] },
    });
    await until(() => {
      expect(syncs.count).toBe(3);
      expect(core.view().connection.status).toBe('connected');
      expect(core.view().accounts.map((a) => a.id)).toEqual([A, B]);
    });
    // What B did meanwhile is in the fresh snapshot: 2 ES at (5975 + 5980) / 2 = 5977.5, valued at 5975:
    // (5975 − 5977.5) × 2 × $50 = −250.
    await until(() => expect(positions(core, ACCOUNT_B)).toEqual([['ESZ6', 2, '5977.5', '5975', '-250']]));
    expect(money(core, ACCOUNT_B).balance).toBe('50000');
    expect(gateway.callsTo('auth/accesstokenrequest')).toHaveLength(1);
    expect(gateway.counts.logins).toBe(1);
  });

  it('a position closed while its account was unguarded is in its realized P&L once guarded again', async () => {
    const { gateway, core, syncs } = await setup({
      before: (g) => g.quote(ES, { bid: 5975, offer: 5975.25, trade: 5975 }),
    });
    gateway.fill({ account: ACCOUNT_B, contract: ES, action: 'Buy', qty: 1, price: 5975 });
    await until(() => expect(positions(core, ACCOUNT_B)).toEqual([['ESZ6', 1, '5975', '5975', '0']]));
    await core.command('setAccountGuarded', { account: B, guarded: false });
    await until(() => {
      expect(syncs.count).toBe(2);
      expect(core.view().connection.status).toBe('connected');
    });

    // B closes while unguarded; A trades after it, so the newest fill Warden journaled is A's, later than B's.
    gateway.fill({ account: ACCOUNT_B, contract: ES, action: 'Sell', qty: 1, price: 5985 });
    gateway.fill({ account: ACCOUNT_A, contract: ES, action: 'Buy', qty: 1, price: 5975 });
    await until(() => expect(core.account(ACCOUNT_A).positions).toHaveLength(1));

    await core.command('setAccountGuarded', { account: B, guarded: true });
    await until(() => {
      expect(syncs.count).toBe(3);
      expect(core.view().accounts.map((a) => a.id)).toEqual([A, B]);
      expect(core.account(ACCOUNT_B).positions).toEqual([]);
    });
    // (5985 − 5975) × 1 × $50 = +500, realized, in one trade; the cash balance says the same.
    await until(() => expect(money(core, ACCOUNT_B).dailyRealizedPnl).toBe('500'));
    expect(money(core, ACCOUNT_B)).toEqual({
      balance: '50500',
      unrealizedPnl: '0',
      dailyRealizedPnl: '500',
      dailyNetPnl: '500',
    });
    expect(core.account(ACCOUNT_B).metrics.tradesToday).toBe(1);
  });
});
