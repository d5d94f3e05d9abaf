// The Tradovate adapter's commands against the fake gateway: a close liquidates only that account's contract
// (and the position goes to 0 on the stream), a partial close is a reducing market order, a penalty ticket is
// waited out on the clock and the command sent again with it, a refusal comes back in words.
import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../../shared/domain/money';
import { ACCOUNT_A, ACCOUNT_B, ES, MNQ } from '../../fakes/tradovate-gateway/seed';
import { plain, START, tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

const A = String(ACCOUNT_A);

/** Long 2 MNQ and 1 ES in A, long 3 MNQ in B, all known to the adapter. */
async function holding() {
  h = await tradovateHarness();
  h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
  h.gateway.fill({ account: ACCOUNT_A, contract: ES, action: 'Buy', qty: 1, price: 5975 });
  h.gateway.fill({ account: ACCOUNT_B, contract: MNQ, action: 'Buy', qty: 3, price: 21450 });
  await h.start();
  h.gateway.quote(MNQ, { bid: 21455, offer: 21455.25, trade: 21455 });
  return h.events.length;
}

describe('Tradovate adapter: commands', () => {
  it('closes one account’s contract with liquidateposition, and only that one', async () => {
    const from = await holding();
    const result = await h.adapter.execute({ type: 'closePosition', account: A, symbol: 'MNQZ6' });
    expect(result.ok).toBe(true);
    expect(h.gateway.callsTo('order/liquidateposition').map((c) => [c.via, c.body])).toEqual([
      ['socket', { accountId: ACCOUNT_A, contractId: MNQ, admin: false, isAutomated: true }],
    ]);
    await h.until(() => {
      expect(plain(h.ofType('position', from))).toEqual([
        { type: 'position', t: START, account: A, symbol: 'MNQZ6', qty: 0, avgPrice: '0' },
      ]);
    });
    expect(h.gateway.callsTo('order/placeorder')).toEqual([]);
    const open = [...h.gateway.model.positions.values()].map((p) => [p.accountId, p.contractId, p.netPos]);
    expect(open).toEqual(
      expect.arrayContaining([
        [ACCOUNT_A, MNQ, 0],
        [ACCOUNT_A, ES, 1],
        [ACCOUNT_B, MNQ, 3],
      ]),
    );
  });

  it('closes part of a position with a market order the other way', async () => {
    const from = await holding();
    const result = await h.adapter.execute({ type: 'closePosition', account: A, symbol: 'MNQZ6', qty: 1 });
    expect(result.ok).toBe(true);
    expect(h.gateway.callsTo('order/placeorder').map((c) => c.body)).toEqual([
      {
        accountId: ACCOUNT_A,
        accountSpec: 'DEMO3187041',
        action: 'Sell',
        symbol: 'MNQZ6',
        orderQty: 1,
        orderType: 'Market',
        isAutomated: true,
      },
    ]);
    await h.until(() => {
      expect(h.ofType('position', from).at(-1)).toMatchObject({ account: A, symbol: 'MNQZ6', qty: 1 });
    });
    expect(h.gateway.callsTo('order/liquidateposition')).toEqual([]);
  });

  it('waits out a penalty ticket on liquidateposition and sends it again with the ticket', async () => {
    await holding();
    h.gateway.penalize('order/liquidateposition', { ticket: 'T-1', timeSec: 2 });
    const pending = h.adapter.execute({ type: 'closePosition', account: A, symbol: 'MNQZ6' });
    await h.until(() => {
      expect(h.gateway.callsTo('order/liquidateposition')).toHaveLength(1);
    });
    h.clock.advance(1_999);
    expect(h.gateway.callsTo('order/liquidateposition')).toHaveLength(1);
    h.clock.advance(1);
    expect(await pending).toMatchObject({ ok: true });
    // Sent again with the ticket once the 2 s had passed on the clock, not before.
    expect(h.gateway.ticketResends.map((c) => [c.endpoint, c.body['p-ticket'], c.at])).toEqual([
      ['order/liquidateposition', 'T-1', START + 2_000],
    ]);
  });

  it('places and cancels a limit order; a refusal is said in words', async () => {
    await holding();
    const placed = await h.adapter.execute({
      type: 'placeOrder',
      account: A,
      symbol: 'ESZ6',
      side: 'buy',
      qty: 1,
      kind: 'limit',
      limitPrice: dec('5950.25'),
    });
    if (!placed.ok || placed.orderId === undefined) throw new Error(`not placed: ${JSON.stringify(placed)}`);
    expect(h.gateway.callsTo('order/placeorder').at(-1)?.body).toMatchObject({
      orderType: 'Limit',
      price: 5950.25,
      isAutomated: true,
    });
    expect(await h.adapter.execute({ type: 'cancelOrder', account: A, orderId: placed.orderId })).toEqual({
      ok: true,
    });
    await h.until(() => {
      expect(
        h
          .ofType('order')
          .filter((o) => o.id === placed.orderId)
          .map((o) => o.status),
      ).toEqual(['working', 'cancelled']);
    });
    expect(await h.adapter.execute({ type: 'cancelOrder', account: '42', orderId: '123' })).toEqual({
      ok: false,
      error: 'account 42 is not one of the Tradovate accounts Warden has read',
    });
    expect(await h.adapter.execute({ type: 'cancelOrder', account: A, orderId: '123' })).toEqual({
      ok: false,
      error: 'Tradovate refused order/cancelorder: Order not found (UnknownReason)',
    });
  });
});
