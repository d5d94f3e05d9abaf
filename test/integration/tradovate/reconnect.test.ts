// The Tradovate adapter's reconnects against the fake gateway on the manual clock: a dropped link is told, backed
// off and rebuilt with the same token (no new login), and a fill made while it was down arrives with the re-sync;
// heartbeats keep a quiet link alive and the token is renewed before it expires, without a login.
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_A, MNQ } from '../../fakes/tradovate-gateway/seed';
import { plain, START, tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

const A = String(ACCOUNT_A);
/** One turn of Node's I/O: frames already on the wire are read (no time passes on either clock). */
const ioTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Tradovate adapter: reconnect', () => {
  it('tells a dropped link, backs off 1 s, re-syncs with the same token and delivers the fill made while down', async () => {
    h = await tradovateHarness({ resume: () => ({ lastFillAt: START, held: [] }) });
    await h.start();
    const from = h.events.length;
    h.gateway.dropSockets();
    await h.until(() => {
      expect(h.ofType('connection', from).map((e) => e.status)).toContain('reconnecting');
    });
    const traded = h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 1, price: 21455 });
    h.clock.advance(999);
    expect(h.gateway.sessions('user')).toHaveLength(0);
    h.clock.advance(1);
    await h.until(() => {
      expect(h.ofType('connection', from).at(-1)?.status).toBe('connected');
    });
    const connection = h.ofType('connection', from);
    expect(connection[0]?.detail).toMatch(/^reconnecting: the socket closed \(1006/);
    expect(connection.map((e) => e.status)).toEqual(['reconnecting', 'connected']);
    const fill = traded.events.find((e) => e.entityType === 'fill')?.entity as { id: number };
    expect(plain(h.ofType('fill', from))).toEqual([
      {
        type: 'fill',
        t: START,
        account: A,
        id: String(fill.id),
        orderId: String(traded.orderId),
        symbol: 'MNQZ6',
        side: 'buy',
        qty: 1,
        price: '21455',
        fees: '0',
      },
    ]);
    expect(plain(h.ofType('position', from))).toEqual([
      { type: 'position', t: START + 1_000, account: A, symbol: 'MNQZ6', qty: 1, avgPrice: '21455' },
    ]);
    expect(h.gateway.counts).toMatchObject({ logins: 1, renewals: 0 });
  });

  it('reports a position closed and an order cancelled while the link was down', async () => {
    h = await tradovateHarness();
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 1, price: 21450 });
    const stop = h.gateway.placeOrder({
      accountId: ACCOUNT_A,
      contract: MNQ,
      action: 'Sell',
      orderQty: 1,
      orderType: 'Stop',
      stopPrice: 21400,
    });
    await h.start();
    const from = h.events.length;
    h.gateway.dropSockets();
    await h.until(() => {
      expect(h.ofType('connection', from).map((e) => e.status)).toContain('reconnecting');
    });
    h.gateway.cancelOrder(Number(stop.orderId));
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Sell', qty: 1, price: 21460 });
    h.clock.advance(1_000);
    await h.until(() => {
      expect(h.ofType('connection', from).at(-1)?.status).toBe('connected');
    });
    expect(plain(h.ofType('position', from))).toEqual([
      { type: 'position', t: START + 1_000, account: A, symbol: 'MNQZ6', qty: 0, avgPrice: '0' },
    ]);
    expect(h.ofType('order', from).map((o) => [o.id, o.status])).toEqual([
      [String(stop.orderId), 'cancelled'],
    ]);
  });

  it('reconnects at once when asked, and after a shutdown push backs off first', async () => {
    h = await tradovateHarness();
    await h.start();
    let from = h.events.length;
    expect(h.adapter.reconnect('the machine woke')).toBe(true);
    await h.until(() => {
      expect(h.ofType('connection', from).at(-1)?.status).toBe('connected');
    });
    expect(plain(h.ofType('connection', from))).toEqual([
      {
        type: 'connection',
        t: START,
        status: 'reconnecting',
        detail: 'reconnecting: the machine woke',
        asked: true,
      },
      { type: 'connection', t: START, status: 'connected' },
    ]);
    expect(h.ofType('account', from)).toHaveLength(2);

    from = h.events.length;
    h.gateway.shutdown('user');
    await h.until(() => {
      expect(h.ofType('connection', from)).toHaveLength(1);
    });
    expect(h.ofType('connection', from)[0]?.detail).toBe(
      'reconnecting: Tradovate is shutting the link down (Maintenance)',
    );
    h.clock.advance(1_000);
    await h.until(() => {
      expect(h.ofType('connection', from).at(-1)?.status).toBe('connected');
    });
    expect(h.gateway.counts).toMatchObject({ logins: 1 });
  });

  it('logs in again, once and not before 5 minutes since the last login, when the server refuses the token and its renewal', async () => {
    h = await tradovateHarness();
    await h.start();
    const from = h.events.length;
    h.gateway.expireTokens();
    h.gateway.dropSockets();
    await h.until(() => {
      expect(h.ofType('connection', from)).toHaveLength(1);
    });
    // Each step fires the wait before the next attempt (at most 30 s), then lets that attempt end.
    while (h.ofType('connection', from).at(-1)?.status !== 'connected') {
      const told = h.ofType('connection', from).length;
      h.clock.advance(30_000);
      await h.until(() => {
        expect(h.ofType('connection', from).length).toBeGreaterThan(told);
      });
      expect(h.clock.now()).toBeLessThan(START + 10 * 60_000);
    }
    expect(h.gateway.counts).toMatchObject({ logins: 2 });
    const login = h.gateway.callsTo('auth/accesstokenrequest').map((c) => c.at);
    expect(login[1]).toBeGreaterThanOrEqual(START + 5 * 60_000);
  });

  it('stops for good: nothing more is emitted, no reconnect is made, and reconnect answers false', async () => {
    h = await tradovateHarness();
    expect(h.adapter.reconnect('before start')).toBe(false);
    await h.start();
    h.gateway.dropSockets();
    await h.until(() => {
      expect(h.ofType('connection').at(-1)?.status).toBe('reconnecting');
    });
    await h.adapter.stop();
    await h.until(() => {
      expect(h.gateway.sessions()).toEqual([]);
    });
    // No timer of the adapter's is left (the renewal, the wait before a reconnect, heartbeats, market data).
    expect(h.clock.pendingTimers()).toBe(0);
    const told = h.events.length;
    h.clock.advance(60_000);
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 1, price: 21450 });
    expect(h.adapter.reconnect('after stop')).toBe(false);
    expect(h.events.length).toBe(told);
    expect(h.gateway.counts).toMatchObject({ logins: 1 });
  });

  it('keeps a quiet link alive with heartbeats for 60 s and renews the token without logging in again', async () => {
    // Tokens last 5.6 minutes: renewed 5 minutes before expiry, 36 s in (and next at 72 s).
    h = await tradovateHarness({ gateway: { tokenLifetimeMs: 336_000 } });
    await h.start();
    const from = h.events.length;
    for (let elapsed = 0; elapsed < 60_000; elapsed += 500) {
      h.clock.advance(500);
      await ioTurn();
      await ioTurn();
    }
    await h.until(() => {
      expect(h.gateway.counts).toMatchObject({ logins: 1, renewals: 1 });
    });
    expect(h.ofType('connection', from)).toEqual([]);
    expect(h.gateway.sessions('user')).toHaveLength(1);
    // Still alive: a push reaches the adapter.
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Sell', qty: 1, price: 21440 });
    await h.until(() => {
      expect(h.ofType('fill', from)).toHaveLength(1);
    });
  });
});
