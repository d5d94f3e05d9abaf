// The plan strip's figures (docs/RULES.md section 11) as the view carries them, exact strings, and the consistency
// cap and scaling tier among the dashboard's limit bars.
import { describe, expect, it } from 'vitest';
import { limitsView } from '../../../main/core/limits-view';
import { planView } from '../../../main/core/plan-view';
import { accountMetrics, type EngineState } from '../../../main/engine';
import { instrumentEvents, runEngine } from '../../helpers/engine';
import { dayOf, fill, on, planConfig, quote } from '../engine/plan/plan.helpers';

const account = (state: EngineState) => {
  const a1 = state.accounts.get('A1');
  if (a1 === undefined) throw new Error('no account A1');
  return a1;
};

const plan = {
  name: 'Express 50K',
  profitTarget: 3000,
  consistencyPct: 40,
  minTradingDays: 5,
  scaling: [
    { from: 0, maxContracts: 2 },
    { from: 1500, maxContracts: 3 },
    { from: 2000, maxContracts: 5 },
  ],
};

/** Tue +1,000, Wed +600 (1,600 banked), Thu one ES long marked 3 points up: +150 live. */
const events = [
  ...instrumentEvents,
  ...dayOf('05', '20'),
  ...dayOf('06', '12'),
  fill(on('07', '09:00'), 'buy', 1, '5800'),
  quote(on('07', '09:01'), '5803'),
];

describe('planView', () => {
  it('gives every figure as a trader reads it', () => {
    const { state } = runEngine(events, planConfig(plan));
    expect(planView(state, account(state))).toStrictEqual({
      name: 'Express 50K',
      totalProfit: '1750',
      profitTarget: '3000',
      targetRemaining: '1250',
      bestDayProfit: '1000',
      // 1,000 / 1,750
      consistencyPct: '57.1429',
      consistencyLimitPct: '40',
      // 40 × 1,600 / 60 = 1,066.66… down to the cent
      consistencyCapToday: '1066.66',
      consistencyCapLeft: '916.66',
      // 1,000 / 0.4 − 1,750
      profitNeededForConsistency: '750',
      tradingDays: 3,
      minTradingDays: 5,
      contractsAllowed: 3,
      nextTier: { from: '2000', maxContracts: 5 },
      todayProfit: '150',
    });
  });

  it('is null for an account without a plan', () => {
    const { state } = runEngine(events, planConfig({}, {}));
    // An empty plan block is still a plan: its figures stand, the limits are null.
    expect(planView(state, account(state))).toMatchObject({
      name: null,
      profitTarget: null,
      contractsAllowed: null,
    });
    const bare = runEngine(events).state;
    expect(planView(bare, account(bare))).toBeNull();
  });
});

describe('limit bars with a plan', () => {
  it("shows today's profit against the consistency cap, and the scaling tier as the contract limit", () => {
    const { state } = runEngine(events, planConfig(plan));
    const limits = limitsView(state, account(state), accountMetrics(state, account(state)));
    expect(limits).toEqual([
      {
        rule: 'consistency',
        label: 'Consistency cap',
        unit: 'money',
        used: '150',
        limit: '1066.66',
        level: 'ok',
      },
      { rule: 'maxContracts', label: 'Contracts', unit: 'count', used: '1', limit: '3', level: 'ok' },
    ]);
  });

  it('shows no consistency bar on a day with no cap', () => {
    const { state } = runEngine(
      [...instrumentEvents, fill(on('05', '09:00'), 'buy', 1, '5800'), quote(on('05', '09:01'), '5803')],
      planConfig(plan),
    );
    const limits = limitsView(state, account(state), accountMetrics(state, account(state)));
    expect(limits.map((limit) => [limit.rule, limit.limit])).toEqual([['maxContracts', '2']]);
  });
});
