// The enforcer's actions against a real engine picture (docs/RULES.md section 7): a cancel or close the broker
// accepted is not sent again while its effect is not in the picture, whatever the report's broker time says
// against the local clock; once the order is gone or the position went flat, a new decision sends it again.
import { describe, expect, it } from 'vitest';
import type { BrokerCommand, CommandResult } from '../../../main/broker/types';
import { createEnforcer } from '../../../main/enforce/actions';
import { createChangeSignal } from '../../../main/enforce/change-signal';
import { createFlattener } from '../../../main/enforce/flatten';
import {
  apply,
  createEngineState,
  defaultEngineConfig,
  type RiskAction,
  type RuleDecision,
} from '../../../main/engine';
import { memoryLogger } from '../../../main/platform/logger';
import type { EngineEvent } from '../../../shared/domain/events';
import { ev, instrumentEvents } from '../../helpers/engine';
import { createManualClock } from '../../helpers/manual-clock';

/** Broker times, from one base; the local clock is set against them per test. */
const BROKER = Date.parse('2026-05-05T14:00:00.000Z');
const at = (ms: number) => new Date(BROKER + ms).toISOString();

function fill(id: string, side: 'buy' | 'sell', brokerMs: number): EngineEvent {
  return ev({
    type: 'fill',
    t: at(brokerMs),
    account: 'A1',
    id,
    orderId: `o-${id}`,
    symbol: 'MNQ',
    side,
    qty: 1,
    price: '21000',
    fees: '0',
  });
}

function order(status: 'working' | 'cancelled', brokerMs: number): EngineEvent {
  return ev({
    type: 'order',
    t: at(brokerMs),
    account: 'A1',
    id: 'L1',
    symbol: 'MNQ',
    side: 'buy',
    kind: 'limit',
    qty: 1,
    limitPrice: '20000',
    status,
  });
}

/** A real engine picture, an enforcer over a real flattener, and a broker that accepts every command. */
function harness(localMs: number) {
  const clock = createManualClock(BROKER + localMs);
  const state = createEngineState(defaultEngineConfig);
  const feed = (...events: EngineEvent[]) => {
    for (const event of events) apply(state, event);
  };
  feed(...instrumentEvents);
  const sent: BrokerCommand[] = [];
  const execute = (command: BrokerCommand): Promise<CommandResult> => {
    sent.push(command);
    return Promise.resolve({ ok: true });
  };
  const changes = createChangeSignal(clock);
  const flattener = createFlattener({
    clock,
    execute,
    exposure: () => null,
    nextChange: (ms) => changes.next(ms),
    recorder: { begin: () => 0, progress: () => undefined, finish: () => undefined },
  });
  const enforcer = createEnforcer({
    state,
    clock,
    execute,
    flattener,
    recorder: { begin: () => 0, finish: () => undefined },
    logger: memoryLogger(),
    onRefused: () => undefined,
  });
  /** A decision of the given action from a report at this broker time, carried out to its answers. */
  const decide = (action: RiskAction, brokerMs: number) => {
    const decision: RuleDecision = {
      kind: 'rule',
      t: BROKER + brokerMs,
      account: 'A1',
      rule: 'maxPositionSize',
      level: 'breach',
      action,
      symbol: 'MNQ',
      message: 'too many MNQ',
    };
    return enforcer.carryOut(decision);
  };
  return { clock, feed, sent, decide };
}

const close: BrokerCommand = { type: 'closePosition', account: 'A1', symbol: 'MNQ' };
const cancel: BrokerCommand = { type: 'cancelOrder', account: 'A1', orderId: 'L1' };

describe('an accepted close, and the broker clock against ours', () => {
  it('a position opened again after the accepted close went flat is closed, though its fill is stamped before the acceptance (broker clock 10 s behind)', async () => {
    const h = harness(10_000);
    h.feed(fill('f1', 'buy', 0));
    await h.decide('closePosition', 0);
    h.feed(fill('f2', 'sell', 500)); // the close's fill: flat
    h.feed(fill('f3', 'buy', 2_000)); // the trader buys again, 8 s before our acceptance by the broker's clock
    await h.decide('closePosition', 2_000);
    expect(h.sent).toEqual([close, close]);
  });

  it('an accepted close whose fill is not in yet is not sent again for a later report (broker clock 10 s ahead)', async () => {
    const h = harness(-10_000);
    h.feed(fill('f1', 'buy', 0));
    await h.decide('closePosition', 0);
    // The same position, reported again after the acceptance by either clock: still the one being closed.
    await h.decide('closePosition', 1_000);
    h.feed(fill('f2', 'sell', 1_500));
    await h.decide('closePosition', 1_500);
    expect(h.sent).toEqual([close]);
  });

  it('is sent again after 60 s on our clock when its effect never shows', async () => {
    const h = harness(0);
    h.feed(fill('f1', 'buy', 0));
    await h.decide('closePosition', 0);
    h.clock.advance(60_000);
    await h.decide('closePosition', 60_000);
    expect(h.sent).toEqual([close]);
    h.clock.advance(1);
    await h.decide('closePosition', 60_001);
    expect(h.sent).toEqual([close, close]);
  });
});

describe('an accepted cancel', () => {
  it('is not sent again while the order is still reported working, whatever the report time (broker clock 10 s ahead)', async () => {
    const h = harness(-10_000);
    h.feed(order('working', 0));
    await h.decide('cancelOrders', 0);
    h.feed(order('working', 1_000)); // a duplicate report, stamped after the acceptance by both clocks
    await h.decide('cancelOrders', 1_000);
    h.feed(order('cancelled', 1_200));
    await h.decide('cancelOrders', 1_200);
    expect(h.sent).toEqual([cancel]);
  });
});
