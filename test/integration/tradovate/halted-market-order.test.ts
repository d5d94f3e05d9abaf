// A market order the trader places on a halted Tradovate account, with the real core against the fake gateway:
// its working report comes a push before its fill, and starts a flatten of the account, so a cancel for it may go
// out before the fill is seen (the gateway then has nothing to cancel) or not at all. Either way the position it
// opened is liquidated by that flatten, once, and the account ends flat at the gateway and in the engine.
import { afterEach, describe, expect, it } from 'vitest';
import { auditOf, flattenFinished, flattensOf, otherActionsOf, until } from '../chaos/scenario';
import {
  A,
  agrees,
  breach,
  enforcementCalls,
  enforcementEffects,
  MNQ,
  MNQ_NAME,
  onceEach,
  openBook,
  tradovateWorld,
  type TradovateWorld,
} from '../chaos/tradovate-world';

let world: TradovateWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('Tradovate: a market order placed while halted', () => {
  it('is closed by a second flatten, once, whether or not its cancel raced the fill', async () => {
    world = await tradovateWorld();
    const { gateway } = world;
    const book = await openBook(world);
    breach(gateway);
    const first = await flattenFinished(world.store, String(A));
    await agrees(world);
    expect(world.view(A).tradingState).toBe('halted');

    const order = gateway.placeOrder({
      accountId: A,
      contract: MNQ,
      action: 'Buy',
      orderQty: 1,
      orderType: 'Market',
    });
    const { store } = world;
    await until('a second flatten of A to finish', () => {
      const flattens = flattensOf(store, String(A));
      return flattens.length === 2 && flattens.every((f) => f.finishedAt !== null);
    });
    await agrees(world);
    expect(world.truth(A)).toMatchObject({ positions: [], orders: [] });
    expect(flattensOf(world.store, String(A)).map((f) => f.outcome)).toEqual(['flat', 'flat']);
    const calls = enforcementCalls(gateway);
    // The bought contract liquidated once more; the market order cancelled at most once, and never in effect.
    const cancels = calls[`${A} cancel ${order.orderId}`] ?? 0;
    expect(cancels).toBeLessThanOrEqual(1);
    expect(calls).toEqual({
      ...onceEach(book),
      [`${A} liquidate ${MNQ}`]: 2,
      ...(cancels === 0 ? {} : { [`${A} cancel ${order.orderId}`]: 1 }),
    });
    expect(enforcementEffects(gateway)).toEqual({ ...onceEach(book), [`${A} liquidate ${MNQ}`]: 2 });
    // The order's report on the halted account starts the second flatten (no cancelOrders action of its own),
    // which cancels what it still sees working, then liquidates: the cancel, if it went, found the order filled.
    expect(otherActionsOf(world.store, String(A))).toEqual([]);
    const second = flattensOf(world.store, String(A)).find((f) => f.id !== first.id);
    expect(second === undefined ? null : auditOf(second)).toEqual({
      outcome: 'flat',
      steps: [
        ...(cancels === 0 ? [] : [['cancelOrder', String(order.orderId), 'ok']]),
        ['closePosition', MNQ_NAME, 'ok'],
      ],
    });
    expect(world.alerts()).not.toContain('critical: Flatten FAILED: act manually');
    expect(world.alerts().filter((a) => a === 'info: Flatten complete')).toHaveLength(2);
  });
});
