// Two Tradovate requests refused for their token (401) at about the same time, against the fake gateway on the
// manual clock: they share one renewal, and each is sent once more with the new token. The second refusal may
// come back after the first one's renewal is done; it must not renew again.
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_A, ES, MNQ } from '../../fakes/tradovate-gateway/seed';
import { tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

const A = String(ACCOUNT_A);

/** Long 2 MNQ and 1 ES in A; the user socket then dropped and refused, so commands go over REST. */
async function holdingOverRest() {
  h = await tradovateHarness();
  h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
  h.gateway.fill({ account: ACCOUNT_A, contract: ES, action: 'Buy', qty: 1, price: 5975 });
  await h.start();
  h.gateway.quote(MNQ, { bid: 21455, offer: 21455.25, trade: 21455 });
  h.gateway.quote(ES, { bid: 5975, offer: 5975.25, trade: 5975 });
  const from = h.events.length;
  h.gateway.refuseConnections('user', 100);
  h.gateway.dropSockets('user');
  await h.until(() => {
    expect(h.ofType('connection', from).map((e) => e.status)).toContain('reconnecting');
  });
}

describe('Tradovate adapter: two requests refused for their token', () => {
  it.each([
    { what: 'together', secondLateMs: 0 },
    { what: 'the second after the first one’s renewal is done', secondLateMs: 1_000 },
  ])('answered 401 $what: one renewal, each liquidation sent once more with the new token', async (row) => {
    await holdingOverRest();
    const liquidations = () => h.gateway.callsTo('order/liquidateposition');
    h.gateway.script('order/liquidateposition', { status: 401, body: 'Access is denied' });
    h.gateway.script('order/liquidateposition', {
      status: 401,
      body: 'Access is denied',
      delayMs: row.secondLateMs,
    });
    const closed = [
      h.adapter.execute({ type: 'closePosition', account: A, symbol: 'MNQZ6' }),
      h.adapter.execute({ type: 'closePosition', account: A, symbol: 'ESZ6' }),
    ];
    // The first refusal renewed the token and its liquidation went again (the second still unanswered, if late).
    await h.until(() => {
      expect(liquidations().length).toBeGreaterThanOrEqual(3);
    });
    expect(h.gateway.counts).toMatchObject({ logins: 1, renewals: 1 });
    h.clock.advance(row.secondLateMs);
    expect((await Promise.all(closed)).map((result) => result.ok)).toEqual([true, true]);
    expect(h.gateway.counts).toEqual({ logins: 1, renewals: 1 });
    // Two refused with the first token, then each sent once more with the renewed one, all over REST.
    expect(liquidations().map((c) => c.via)).toEqual(['http', 'http', 'http', 'http']);
    expect(h.gateway.effects.map((e) => (e.kind === 'liquidate' ? [e.contractId, e.qty] : e.kind))).toEqual(
      expect.arrayContaining([
        [MNQ, 2],
        [ES, 1],
      ]),
    );
    expect(h.gateway.effects).toHaveLength(2);
  });
});
