// Market orders through the simulated broker: the numbers a trader checks on a statement.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, START_MS, order, plainAll, startSim, trading } from './sim-harness';

describe('market orders, fees, realized P&L and balance', () => {
  it('buy 2 MNQ at the ask, sell 2 at the bid: fill prices, fees, realized P&L, balance', async () => {
    const sim = await startSim();
    sim.broker.setPrice('MNQ', '21000'); // bid 21000, ask 21000.25
    sim.take();
    const bought = await sim.broker.execute(order({ symbol: 'MNQ', side: 'buy', qty: 2, kind: 'market' }));
    expect(bought.ok).toBe(true);
    const orderId = bought.ok ? bought.orderId : undefined;
    expect(plainAll(sim.take())).toEqual([
      {
        type: 'order',
        t: START_MS,
        account: ACCOUNT,
        id: orderId,
        symbol: 'MNQ',
        side: 'buy',
        kind: 'market',
        qty: 2,
        status: 'filled',
        filledQty: 2,
      },
      {
        type: 'fill',
        t: START_MS,
        account: ACCOUNT,
        id: expect.any(String) as string,
        orderId,
        symbol: 'MNQ',
        side: 'buy',
        qty: 2,
        price: '21000.25',
        fees: '0.74',
      },
      { type: 'position', t: START_MS, account: ACCOUNT, symbol: 'MNQ', qty: 2, avgPrice: '21000.25' },
      {
        type: 'account',
        t: START_MS,
        account: ACCOUNT,
        balance: '49999.26',
        name: 'Sim 50K',
        canTrade: true,
        usedMargin: '200',
      },
    ]);

    sim.clock.advance(1000);
    sim.broker.setPrice('MNQ', '21010.50');
    sim.take();
    await sim.broker.execute(order({ symbol: 'MNQ', side: 'sell', qty: 2, kind: 'market' }));
    expect(plainAll(trading(sim.take()))).toMatchObject([
      { type: 'order', status: 'filled', side: 'sell', filledQty: 2 },
      {
        type: 'fill',
        t: START_MS + 1000,
        side: 'sell',
        qty: 2,
        price: '21010.5',
        fees: '0.74',
        realizedPnl: '41',
      },
      { type: 'position', qty: 0 },
      { type: 'account', balance: '50039.52', usedMargin: '0' },
    ]);
    await sim.broker.stop();
  });

  it.each([
    // symbol, bid at entry, side, qty, bid at exit, realized, fees per fill, balance after the round trip
    ['ES', '6000', 'buy', 1, '6010', '487.5', '1.4', '50484.7'], // in at the ask 6000.25, out at 6010
    ['ES', '6000', 'sell', 2, '5990', '975', '2.8', '50969.4'], // in at the bid 6000, out at the ask 5990.25
    ['MES', '6000', 'buy', 3, '5995.5', '-71.25', '1.11', '49926.53'],
    ['NQ', '21000', 'sell', 1, '21100', '-2005', '1.4', '47992.2'],
    ['CL', '70', 'buy', 1, '70.5', '490', '1.52', '50486.96'],
    ['GC', '2600', 'sell', 1, '2590', '990', '1.62', '50986.76'],
  ] as const)(
    '%s: bid %s, %s %d, exit bid %s → realized %s, fees %s a fill, balance %s',
    async (symbol, entryBid, side, qty, exitBid, realized, fees, balance) => {
      const sim = await startSim();
      sim.broker.setPrice(symbol, entryBid);
      await sim.broker.execute(order({ symbol, side, qty, kind: 'market' }));
      sim.broker.setPrice(symbol, exitBid);
      sim.take();
      await sim.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol });
      expect(plainAll(trading(sim.take()))).toMatchObject([
        { type: 'order', kind: 'market', tag: 'close', status: 'filled' },
        { type: 'fill', qty, fees, realizedPnl: realized },
        { type: 'position', qty: 0 },
        { type: 'account', balance },
      ]);
      await sim.broker.stop();
    },
  );

  it('a partial close realizes the closed part by average cost and leaves the average unchanged', async () => {
    const sim = await startSim();
    sim.broker.setPrice('MNQ', '21000');
    await sim.broker.execute(order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' })); // 21000.25
    sim.broker.setPrice('MNQ', '21001');
    await sim.broker.execute(order({ symbol: 'MNQ', side: 'buy', qty: 2, kind: 'market' })); // 21001.25
    const added = trading(sim.take()).filter((e) => e.type === 'position');
    expect(plainAll(added).at(-1)).toMatchObject({
      qty: 3,
      avgPrice: '21000.91666666666666666666666666666666667',
    });

    sim.broker.setPrice('MNQ', '21010');
    sim.take();
    const result = await sim.broker.execute({
      type: 'closePosition',
      account: ACCOUNT,
      symbol: 'MNQ',
      qty: 1,
    });
    expect(result.ok).toBe(true);
    expect(plainAll(trading(sim.take()))).toMatchObject([
      { type: 'order', side: 'sell', qty: 1, status: 'filled' },
      // (21010 − 21000.91666…) × 1 × 2 = 18.1666… settled in cents
      { type: 'fill', qty: 1, price: '21010', fees: '0.37', realizedPnl: '18.17' },
      { type: 'position', qty: 2, avgPrice: '21000.91666666666666666666666666666666667' },
      { type: 'account', balance: '50016.69' }, // 50000 − 0.37 − 0.74 − 0.37 + 18.17
    ]);

    sim.take();
    await sim.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: 'MNQ' });
    // the rest: (21010 − 21000.91666…) × 2 × 2 = 36.333… → 36.33; the round trip made 54.5 gross in all
    expect(plainAll(trading(sim.take()))).toMatchObject([
      { type: 'order' },
      { type: 'fill', qty: 2, realizedPnl: '36.33', fees: '0.74' },
      { type: 'position', qty: 0 },
      { type: 'account', balance: '50052.28' },
    ]);
    await sim.broker.stop();
  });

  it('a full close of a position with a repeating average settles exactly', async () => {
    const sim = await startSim();
    for (const bid of ['21000', '21000.25', '21001']) {
      sim.broker.setPrice('MNQ', bid);
      await sim.broker.execute(order({ symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' }));
    }
    // bought at 21000.25, 21000.5, 21001.25 (sum 63002); sold 3 at 21010: (63030 − 63002) × 2 = 56
    sim.broker.setPrice('MNQ', '21010');
    sim.take();
    await sim.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: 'MNQ' });
    expect(plainAll(trading(sim.take()))[1]).toMatchObject({ type: 'fill', qty: 3, realizedPnl: '56' });
    await sim.broker.stop();
  });

  it('a reversal closes the old side and opens the new one in one fill', async () => {
    const sim = await startSim();
    sim.broker.setPrice('MNQ', '21000');
    await sim.broker.execute(order({ symbol: 'MNQ', side: 'buy', qty: 2, kind: 'market' })); // long 2 at 21000.25
    sim.broker.setPrice('MNQ', '20990');
    sim.take();
    await sim.broker.execute(order({ symbol: 'MNQ', side: 'sell', qty: 5, kind: 'market' }));
    expect(plainAll(trading(sim.take()))).toMatchObject([
      { type: 'order', qty: 5, status: 'filled' },
      // (20990 − 21000.25) × 2 × 2 = −41 on the closed 2; fees on all 5
      { type: 'fill', qty: 5, price: '20990', fees: '1.85', realizedPnl: '-41' },
      { type: 'position', qty: -3, avgPrice: '20990' },
      { type: 'account', balance: '49956.41', usedMargin: '300' }, // 50000 − 0.74 − 1.85 − 41
    ]);

    sim.broker.setPrice('MNQ', '20980');
    sim.take();
    await sim.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: 'MNQ' });
    // short 3 at 20990 bought back at the ask 20980.25: (20990 − 20980.25) × 3 × 2 = 58.5
    expect(plainAll(trading(sim.take()))[1]).toMatchObject({
      side: 'buy',
      qty: 3,
      price: '20980.25',
      realizedPnl: '58.5',
    });
    await sim.broker.stop();
  });

  it('opening fills carry no realized P&L', async () => {
    const sim = await startSim();
    await sim.broker.execute(order({ symbol: 'ES', side: 'sell', qty: 1, kind: 'market' }));
    const fill = trading(sim.take()).find((e) => e.type === 'fill');
    expect(fill).toBeDefined();
    expect(fill).not.toHaveProperty('realizedPnl');
    await sim.broker.stop();
  });

  it('fill and order ids never repeat', async () => {
    const sim = await startSim();
    for (let i = 0; i < 20; i++) {
      await sim.broker.execute(
        order({ symbol: 'MES', side: i % 3 === 0 ? 'sell' : 'buy', qty: 1, kind: 'market' }),
      );
    }
    const fills = sim.events.filter((e) => e.type === 'fill');
    const orders = new Set(sim.events.filter((e) => e.type === 'order').map((e) => e.id));
    expect(new Set(fills.map((f) => f.id)).size).toBe(20);
    expect(orders.size).toBe(20);
    await sim.broker.stop();
  });
});
