// The Tradovate adapter's live feed against the fake gateway: a fill made in the trader's platform and the quotes
// that follow arrive as exact events, in order, and the real engine values the position from them.
import { afterEach, describe, expect, it } from 'vitest';
import { apply, createEngineState, defaultEngineConfig, positionUnrealized } from '../../../main/engine';
import { dec } from '../../../shared/domain/money';
import { ACCOUNT_A, ES, MNQ } from '../../fakes/tradovate-gateway/seed';
import { plain, START, tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

const A = String(ACCOUNT_A);

describe('Tradovate adapter: live feed', () => {
  it('emits a fill, the position and exact quotes; the engine values the position from them', async () => {
    h = await tradovateHarness();
    await h.start();
    const from = h.events.length;
    h.clock.advance(1_000);
    const traded = h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
    await h.until(() => {
      expect(h.gateway.sessions('md')[0]?.quotes.has(MNQ)).toBe(true);
    });
    h.gateway.quote(MNQ, { bid: 21460, offer: 21460.25, trade: 21460.5 });
    await h.until(() => {
      expect(h.ofType('quote', from)).toHaveLength(1);
    });
    const t = START + 1_000;
    const fill = traded.events.find((e) => e.entityType === 'fill')?.entity as { id: number };
    expect(plain(h.ofType('fill', from))).toEqual([
      {
        type: 'fill',
        t,
        account: A,
        id: String(fill.id),
        orderId: String(traded.orderId),
        symbol: 'MNQZ6',
        side: 'buy',
        qty: 2,
        price: '21450',
        fees: '0',
      },
    ]);
    expect(plain(h.ofType('position', from))).toEqual([
      { type: 'position', t, account: A, symbol: 'MNQZ6', qty: 2, avgPrice: '21450' },
    ]);
    expect(plain(h.ofType('quote', from))).toEqual([
      { type: 'quote', t, symbol: 'MNQZ6', bid: '21460', ask: '21460.25', last: '21460.5' },
    ]);
    // The fill comes before the position it makes, and the quote after both.
    const kinds = h.since(from).map((e) => e.type);
    expect(kinds.indexOf('fill')).toBeLessThan(kinds.indexOf('position'));
    expect(kinds.lastIndexOf('position')).toBeLessThan(kinds.indexOf('quote'));

    const state = createEngineState(defaultEngineConfig);
    for (const event of h.events) apply(state, event);
    const position = state.accounts.get(A)?.positions.get('MNQZ6');
    if (position === undefined) throw new Error('no position in the engine');
    // (21460.5 − 21450) × 2 contracts × $2 a point.
    expect(positionUnrealized(state, position).toString()).toBe('42');
    expect(position.qty).toBe(2);
  });

  it('reads a contract the snapshot did not have, its maturity and product, before the events that waited on it', async () => {
    h = await tradovateHarness();
    const { model } = h.gateway;
    const contract = model.contracts.get(ES);
    if (contract === undefined) throw new Error('no ES contract');
    const maturity = model.contractMaturities.get(contract.contractMaturityId);
    const product = maturity === undefined ? undefined : model.products.get(maturity.productId);
    if (maturity === undefined || product === undefined) throw new Error('no ES maturity or product');
    model.contracts.delete(ES);
    model.contractMaturities.delete(maturity.id);
    model.products.delete(product.id);
    await h.start();
    expect(h.ofType('instrument').map((i) => i.symbol)).toEqual(['MNQZ6']);
    model.contracts.set(ES, contract);
    model.contractMaturities.set(maturity.id, maturity);
    model.products.set(product.id, product);
    const from = h.events.length;
    h.gateway.fill({ account: ACCOUNT_A, contract: ES, action: 'Sell', qty: 1, price: 5975 });
    await h.until(() => {
      expect(h.ofType('fill', from)).toHaveLength(1);
    });
    const kinds = h.since(from).map((e) => e.type);
    expect(kinds.indexOf('instrument')).toBeLessThan(kinds.indexOf('fill'));
    expect(plain(h.ofType('instrument', from))).toEqual([
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
    ]);
    expect(
      h.gateway.calls
        .filter((c) => c.via === 'socket' && c.endpoint.endsWith('/item'))
        .map((c) => c.endpoint),
    ).toEqual(['contract/item', 'contractMaturity/item', 'product/item']);
  });

  it('prices fills Tradovate sent without fees at the configured fees per contract', async () => {
    h = await tradovateHarness({ feesPerContract: dec('0.62') });
    await h.start();
    h.gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
    await h.until(() => {
      expect(h.ofType('fill')).toHaveLength(1);
    });
    expect(h.ofType('fill')[0]?.fees.toString()).toBe('1.24');
  });
});
