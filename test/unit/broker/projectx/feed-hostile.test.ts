// ProjectX frames found by `npm run fuzz` to slip past the feed: each is now refused (and a resync asked for), or
// comes out as an event the journal reads back, so nothing is lost at the next start.
import { describe, expect, it } from 'vitest';
import { encodeEngineEvent, parseEngineEvent } from '../../../../shared/domain/event-codec';
import type { BrokerEvent } from '../../../../shared/domain/events';
import { createBook } from '../../../../main/broker/projectx/book';
import { createFeed } from '../../../../main/broker/projectx/feed';
import { contractSchema, parseEntity, shortJson } from '../../../../main/broker/projectx/parse';
import { createSerialQueue } from '../../../../main/broker/serial-queue';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';
import samples from '../../../fixtures/projectx-samples.json';

function setup() {
  const logger = memoryLogger();
  const book = createBook();
  const queue = createSerialQueue(logger);
  const events: BrokerEvent[] = [];
  const resyncs: string[] = [];
  const contract = parseEntity(contractSchema, samples.restContract.contract);
  if (!contract.ok) throw new Error(contract.error);
  const feed = createFeed({
    book,
    contracts: { get: () => Promise.resolve({ ok: true, contract: contract.value }) },
    clock: createManualClock(Date.parse('2026-03-19T15:00:00Z')),
    logger,
    queue,
    emit: (e) => events.push(e),
    guarded: () => true,
    positionSettleMs: 500,
    resync: (reason) => resyncs.push(reason),
    holdingsChanged: () => undefined,
    loggedOut: () => undefined,
  });
  const send = async (target: string, args: unknown[]) => {
    feed.user[target]?.(args);
    await queue.run(() => undefined);
  };
  const failed = () => logger.lines.filter((l) => l.message === 'feed task failed');
  /** Each event as the journal would store it and read it back at the next start. */
  const readBack = () =>
    events.map((e) => parseEngineEvent(JSON.parse(JSON.stringify(encodeEngineEvent(e))) as unknown).ok);
  return { events, resyncs, send, failed, readBack };
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

const trade = samples.tradeClosing.arguments[0] as { action: number; data: Record<string, unknown> };
const order = samples.orderMarketPending.arguments[0] as { action: number; data: Record<string, unknown> };

describe('hostile ProjectX frames', () => {
  it('drops a frame nested thousands deep and asks for a resync (the task overflowed the stack, silently)', async () => {
    const h = setup();
    await h.send('GatewayUserTrade', [nested(5000, trade)]);
    expect(h.failed()).toEqual([]);
    expect(h.resyncs).toEqual(['GatewayUserTrade frame not understood']);
    expect(h.events).toEqual([]);
    expect(shortJson(nested(20_000, 1))).toBe('(not printable: nested too deep)');
  });

  it('refuses an order of no contracts (its event could not be journaled)', async () => {
    const h = setup();
    await h.send('GatewayUserOrder', [{ ...order, data: { ...order.data, size: 0 } }]);
    expect(h.events.filter((e) => e.type === 'order')).toEqual([]);
    expect(h.resyncs).toEqual(['GatewayUserOrder frame not understood']);
  });

  it('refuses a price written with more than 40 characters', async () => {
    const h = setup();
    await h.send('GatewayUserTrade', [{ ...trade, data: { ...trade.data, price: `1${'0'.repeat(40)}` } }]);
    expect(h.events.filter((e) => e.type === 'fill')).toEqual([]);
  });

  it('journals a trade that names no order (its fill had an empty order id the journal refused)', async () => {
    const h = setup();
    await h.send('GatewayUserTrade', [{ ...trade, data: { ...trade.data, orderId: null } }]);
    const fills = h.events.filter((e) => e.type === 'fill');
    expect(fills.map((f) => f.orderId)).toEqual([`no-order-${String(trade.data.id)}`]);
    expect(h.readBack().every(Boolean)).toBe(true);
  });

  it('journals a price as small as a double goes (5e-324)', async () => {
    const h = setup();
    await h.send('GatewayUserOrder', [{ ...order, data: { ...order.data, limitPrice: 5e-324 } }]);
    expect(h.events.filter((e) => e.type === 'order')).toHaveLength(1);
    expect(h.readBack().every(Boolean)).toBe(true);
  });
});
