// Chaos on the ProjectX link (issue 17): the real core and adapter against the fake gateway on real sockets, a
// daily-loss breach flattening account A while the link misbehaves. After each scenario the engine's positions,
// orders and balances equal the gateway's model exactly, the gateway saw the flatten's cancels and closes (each
// carried out exactly once, per account and order or contract, and sent as often as the scenario says), and the
// audit holds one flatten that ended flat. docs/CHAOS.md lists the scenarios.
//
// What ProjectX's protocol allows, and so what is injected: each hub is one WebSocket, so frames on it arrive in
// the order sent, but the gateway emits a trade, its position, its order and the balance on four subscriptions
// (GatewayUserTrade/Position/Order/Account), which may come in any order among themselves (a position before its
// trade); the two hubs are separate sockets; a quote's `timestamp` is the gateway's and need not follow arrival.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeOrder } from '../../fakes/projectx-gateway/model';
import {
  A,
  agrees,
  B,
  breach,
  enforcementCalls,
  enforcementEffects,
  ES,
  MNQ,
  onceEach,
  openBook,
  projectXWorld,
  realizedOf,
  type ProjectXWorld,
} from './projectx-world';
import { auditOf, flattenFinished, flattensOf, journaledFills, otherActionsOf, until } from './scenario';

const running: ProjectXWorld[] = [];
afterEach(async () => {
  for (const world of running.splice(0)) await world.stop();
});

async function setup() {
  const world = await projectXWorld();
  running.push(world);
  const book = await openBook(world);
  return { world, gateway: world.gateway, ...book };
}

/**
 * What must hold after every scenario: A flat at the gateway and in the engine, both accounts' pictures equal
 * to the gateway's, each order cancelled and each contract closed exactly once at the gateway, one flatten in the
 * audit that ended flat, A halted, every gateway trade journaled and applied once (the realized P&L is exact).
 */
async function holds(world: ProjectXWorld, book: { stop: FakeOrder; limit: FakeOrder }) {
  const flatten = await flattenFinished(world.store, String(A));
  await agrees(world);
  // 50000 − 1.11 opening fees − 321 on MNQ closed at the 21370 bid − 1.11 closing fees; ES closed at 5975: 0.
  expect(world.truth(A)).toEqual({ positions: [], orders: [], balance: '49676.78' });
  expect(world.truth(B)).toEqual({
    positions: [
      [ES, 1, '5975'],
      [MNQ, -1, '21450'],
    ],
    orders: [],
    balance: '49999.26',
  });
  expect(enforcementEffects(world.gateway)).toEqual(onceEach(book.stop, book.limit));
  expect(flattensOf(world.store, String(A))).toHaveLength(1);
  expect(auditOf(flatten).outcome).toBe('flat');
  expect(otherActionsOf(world.store, String(A))).toEqual([]);
  expect(flattensOf(world.store, String(B))).toEqual([]);
  const a = world.view(A);
  expect([a.tradingState, a.metrics.dailyRealizedPnl]).toEqual(['halted', realizedOf(world.gateway, A)]);
  expect(world.view(B).metrics.dailyRealizedPnl).toBe(realizedOf(world.gateway, B));
  const trades = (account: number) =>
    world.gateway.model.trades
      .filter((t) => t.accountId === account)
      .map((t) => String(t.id))
      .sort();
  expect(journaledFills(world.store, String(A))).toEqual(trades(A));
  expect(journaledFills(world.store, String(B))).toEqual(trades(B));
  expect(world.alerts()).toContain('info: Flatten complete');
  expect(world.alerts()).not.toContain('critical: Flatten FAILED: act manually');
  return auditOf(flatten).steps;
}

describe('chaos on the ProjectX link', () => {
  it('without faults: the flatten cancels each order and closes each contract once (the baseline)', async () => {
    const { world, gateway, stop, limit } = await setup();
    breach(gateway);
    const steps = await holds(world, { stop, limit });
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit));
    expect(steps).toEqual([
      ['cancelOrder', String(stop.id), 'ok'],
      ['cancelOrder', String(limit.id), 'ok'],
      ['closePosition', MNQ, 'ok'],
      ['closePosition', ES, 'ok'],
    ]);
  });

  it('delays: user-hub events 60–180 ms late, quotes 20–60 ms, every REST answer 250 ms', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.setLinkFaults('user', { delayMs: 60, jitterMs: 120 });
    gateway.setLinkFaults('market', { delayMs: 20, jitterMs: 40 });
    gateway.setRestLatency(250);
    breach(gateway);
    await holds(world, { stop, limit });
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit));
  });

  it('delays past the verify window: the retry finds the work done at the gateway and closes nothing twice', async () => {
    const { world, gateway, stop, limit } = await setup();
    // The flatten watches for 3 s, then tries again with what the engine still holds.
    gateway.setLinkFaults('user', { delayMs: 4500 });
    breach(gateway);
    const steps = await holds(world, { stop, limit });
    // Sent twice, carried out once: the second cancels and closes are refused as not found (code 2), read back
    // (Order/searchOpen, Position/searchOpen: gone), and taken as done; the read-back asks for a REST resync.
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit, 2));
    expect(steps.every(([, , ok]) => ok === 'ok')).toBe(true);
    expect(steps).toHaveLength(8);
  });

  it('reordering: each batch of user-hub events in any order across subscriptions, and a quote burst out of timestamp order', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.setLinkFaults('user', { reorder: true });
    breach(gateway);
    await holds(world, { stop, limit });
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit));
    // The closes' batches (order filled, trade, position, balance) did come out of order.
    expect(gateway.linkStats.user.reordered).toBeGreaterThan(0);

    // B is still short 1 MNQ (and long 1 ES). Three quotes arrive newest first, then the oldest, then the middle one: the
    // gateway's latest is the newest (21360), and so must B's mark be: (21450 − 21360) × 1 × $2 = 180.
    const now = Date.now();
    gateway.quoteBurst(MNQ, [
      { quote: { bestBid: 21360, bestAsk: 21360.25, lastPrice: 21360 }, at: now - 10 },
      { quote: { bestBid: 21390, bestAsk: 21390.25, lastPrice: 21390 }, at: now - 30 },
      { quote: { bestBid: 21380, bestAsk: 21380.25, lastPrice: 21380 }, at: now - 20 },
    ]);
    // A fresh quote on the other contract, after the burst on the same socket: once it is in, the burst is too.
    gateway.quote(ES, { bestBid: 5976, bestAsk: 5976.25, lastPrice: 5976 });
    await until('the quote after the burst', () => lastOf(world, ES) === '5976');
    expect(lastOf(world, MNQ)).toBe('21360');
    expect(
      world
        .view(B)
        .positions.filter((p) => p.symbol === MNQ)
        .map((p) => [p.qty, p.mark, p.unrealizedPnl]),
    ).toEqual([[-1, '21360', '180']]);
  });

  it('duplicates: every user-hub batch and every quote delivered twice', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.setLinkFaults('user', { duplicate: true });
    gateway.setLinkFaults('market', { duplicate: true });
    breach(gateway);
    await holds(world, { stop, limit });
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit));
    expect(gateway.linkStats.user.duplicated).toBeGreaterThanOrEqual(4); // two cancels, two closes
    expect(gateway.linkStats.market.duplicated).toBeGreaterThanOrEqual(2);

    // While halted the trader places a limit order and buys 1 ES: the order, reported twice, is cancelled once
    // (one cancelOrders action); the position is closed once, by a second flatten, which leaves the order to the
    // cancel already on its way.
    const order = gateway.placeOrder({
      accountId: A,
      contractId: MNQ,
      type: 1,
      side: 0,
      size: 1,
      limitPrice: 21000,
      stopPrice: null,
    });
    gateway.fill(A, ES, 0, 1, 5975);
    await until('the second flatten', () => flattensOf(world.store, String(A)).at(1)?.finishedAt != null);
    await agrees(world);
    const again = { ...onceEach(stop, limit), [`${A} cancel ${order.id}`]: 1, [`${A} close ${ES}`]: 2 };
    expect(enforcementCalls(gateway)).toEqual(again);
    expect(enforcementEffects(gateway)).toEqual(again);
    expect(otherActionsOf(world.store, String(A)).map((r) => [r.action, r.outcome])).toEqual([
      ['cancelOrders', 'done'],
    ]);
    expect(flattensOf(world.store, String(A)).map((r) => r.outcome)).toEqual(['flat', 'flat']);
    expect(world.truth(A)).toEqual({ positions: [], orders: [], balance: '49676.04' });
  });

  it('a half-closed socket: the user hub ends its write side as the first close arrives, and reads on', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.when('Position/closeContract', () => {
      gateway.halfClose('user');
    });
    breach(gateway);
    await holds(world, { stop, limit });
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit));
    // The client saw the end of the stream, connected again and reconciled from REST.
    expect(gateway.upgrades.filter((u) => u.hub === 'user').length).toBeGreaterThanOrEqual(2);
  });

  it('a quiet socket: the user hub stops sending (no pings, no events) at the breach; the server timeout notices', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.quiet('user');
    breach(gateway);
    await holds(world, { stop, limit });
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit));
    expect(gateway.upgrades.filter((u) => u.hub === 'user').length).toBeGreaterThanOrEqual(2);
  });

  it('REST calls that hang: a cancel not carried out and a close carried out, neither answered', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.script('Order/cancel', { hang: true });
    gateway.script('Position/closeContract', { hang: true, perform: true });
    breach(gateway);
    const steps = await holds(world, { stop, limit });
    // The hung cancel is read back (still working: not done) and cancelled again before its contract is closed;
    // the hung close is read back (gone: done) and not sent again.
    expect(enforcementCalls(gateway)).toEqual({ ...onceEach(stop, limit), [`${A} cancel ${stop.id}`]: 2 });
    expect(steps).toEqual([
      ['cancelOrder', String(stop.id), 'failed'],
      ['cancelOrder', String(limit.id), 'ok'],
      ['closePosition', MNQ, 'ok'],
      ['closePosition', ES, 'ok'],
    ]);
  });

  it('a token that expires mid-flatten: the first cancel is refused (401), the session logs in again and repeats it', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.when('Order/cancel', () => {
      gateway.expireTokens();
    });
    breach(gateway);
    await holds(world, { stop, limit });
    // The refused cancel was not carried out (401), so it is sent once more with the new token.
    expect(enforcementCalls(gateway)).toEqual({ ...onceEach(stop, limit), [`${A} cancel ${stop.id}`]: 2 });
    expect(gateway.callsTo('Auth/loginKey')).toHaveLength(2);
  });

  it('a reconnect storm: the user hub dropped as the flatten starts, then refused and flapping five times', async () => {
    const { world, gateway, stop, limit } = await setup();
    gateway.when('Order/cancel', () => {
      gateway.storm('user', ['refuse', 'flap', 'refuse', 'flap', 'refuse']);
      gateway.dropSockets('user');
    });
    breach(gateway);
    await holds(world, { stop, limit });
    expect(enforcementCalls(gateway)).toEqual(onceEach(stop, limit));
    expect(
      gateway.upgrades
        .filter((u) => u.hub === 'user')
        .slice(1)
        .map((u) => u.outcome),
    ).toEqual(['refused', 'flapped', 'refused', 'flapped', 'refused', 'accepted']);
  });
});

/** The last price the engine holds for a contract. */
function lastOf(world: ProjectXWorld, symbol: string): string | null | undefined {
  return world.core.view().instruments.find((i) => i.symbol === symbol)?.last;
}
