// A plan's changes for the audit trail, and tighten-only for its scaling ladder (docs/RULES.md sections 6 and 11).
import { describe, expect, it } from 'vitest';
import { planChanges } from '../../../shared/config/changes';
import type { PlanSettings } from '../../../shared/config/plan';
import { planLoosened } from '../../../shared/config/plan-strictness';

const plan = (overrides: Partial<PlanSettings> = {}): PlanSettings => ({
  name: 'Express',
  profitTarget: null,
  consistencyPct: '40',
  minTradingDays: null,
  scaling: [
    { from: '0', maxContracts: 2 },
    { from: '1500', maxContracts: 3 },
    { from: '2000', maxContracts: 5 },
  ],
  ...overrides,
});

describe('planChanges', () => {
  it.each([
    { before: null, after: null, expected: [] },
    { before: null, after: plan(), expected: ['plan: added'] },
    { before: plan(), after: null, expected: ['plan: removed'] },
    { before: plan(), after: plan(), expected: [] },
    {
      before: plan(),
      after: plan({ consistencyPct: '50', minTradingDays: 5, scaling: [{ from: '0', maxContracts: 3 }] }),
      expected: [
        'plan.consistencyPct: 40 → 50',
        'plan.minTradingDays: unset → 5',
        'plan.scaling: 0→2, 1500→3, 2000→5 → 0→3',
      ],
    },
  ])('$expected', ({ before, after, expected }) => {
    expect(planChanges(before, after)).toStrictEqual(expected);
  });
});

describe('planLoosened', () => {
  it.each([
    { name: 'the same ladder', after: plan(), expected: [] },
    {
      name: 'fewer contracts everywhere',
      after: plan({ scaling: [{ from: '0', maxContracts: 1 }] }),
      expected: [],
    },
    {
      name: 'the second tier from a lower profit',
      after: plan({
        scaling: [
          { from: '0', maxContracts: 2 },
          { from: '1000', maxContracts: 3 },
          { from: '2000', maxContracts: 5 },
        ],
      }),
      expected: ['plan.scaling: 3 contracts from 1000 banked (was 2)'],
    },
    {
      name: 'a bigger first tier',
      after: plan({
        scaling: [
          { from: '0', maxContracts: 3 },
          { from: '2000', maxContracts: 5 },
        ],
      }),
      expected: [
        'plan.scaling: 3 contracts below the first tier (was 2)',
        'plan.scaling: 3 contracts from 0 banked (was 2)',
      ],
    },
    { name: 'no scaling any more', after: plan({ scaling: null }), expected: ['plan.scaling: removed'] },
    { name: 'no plan any more', after: null, expected: ['plan.scaling: removed'] },
  ])('$name', ({ after, expected }) => {
    expect(planLoosened(plan(), after)).toStrictEqual(expected);
  });

  it('lets a plan without scaling gain one', () => {
    expect(planLoosened(plan({ scaling: null }), plan())).toStrictEqual([]);
  });
});
