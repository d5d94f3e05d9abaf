// Market data missing on the fake gateway: silent after subscribing, or refused. The adapter says so in the
// connection's detail and polls the cash-balance snapshots every 2 s of the clock instead; the mark an account's
// open P&L implies reaches the real engine as a `last` quote, so it still values the position exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { apply, createEngineState, defaultEngineConfig, positionUnrealized } from '../../../main/engine';
import { ACCOUNT_A, ACCOUNT_B, MNQ } from '../../fakes/tradovate-gateway/seed';
import { plain, START, tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

const A = String(ACCOUNT_A);
const ioTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Moves the clock to `at` in heartbeat-sized steps, letting frames through between them. */
async function advanceTo(at: number): Promise<void> {
  while (h.clock.now() < at) {
    h.clock.advance(Math.min(500, at - h.clock.now()));
    await ioTurn();
    await ioTurn();
  }
}

function engineUnrealized(): string {
  const state = createEngineState(defaultEngineConfig);
  for (const event of h.events) apply(state, event);
  const position = state.accounts.get(A)?.positions.get('MNQZ6');
  if (position === undefined) throw new Error('no position in the engine');
  return positionUnrealized(state, position).toString();
}

describe('Tradovate adapter: no market data', () => {
  it('after 10 s without a quote, says so and values the position from snapshots polled every 2 s', async () => {
    h = await tradovateHarness();
    h.gateway.setMarketData('silent');
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
    h.gateway.quote(MNQ, { bid: 21460, offer: 21460.25, trade: 21460.5 });
    await h.start();
    await h.until(() => {
      expect(h.gateway.sessions('md')[0]?.quotes.has(MNQ)).toBe(true);
    });
    const from = h.events.length;
    await advanceTo(START + 9_999);
    expect(h.ofType('connection', from)).toEqual([]);
    await advanceTo(START + 10_000);
    expect(plain(h.ofType('connection', from))).toEqual([
      {
        type: 'connection',
        t: START + 10_000,
        status: 'connected',
        detail: 'P&L from broker snapshots (2 s): no market data (no quote in 10 s)',
      },
    ]);
    await advanceTo(START + 12_000);
    await h.until(() => {
      expect(h.ofType('quote', from)).toHaveLength(1);
    });
    const calls = h.gateway.callsTo('cashBalance/getcashbalancesnapshot');
    expect(calls.map((c) => [c.at, c.body.accountId])).toEqual([
      [START + 12_000, ACCOUNT_A],
      [START + 12_000, ACCOUNT_B],
    ]);
    expect(plain(h.ofType('quote', from))).toEqual([
      { type: 'quote', t: START + 12_000, symbol: 'MNQZ6', last: '21460.5' },
    ]);
    // (21460.5 − 21450) × 2 contracts × $2 a point, from the broker's open P&L alone.
    expect(engineUnrealized()).toBe('42');
    h.gateway.quote(MNQ, { trade: 21440 });
    await advanceTo(START + 14_000);
    await h.until(() => {
      expect(h.ofType('quote', from)).toHaveLength(2);
    });
    expect(h.ofType('quote', from).at(-1)?.last?.toString()).toBe('21440');
    expect(engineUnrealized()).toBe('-40');
  });

  it('quotes that stop for 30 s fall back to snapshots; quotes that come back end it', async () => {
    h = await tradovateHarness();
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
    await h.start();
    await h.until(() => {
      expect(h.gateway.sessions('md')[0]?.quotes.has(MNQ)).toBe(true);
    });
    const from = h.events.length;
    h.gateway.quote(MNQ, { bid: 21460, offer: 21460.25, trade: 21460 });
    await h.until(() => {
      expect(h.ofType('quote', from)).toHaveLength(1);
    });
    expect(h.adapter.pnlSource()).toEqual({ source: 'quotes' });

    h.gateway.setMarketData('silent');
    await advanceTo(START + 29_999);
    expect(h.ofType('connection', from)).toEqual([]);
    await advanceTo(START + 30_000);
    expect(plain(h.ofType('connection', from))).toEqual([
      {
        type: 'connection',
        t: START + 30_000,
        status: 'connected',
        detail: 'P&L from broker snapshots (2 s): no market data (quotes stopped 30 s ago)',
      },
    ]);
    await advanceTo(START + 32_000);
    await h.until(() => {
      expect(h.adapter.pnlSource()).toEqual({
        source: 'snapshots',
        everyMs: 2_000,
        lastAt: START + 32_000,
        why: 'quotes stopped 30 s ago',
      });
    });

    h.gateway.setMarketData('live');
    h.gateway.quote(MNQ, { bid: 21470, offer: 21470.25, trade: 21470 });
    await h.until(() => {
      expect(h.ofType('connection', from)).toHaveLength(2);
    });
    expect(plain(h.ofType('connection', from).slice(-1))).toEqual([
      { type: 'connection', t: START + 32_000, status: 'connected' },
    ]);
    expect(h.adapter.pnlSource()).toEqual({ source: 'quotes' });
    const polled = h.gateway.callsTo('cashBalance/getcashbalancesnapshot').length;
    await advanceTo(START + 40_000);
    expect(h.gateway.callsTo('cashBalance/getcashbalancesnapshot')).toHaveLength(polled);
  });

  it('falls back at once when the market-data socket refuses the token', async () => {
    h = await tradovateHarness();
    h.gateway.setMarketData('refuse');
    await h.start();
    expect(h.ofType('connection').map((e) => [e.status, e.detail])).toEqual([
      ['connecting', undefined],
      [
        'connected',
        'P&L from broker snapshots (2 s): no market data (authorize: the token was refused (401))',
      ],
    ]);
    await advanceTo(START + 2_000);
    await h.until(() => {
      expect(h.gateway.callsTo('cashBalance/getcashbalancesnapshot')).toHaveLength(2);
    });
    expect(h.gateway.callsTo('cashBalance/getcashbalancesnapshot').map((c) => c.body.accountId)).toEqual([
      ACCOUNT_A,
      ACCOUNT_B,
    ]);
  });

  it('pauses polling for a minute after a rate limit', async () => {
    h = await tradovateHarness();
    h.gateway.setMarketData('refuse');
    await h.start();
    h.gateway.tooManyRequests(1);
    await advanceTo(START + 2_000);
    await h.until(() => {
      expect(h.logger.lines.some((l) => l.message === 'Tradovate: snapshot polling paused')).toBe(true);
    });
    const snapshots = () => h.gateway.callsTo('cashBalance/getcashbalancesnapshot').map((c) => c.at - START);
    expect(snapshots()).toEqual([2_000]);
    await advanceTo(START + 61_999);
    expect(snapshots()).toEqual([2_000]);
    await advanceTo(START + 62_000);
    await h.until(() => {
      expect(snapshots()).toEqual([2_000, 62_000, 62_000]);
    });
  });

  it('quotes that only come stale are not flowing: 30 s of them fall back to snapshots, and one does not end it', async () => {
    h = await tradovateHarness();
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
    await h.start();
    await h.until(() => {
      expect(h.gateway.sessions('md')[0]?.quotes.has(MNQ)).toBe(true);
    });
    const from = h.events.length;
    // The newest quote, stamped a minute ahead; every later one is stamped before it, so each is dropped.
    h.gateway.quoteBurst(MNQ, [{ quote: { bid: 21460, offer: 21460.25, trade: 21460 }, at: START + 60_000 }]);
    await h.until(() => {
      expect(h.ofType('quote', from)).toHaveLength(1);
    });
    const stale = async (at: number) => {
      const dropped = droppedQuotes();
      await advanceTo(at);
      h.gateway.quoteBurst(MNQ, [{ quote: { bid: 21300, offer: 21300.25, trade: 21300 }, at: START }]);
      await h.until(() => {
        expect(droppedQuotes()).toBe(dropped + 1);
      });
    };
    for (const at of [5_000, 10_000, 15_000, 20_000, 25_000]) await stale(START + at);
    await advanceTo(START + 29_999);
    expect(h.ofType('connection', from)).toEqual([]);
    await advanceTo(START + 30_000);
    expect(plain(h.ofType('connection', from))).toEqual([
      {
        type: 'connection',
        t: START + 30_000,
        status: 'connected',
        detail: 'P&L from broker snapshots (2 s): no market data (quotes stopped 30 s ago)',
      },
    ]);
    await stale(START + 31_000);
    expect(h.adapter.pnlSource()).toMatchObject({ source: 'snapshots', why: 'quotes stopped 30 s ago' });
    expect(h.ofType('connection', from)).toHaveLength(1);
    // No stale quote was passed on (the first snapshot poll is due at 32 s): the newest one is the only quote.
    expect(h.ofType('quote', from).map((q) => q.last?.toString())).toEqual(['21460']);
  });
});

/** How many quotes the adapter dropped as older than the newest taken (its debug log says so each time). */
function droppedQuotes(): number {
  return h.logger.lines.filter((line) => line.message.includes('older than the newest taken, dropped'))
    .length;
}
