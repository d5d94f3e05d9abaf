// The quote fast path stays invisible with the plan's rules on (docs/RULES.md section 11): over generated sessions
// spanning several trading days, the engine with it and without it (every quote exact) reaches the same state and
// the same decisions. The consistency cap changes at each roll, the profit target is reached once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  createEngineState,
  engineConfigOf,
  serializeState,
  type Decision,
  type EngineConfig,
} from '../../../../main/engine';
import { validateConfig } from '../../../../shared/config/schema';
import type { EngineEvent } from '../../../../shared/domain/events';
import { dec } from '../../../../shared/domain/money';
import { instrumentEvents } from '../../../helpers/engine';

const plan = {
  profitTarget: 900,
  consistencyPct: 40,
  scaling: [
    { from: 0, maxContracts: 2 },
    { from: 200, maxContracts: 4 },
  ],
};

function config(fastPath: boolean): EngineConfig {
  const result = validateConfig({
    quoteSanity: { maxJumpPct: 50, confirmQuotes: 2 },
    accounts: {
      A1: { startingBalance: 50000, plan },
      A2: {
        startingBalance: 50000,
        plan: { ...plan, consistencyPct: 50 },
        rules: { dailyLoss: { amount: 300 } },
      },
    },
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { ...engineConfigOf(result.config), fastPath };
}

/** Tuesday 5 May 2026, 08:00 Chicago. */
const base = Date.parse('2026-05-05T13:00:00Z');

const stepArb = fc.record({
  kind: fc.constantFrom('quote', 'quote', 'quote', 'quote', 'fill', 'clock'),
  account: fc.constantFrom('A1', 'A2'),
  ticks: fc.integer({ min: -40, max: 40 }),
  qty: fc.integer({ min: 1, max: 2 }),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  // Up to 4 hours a step: sessions of 60 steps cross several day rolls.
  minutes: fc.integer({ min: 0, max: 240 }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function build(steps: Step[]): EngineEvent[] {
  let t = base;
  return steps.map((step, i): EngineEvent => {
    t += step.minutes * 60_000;
    const price = dec('5000').plus(dec('0.25').times(step.ticks));
    if (step.kind === 'clock') return { type: 'clock', t };
    if (step.kind === 'quote') return { type: 'quote', t, symbol: 'ES', last: price };
    const id = `f${i}`;
    const { account, side, qty } = step;
    return { type: 'fill', t, account, id, orderId: id, symbol: 'ES', side, qty, price, fees: dec('1.40') };
  });
}

function run(events: EngineEvent[], fastPath: boolean): { state: string; decisions: string } {
  const state = createEngineState(config(fastPath));
  const decisions: Decision[] = [];
  for (const event of [...instrumentEvents.map((e) => ({ ...e, t: base - 1 })), ...events]) {
    decisions.push(...apply(state, event).decisions);
  }
  return { state: serializeState(state), decisions: JSON.stringify(decisions) };
}

describe('quote fast path with a plan', () => {
  it('changes nothing: same state and decisions as evaluating every quote exactly', () => {
    // Sessions in which each plan rule spoke: the property is checked where it matters, not only in theory.
    const sessions = { consistency: 0, profitTarget: 0, maxContracts: 0 };
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 20, maxLength: 60 }), (steps) => {
        const events = build(steps);
        const fast = run(events, true);
        const exact = run(events, false);
        expect(fast.decisions).toBe(exact.decisions);
        expect(fast.state).toBe(exact.state);
        for (const rule of ['consistency', 'profitTarget', 'maxContracts'] as const)
          if (fast.decisions.includes(`"rule":"${rule}"`)) sessions[rule] += 1;
      }),
      { numRuns: 200 },
    );
    // About half the sessions in practice.
    expect(sessions.consistency).toBeGreaterThan(40);
    expect(sessions.profitTarget).toBeGreaterThan(40);
    expect(sessions.maxContracts).toBeGreaterThan(40);
  }, 120_000);

  it('sees the target reached again below the equity peak of an unconfirmed spike', () => {
    // +912.50 − 1.40 on a spike (not confirmed), back down, then the same price twice: no new equity peak, yet the
    // second quote there confirms the target. Only the target's own band sends these quotes to the exact path.
    const step = (kind: Step['kind'], ticks: number): Step => ({
      kind,
      account: 'A1',
      ticks,
      qty: 1,
      side: 'buy',
      minutes: 1,
    });
    const events = build([
      step('fill', 0),
      step('quote', 73),
      step('quote', 40),
      step('quote', 73),
      step('quote', 73),
    ]);
    const fast = run(events, true);
    expect(fast).toEqual(run(events, false));
    const decisions = JSON.parse(fast.decisions) as Decision[];
    expect(decisions.flatMap((d) => (d.kind === 'rule' ? [[d.rule, d.level, d.t - base]] : []))).toEqual([
      ['profitTarget', 'breach', 5 * 60_000],
    ]);
  });

  it("sees today's profit leave the consistency warning and come back to it below the day's peak", () => {
    // Tuesday +147.20 (3 points − 2.80 fees); Wednesday's cap 40 × 147.20 / 60 = 98.13. +86.10 warns (≥ 78.50),
    // +48.60 is below the warning less the hysteresis (73.60): ok; +86.10 again is no new peak, yet warns again.
    // Only the consistency rule's own band sends the last two quotes to the exact path.
    const step = (kind: Step['kind'], ticks: number, minutes = 1, side: Step['side'] = 'buy'): Step => ({
      kind,
      account: 'A1',
      ticks,
      qty: 1,
      side,
      minutes,
    });
    const events = build([
      step('fill', 0),
      step('fill', 12, 1, 'sell'),
      step('fill', 0, 24 * 60),
      step('quote', 7),
      step('quote', 4),
      step('quote', 7),
    ]);
    const fast = run(events, true);
    expect(fast).toEqual(run(events, false));
    const decisions = JSON.parse(fast.decisions) as Decision[];
    expect(decisions.flatMap((d) => (d.kind === 'rule' ? [[d.rule, d.level, d.message]] : []))).toEqual([
      ['consistency', 'warning', "today's profit 86.10 of the consistency cap 98.13 (40%)"],
      ['consistency', 'warning', "today's profit 86.10 of the consistency cap 98.13 (40%)"],
    ]);
  });
});
