// Answers lost while Tradovate carried the commands out, with the real core against the fake gateway (the chaos
// scenarios' world: A long 2 MNQ and 1 ES with a working stop and limit): the flatten's first three requests (both
// cancels and the MNQ liquidation) are carried out and never answered. Their effects show in the picture, so none
// is sent again and none counts toward the circuit breaker; the ES liquidation still goes out, the flatten ends
// flat and enforcement is not paused.
import { afterEach, describe, expect, it } from 'vitest';
import { auditOf, flattenFinished, flattensOf } from '../chaos/scenario';
import {
  A,
  agrees,
  breach,
  enforcementCalls,
  enforcementEffects,
  ES_NAME,
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

describe('Tradovate: enforcement answers lost, the commands carried out', () => {
  it('three unanswered commands in a row whose effects show leave the circuit breaker closed', async () => {
    world = await tradovateWorld();
    const { gateway } = world;
    const book = await openBook(world);
    gateway.script('order/cancelorder', { hang: true, perform: true, times: 2 });
    gateway.script('order/liquidateposition', { hang: true, perform: true });
    breach(gateway);
    const flatten = await flattenFinished(world.store, String(A));
    await agrees(world);
    // Each carried out once and sent once; the three lost answers are failures in the audit ("may still have
    // carried it out"), the last liquidation, sent after them, is answered.
    expect(enforcementCalls(gateway)).toEqual(onceEach(book));
    expect(enforcementEffects(gateway)).toEqual(onceEach(book));
    expect(auditOf(flatten)).toEqual({
      outcome: 'flat',
      steps: [
        ['cancelOrder', String(book.stop), 'failed'],
        ['cancelOrder', String(book.limit), 'failed'],
        ['closePosition', MNQ_NAME, 'failed'],
        ['closePosition', ES_NAME, 'ok'],
      ],
    });
    expect(flattensOf(world.store, String(A))).toHaveLength(1);
    expect(world.view(A).enforcement).toBe('closed');
    expect(world.alerts()).toContain('info: Flatten complete');
    expect(world.alerts()).not.toContain('critical: Enforcement paused: act manually');
    expect(world.truth(A)).toMatchObject({ positions: [], orders: [] });
  });
});
