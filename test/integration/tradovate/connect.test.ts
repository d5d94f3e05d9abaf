// The Tradovate adapter's connect against the fake gateway: one login, the user socket authorized, the sync
// snapshot emitted as exact events (with what the engine holds but the broker no longer lists closed and
// cancelled, and fills only from the resume point on), then `connected`.
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_A, ACCOUNT_B, MNQ } from '../../fakes/tradovate-gateway/seed';
import { plain, START, tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

const A = String(ACCOUNT_A);
const B = String(ACCOUNT_B);
const account = (id: string, name: string, balance: string) => ({
  type: 'account',
  t: START,
  account: id,
  balance,
  name,
  canTrade: true,
  usedMargin: '0',
});
const instruments = [
  {
    type: 'instrument',
    t: START,
    symbol: 'MNQZ6',
    tickSize: '0.25',
    tickValue: '0.5',
    currency: 'USD',
    name: 'Micro E-mini Nasdaq-100',
    underlying: 'NQ',
  },
  {
    type: 'instrument',
    t: START,
    symbol: 'ESZ6',
    tickSize: '0.25',
    tickValue: '12.5',
    currency: 'USD',
    name: 'E-mini S&P 500',
    underlying: 'ES',
  },
];

describe('Tradovate adapter: connect', () => {
  it('logs in once, syncs and emits instruments, accounts, then connected', async () => {
    h = await tradovateHarness();
    await h.start();
    expect(plain(h.events)).toEqual([
      { type: 'connection', t: START, status: 'connecting' },
      ...instruments,
      account(A, 'DEMO3187041', '50000'),
      account(B, 'DEMO3187042', '50000'),
      { type: 'connection', t: START, status: 'connected' },
    ]);
    expect(h.gateway.counts).toMatchObject({ logins: 1, renewals: 0 });
  });

  it('emits open positions, working orders and recent fills, and closes what the engine holds that is gone', async () => {
    h = await tradovateHarness({
      resume: () => ({
        lastFillAt: START + 1,
        held: [
          {
            account: B,
            positions: ['ESZ6'],
            orders: [{ id: '999', symbol: 'ESZ6', side: 'buy', kind: 'limit', qty: 1 }],
          },
        ],
      }),
    });
    const old = h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 1, price: 21440 });
    h.clock.advance(60_000);
    const recent = h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 1, price: 21460 });
    const stop = h.gateway.placeOrder({
      accountId: ACCOUNT_A,
      contract: MNQ,
      action: 'Sell',
      orderQty: 2,
      orderType: 'Stop',
      stopPrice: 21400,
    });
    await h.start();
    const now = START + 60_000;
    const at = (event: object) => ({ ...event, t: now });
    expect(plain(h.events)).toEqual([
      { type: 'connection', t: START + 60_000, status: 'connecting' },
      ...instruments.map(at),
      at(account(A, 'DEMO3187041', '50000')),
      at(account(B, 'DEMO3187042', '50000')),
      {
        type: 'fill',
        t: now,
        account: A,
        id: fillIdOf(recent.events),
        orderId: String(recent.orderId),
        symbol: 'MNQZ6',
        side: 'buy',
        qty: 1,
        price: '21460',
        fees: '0',
      },
      { type: 'position', t: now, account: A, symbol: 'MNQZ6', qty: 2, avgPrice: '21450' },
      { type: 'position', t: now, account: B, symbol: 'ESZ6', qty: 0, avgPrice: '0' },
      {
        type: 'order',
        t: now,
        account: A,
        id: String(stop.orderId),
        symbol: 'MNQZ6',
        side: 'sell',
        kind: 'stop',
        qty: 2,
        status: 'working',
        stopPrice: '21400',
      },
      {
        type: 'order',
        t: now,
        account: B,
        id: '999',
        symbol: 'ESZ6',
        side: 'buy',
        kind: 'limit',
        qty: 1,
        status: 'cancelled',
      },
      { type: 'connection', t: now, status: 'connected' },
    ]);
    expect(old.orderId).not.toBe(recent.orderId);
  });
});

/** The id of the fill a fake trade made. */
function fillIdOf(events: { entityType: string; entity: object }[]): string {
  const fill = events.find((e) => e.entityType === 'fill');
  if (fill === undefined) throw new Error('no fill');
  return String((fill.entity as { id: number }).id);
}
