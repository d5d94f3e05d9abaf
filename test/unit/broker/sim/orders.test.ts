// Resting orders against a scripted price path: limits fill at their price, stops at market once touched,
// brackets protect the position one-cancels-other and never outgrow it.
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../../../shared/domain/events';
import { ACCOUNT, order, plainAll, startSim, trading, type Harness } from './sim-harness';

/** A started broker with MNQ at bid 21000, ask 21000.25. */
async function mnqAt21000(): Promise<Harness> {
  const sim = await startSim();
  sim.broker.setPrice('MNQ', '21000');
  return sim;
}

/** Sets MNQ's bid (the ask is one tick above) and returns what happened besides quotes. */
function priceTo(sim: Harness, bid: string): Record<string, unknown>[] {
  sim.take();
  sim.broker.setPrice('MNQ', bid);
  return plainAll(trading(sim.take()));
}

async function placed(
  sim: Harness,
  fields: Parameters<typeof order>[0],
): Promise<{ id: string; events: BrokerEvent[] }> {
  sim.take();
  const result = await sim.broker.execute(order(fields));
  if (!result.ok) throw new Error(result.error);
  return { id: result.orderId ?? '', events: sim.take() };
}

describe('limit orders', () => {
  it('a buy limit rests until the ask reaches it, then fills at the limit', async () => {
    const sim = await startSim();
    sim.broker.setPrice('MNQ', '21000'); // ask 21000.25
    const { id, events } = await placed(sim, {
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'limit',
      limitPrice: '20990',
    });
    expect(plainAll(events)).toMatchObject([
      { type: 'order', id, status: 'working', limitPrice: '20990', filledQty: 0 },
    ]);
    expect(priceTo(sim, '20990')).toEqual([]); // ask 20990.25: not yet
    expect(priceTo(sim, '20989.75')).toMatchObject([
      { type: 'order', id, status: 'filled', filledQty: 1 },
      { type: 'fill', orderId: id, side: 'buy', price: '20990', fees: '0.37' },
      { type: 'position', qty: 1, avgPrice: '20990' },
      { type: 'account', balance: '49999.63' },
    ]);
    await sim.broker.stop();
  });

  it('a resting limit gapped through fills at its limit price', async () => {
    const sim = await mnqAt21000();
    await placed(sim, { symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit', limitPrice: '20990' });
    expect(priceTo(sim, '20950')[1]).toMatchObject({ type: 'fill', price: '20990' });
    await sim.broker.stop();
  });

  it('a sell limit fills when the bid reaches it', async () => {
    const sim = await mnqAt21000();
    await placed(sim, { symbol: 'MNQ', side: 'sell', qty: 2, kind: 'limit', limitPrice: '21010' });
    expect(priceTo(sim, '21009.75')).toEqual([]);
    expect(priceTo(sim, '21010')[1]).toMatchObject({ type: 'fill', side: 'sell', qty: 2, price: '21010' });
    await sim.broker.stop();
  });

  it('a limit already through the market fills at once at the better market price', async () => {
    const sim = await mnqAt21000();
    const buy = await placed(sim, { symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit', limitPrice: '21005' });
    expect(plainAll(trading(buy.events))).toMatchObject([
      { type: 'order', status: 'filled', limitPrice: '21005' },
      { type: 'fill', price: '21000.25' },
      { type: 'position' },
      { type: 'account' },
    ]);
    const sell = await placed(sim, {
      symbol: 'MNQ',
      side: 'sell',
      qty: 1,
      kind: 'limit',
      limitPrice: '20995',
    });
    expect(plainAll(sell.events)[1]).toMatchObject({ type: 'fill', price: '21000' });
    await sim.broker.stop();
  });
});

describe('stop orders', () => {
  it('a buy stop triggers when the ask reaches it and fills at the ask', async () => {
    const sim = await mnqAt21000();
    const { id } = await placed(sim, {
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'stop',
      stopPrice: '21010',
    });
    expect(priceTo(sim, '21009.5')).toEqual([]); // ask 21009.75
    expect(priceTo(sim, '21009.75')).toMatchObject([
      { type: 'order', id, status: 'filled', stopPrice: '21010' },
      { type: 'fill', price: '21010' },
      { type: 'position', qty: 1 },
      { type: 'account' },
    ]);
    await sim.broker.stop();
  });

  it('a buy stop gapped through fills at the market, worse than the stop', async () => {
    const sim = await mnqAt21000();
    await placed(sim, { symbol: 'MNQ', side: 'buy', qty: 1, kind: 'stop', stopPrice: '21010' });
    expect(priceTo(sim, '21020')[1]).toMatchObject({ type: 'fill', price: '21020.25' });
    await sim.broker.stop();
  });

  it('a sell stop triggers when the bid reaches it; in a gap it fills at the bid', async () => {
    const sim = await mnqAt21000();
    await placed(sim, { symbol: 'MNQ', side: 'sell', qty: 1, kind: 'stop', stopPrice: '20990' });
    await placed(sim, { symbol: 'MNQ', side: 'sell', qty: 1, kind: 'stop', stopPrice: '20980' });
    expect(priceTo(sim, '20990.25')).toEqual([]);
    expect(priceTo(sim, '20990')[1]).toMatchObject({ type: 'fill', side: 'sell', price: '20990' });
    expect(priceTo(sim, '20970')[1]).toMatchObject({ type: 'fill', side: 'sell', price: '20970' });
    await sim.broker.stop();
  });

  it('a micro and its mini quote the same market: moving NQ works MNQ orders', async () => {
    const sim = await startSim();
    sim.broker.setPrice('NQ', '21000');
    await placed(sim, { symbol: 'MNQ', side: 'buy', qty: 1, kind: 'limit', limitPrice: '20990' });
    sim.take();
    sim.broker.setPrice('NQ', '20980');
    const events = sim.take();
    expect(events.filter((e) => e.type === 'quote').map((e) => e.symbol)).toEqual(['NQ', 'MNQ']);
    expect(plainAll(trading(events))[1]).toMatchObject({ type: 'fill', symbol: 'MNQ', price: '20990' });
    await sim.broker.stop();
  });
});

describe('brackets (stop loss and take profit)', () => {
  const entry = {
    symbol: 'MNQ',
    side: 'buy',
    qty: 2,
    kind: 'market',
    stopLossPrice: '20990',
    takeProfitPrice: '21020',
  } as const;

  it('are placed as working orders on the opposite side when the entry fills', async () => {
    const sim = await mnqAt21000();
    const { events } = await placed(sim, entry);
    expect(plainAll(events)).toMatchObject([
      { type: 'order', kind: 'market', status: 'filled' },
      { type: 'fill', price: '21000.25' },
      { type: 'position', qty: 2 },
      { type: 'account' },
      {
        type: 'order',
        side: 'sell',
        kind: 'stop',
        qty: 2,
        stopPrice: '20990',
        status: 'working',
        tag: 'stop-loss',
      },
      {
        type: 'order',
        side: 'sell',
        kind: 'limit',
        qty: 2,
        limitPrice: '21020',
        status: 'working',
        tag: 'take-profit',
      },
    ]);
    await sim.broker.stop();
  });

  it('the take profit fills and cancels the stop loss (one-cancels-other)', async () => {
    const sim = await mnqAt21000();
    const { events } = await placed(sim, entry);
    const [stopLoss, takeProfit] = events.slice(4).map((e) => (e.type === 'order' ? e.id : ''));
    expect(priceTo(sim, '21020')).toMatchObject([
      { type: 'order', id: takeProfit, status: 'filled' },
      { type: 'fill', price: '21020', realizedPnl: '79' }, // (21020 − 21000.25) × 2 × 2
      { type: 'position', qty: 0 },
      { type: 'account', balance: '50077.52' },
      { type: 'order', id: stopLoss, status: 'cancelled' },
    ]);
    expect(priceTo(sim, '20900')).toEqual([]);
    await sim.broker.stop();
  });

  it('the stop loss gapped through fills at the bid and cancels the take profit', async () => {
    const sim = await mnqAt21000();
    const { events } = await placed(sim, entry);
    const [stopLoss, takeProfit] = events.slice(4).map((e) => (e.type === 'order' ? e.id : ''));
    expect(priceTo(sim, '20985')).toMatchObject([
      { type: 'order', id: stopLoss, status: 'filled' },
      { type: 'fill', price: '20985', realizedPnl: '-61' }, // (20985 − 21000.25) × 2 × 2
      { type: 'position', qty: 0 },
      { type: 'account', balance: '49937.52' },
      { type: 'order', id: takeProfit, status: 'cancelled' },
    ]);
    await sim.broker.stop();
  });

  it('a partial close shrinks the bracket; closing the rest cancels it', async () => {
    const sim = await mnqAt21000();
    const { events } = await placed(sim, entry);
    const [stopLoss, takeProfit] = events.slice(4).map((e) => (e.type === 'order' ? e.id : ''));
    await sim.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: 'MNQ', qty: 1 });
    expect(plainAll(sim.take()).slice(4)).toMatchObject([
      { type: 'order', id: stopLoss, qty: 1, status: 'working' },
      { type: 'order', id: takeProfit, qty: 1, status: 'working' },
    ]);
    await sim.broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: 'MNQ' });
    expect(plainAll(sim.take()).slice(4)).toMatchObject([
      { type: 'order', id: stopLoss, status: 'cancelled' },
      { type: 'order', id: takeProfit, status: 'cancelled' },
    ]);
    await sim.broker.stop();
  });

  it('a reversal cancels the old bracket, which would otherwise add to the new position', async () => {
    const sim = await mnqAt21000();
    await placed(sim, entry);
    const { events } = await placed(sim, { symbol: 'MNQ', side: 'sell', qty: 3, kind: 'market' });
    expect(plainAll(events).slice(2)).toMatchObject([
      { type: 'position', qty: -1 },
      { type: 'account' },
      { type: 'order', kind: 'stop', status: 'cancelled' },
      { type: 'order', kind: 'limit', status: 'cancelled' },
    ]);
    await sim.broker.stop();
  });

  it('a limit entry places its bracket only when it fills', async () => {
    const sim = await mnqAt21000();
    const { events } = await placed(sim, {
      symbol: 'MNQ',
      side: 'sell',
      qty: 1,
      kind: 'limit',
      limitPrice: '21010',
      stopLossPrice: '21020',
      takeProfitPrice: '20990',
    });
    expect(events).toHaveLength(1);
    expect(priceTo(sim, '21010')).toMatchObject([
      { type: 'order', status: 'filled' },
      { type: 'fill', price: '21010' },
      { type: 'position', qty: -1 },
      { type: 'account' },
      { type: 'order', side: 'buy', kind: 'stop', stopPrice: '21020', qty: 1 },
      { type: 'order', side: 'buy', kind: 'limit', limitPrice: '20990', qty: 1 },
    ]);
    await sim.broker.stop();
  });

  it('cancelling a working order reports it cancelled; it never fills afterwards', async () => {
    const sim = await mnqAt21000();
    const { id } = await placed(sim, {
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'limit',
      limitPrice: '20990',
    });
    const result = await sim.broker.execute({ type: 'cancelOrder', account: ACCOUNT, orderId: id });
    expect(result).toEqual({ ok: true, orderId: id });
    expect(plainAll(sim.take())).toMatchObject([{ type: 'order', id, status: 'cancelled' }]);
    expect(priceTo(sim, '20900')).toEqual([]);
    await sim.broker.stop();
  });
});
