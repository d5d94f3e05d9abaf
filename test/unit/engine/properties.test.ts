// Invariants of the engine over generated sessions: equity identity, duplicate delivery, snapshot + replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountMetrics,
  apply,
  createEngineState,
  deserializeState,
  serializeState,
} from '../../../main/engine';
import type { EngineState } from '../../../main/engine';
import type { EngineEvent } from '../../../shared/domain/events';
import { dec } from '../../../shared/domain/money';
import { instrumentEvents } from '../../helpers/engine';

const config = {
  session: { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const },
  markPrice: 'last' as const,
  accounts: { A1: { startingBalance: dec('50000') } },
};
const base = Date.parse('2026-05-05T13:00:00Z');
const symbols = { ES: ['5000', '0.25'], MNQ: ['21000', '0.25'], CL: ['70', '0.01'] } as const;

/** A session of quotes and fills: prices in whole ticks around a base, minutes apart (crossing day rolls). */
const sessionArb = fc.array(
  fc.record({
    kind: fc.constantFrom('quote', 'fill'),
    symbol: fc.constantFrom('ES', 'MNQ', 'CL'),
    ticks: fc.integer({ min: -400, max: 400 }),
    qty: fc.integer({ min: 1, max: 5 }),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    minutes: fc.integer({ min: 0, max: 240 }),
  }),
  { minLength: 1, maxLength: 60 },
);

function build(
  steps: {
    kind: string;
    symbol: keyof typeof symbols;
    ticks: number;
    qty: number;
    side: 'buy' | 'sell';
    minutes: number;
  }[],
): EngineEvent[] {
  let t = base;
  return steps.map((step, i): EngineEvent => {
    t += step.minutes * 60_000;
    const [price, tick] = symbols[step.symbol];
    const at = dec(price).plus(dec(tick).times(step.ticks));
    if (step.kind === 'quote') return { type: 'quote', t, symbol: step.symbol, last: at };
    return {
      type: 'fill',
      t,
      account: 'A1',
      id: `f${i}`,
      orderId: `o${i}`,
      symbol: step.symbol,
      side: step.side,
      qty: step.qty,
      price: at,
      fees: dec('0.37').times(step.qty),
    };
  });
}

function run(events: EngineEvent[], state: EngineState = createEngineState(config)): EngineState {
  for (const event of events) apply(state, event);
  return state;
}

const setup = instrumentEvents.map((e) => ({ ...e, t: base - 1 }));

describe('engine invariants', () => {
  it('equity = balance + unrealized, after every event', () => {
    fc.assert(
      fc.property(sessionArb, (steps) => {
        const state = run(setup);
        for (const event of build(steps)) {
          apply(state, event);
          const account = state.accounts.get('A1');
          if (account === undefined) continue;
          const m = accountMetrics(state, account);
          expect(m.equity.equals(m.balance.plus(m.unrealizedPnl))).toBe(true);
          expect(m.dailyDrawdown.isNegative()).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('a broker that delivers every fill twice changes nothing', () => {
    fc.assert(
      fc.property(sessionArb, (steps) => {
        const events = build(steps);
        const once = run([...setup, ...events]);
        const twice = run([
          ...setup,
          ...events.flatMap((e): EngineEvent[] => (e.type === 'fill' ? [e, e] : [e])),
        ]);
        expect(serializeState(twice)).toBe(serializeState(once));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('snapshot at any point + replay of the rest equals the live state', () => {
    fc.assert(
      fc.property(sessionArb, fc.nat(), (steps, cutAt) => {
        const events = [...setup, ...build(steps)];
        const cut = cutAt % (events.length + 1);
        const live = run(events);
        const restored = deserializeState(serializeState(run(events.slice(0, cut))), config);
        expect(serializeState(run(events.slice(cut), restored))).toBe(serializeState(live));
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
