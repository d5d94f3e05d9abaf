// Plans in the config (docs/RULES.md section 11): a plan in a preset (the config's own or a built-in one) and in the
// account, merged per key; what a plan switches on beneath every written layer; and the errors, with their paths.
import { describe, expect, it } from 'vitest';
import { engineConfigOf } from '../../../main/engine';
import { resolveAccountPlan, resolveAccountRules } from '../../../shared/config/merge';
import { builtInPresetsHint, errorsOf, halted, levels, validConfig } from './helpers';

const alert = { action: 'alert', lock: 'none', lockState: 'halted' };

describe('an account on the built-in topstep-50k-combine', () => {
  const config = validConfig({
    accounts: {
      TS1: { preset: 'topstep-50k-combine', startingBalance: 50000, plan: { consistencyPct: 40 } },
    },
  });

  it("takes the preset's plan with its own consistencyPct over the preset's 50", () => {
    expect(resolveAccountPlan(config, 'TS1')).toMatchObject({
      name: 'Topstep 50K Combine',
      profitTarget: '3000',
      consistencyPct: '40',
      scaling: null,
    });
  });

  it("gets the preset's rules, and consistency and profitTarget switched on by the plan", () => {
    const rules = resolveAccountRules(config, 'TS1');
    expect(rules.consistency).toStrictEqual({ ...levels, ...alert, pct: '40' });
    expect(rules.profitTarget).toStrictEqual({ ...levels, ...alert, amount: '3000' });
    expect(rules.maxContracts).toMatchObject({ enabled: true, total: '5' });
    expect(rules.dailyLoss).toStrictEqual({ ...levels, ...halted('dayEnd'), amount: '1000', basis: 'net' });
    expect(rules.trailingDrawdown).toMatchObject({
      amount: '2000',
      mode: 'endOfDay',
      lockThresholdAt: '50000',
    });
  });

  it('carries the plan into the engine config; accounts without one have none', () => {
    const engine = engineConfigOf(
      validConfig({
        accounts: {
          TS1: { preset: 'topstep-50k-combine', startingBalance: 50000, plan: { consistencyPct: 40 } },
          B1: { startingBalance: 25000 },
        },
      }),
    );
    expect(engine.accounts['TS1']?.plan).toMatchObject({ consistencyPct: '40', profitTarget: '3000' });
    expect(engine.accounts['B1']).not.toHaveProperty('plan');
  });

  it("is the config's own preset when the config has one by that id", () => {
    const own = validConfig({
      presets: { 'topstep-50k-combine': { plan: { name: 'Mine', profitTarget: 2500 } } },
      accounts: { TS1: { preset: 'topstep-50k-combine' } },
    });
    expect(resolveAccountPlan(own, 'TS1')).toStrictEqual({
      name: 'Mine',
      profitTarget: '2500',
      consistencyPct: null,
      minTradingDays: null,
      scaling: null,
    });
    expect(resolveAccountRules(own, 'TS1')).toStrictEqual({
      profitTarget: { ...levels, ...alert, amount: '2500' },
    });
  });
});

describe('plans merged per key, the account over its preset', () => {
  const document = {
    presets: {
      express: {
        plan: {
          name: 'Express',
          consistencyPct: 40,
          scaling: [
            { from: 2000, maxContracts: 5 },
            { from: 0, maxContracts: 2 },
            { from: '1500', maxContracts: 3 },
          ],
        },
      },
    },
    accounts: {
      E1: { preset: 'express', plan: { minTradingDays: 5, profitTarget: '3000.50' } },
      E2: { preset: 'express', plan: { scaling: [{ from: 0, maxContracts: 1 }] } },
      E3: { preset: 'express', rules: { consistency: { enabled: false }, maxContracts: { total: 4 } } },
    },
  };
  const config = validConfig(document);

  it('fills each key from the account, else the preset; scaling sorted by from, replaced as a whole', () => {
    expect(resolveAccountPlan(config, 'E1')).toStrictEqual({
      name: 'Express',
      profitTarget: '3000.50',
      consistencyPct: '40',
      minTradingDays: 5,
      scaling: [
        { from: '0', maxContracts: 2 },
        { from: '1500', maxContracts: 3 },
        { from: '2000', maxContracts: 5 },
      ],
    });
    expect(resolveAccountPlan(config, 'E2')?.scaling).toStrictEqual([{ from: '0', maxContracts: 1 }]);
    expect(resolveAccountPlan(config, 'nobody')).toBeNull();
  });

  it('switches maxContracts on for scaling with no total of its own; a written rule still wins', () => {
    const maxContracts = { enabled: true, warnAt: '0.8', criticalAt: '0.95', action: 'reducePosition' };
    expect(resolveAccountRules(config, 'E2').maxContracts).toStrictEqual({
      ...maxContracts,
      lock: 'none',
      lockState: 'halted',
      total: null,
      perSymbol: {},
      countWorkingOrders: true,
    });
    const e3 = resolveAccountRules(config, 'E3');
    expect(e3.consistency?.enabled).toBe(false);
    expect(e3.maxContracts?.total).toBe('4');
  });

  it("takes the rule's own pct over the plan's, and a null pct as the plan's", () => {
    const own = validConfig({
      accounts: {
        A: {
          plan: { consistencyPct: 50 },
          rules: { consistency: { pct: 30, action: 'flatten', lock: 'dayEnd' } },
        },
        B: { plan: { consistencyPct: 50 }, rules: { consistency: { pct: null } } },
      },
    });
    expect(resolveAccountRules(own, 'A').consistency).toStrictEqual({
      ...levels,
      ...halted('dayEnd'),
      pct: '30',
    });
    expect(resolveAccountRules(own, 'B').consistency?.pct).toBe('50');
  });
});

describe('plan errors, each with its path', () => {
  it.each([
    [
      { accounts: { A1: { rules: { consistency: {} } } } },
      ['accounts.A1.rules.consistency.pct: is required (no plan gives a consistencyPct)'],
    ],
    [
      { accounts: { A1: { plan: { profitTarget: 3000 }, rules: { consistency: { warnAt: 0.7 } } } } },
      ['accounts.A1.rules.consistency.pct: is required (no plan gives a consistencyPct)'],
    ],
    [
      { accounts: { A1: { rules: { profitTarget: { action: 'flatten' } } } } },
      ['accounts.A1.rules.profitTarget.amount: is required (no plan gives a profitTarget)'],
    ],
    [
      { defaults: { rules: { consistency: { action: 'flatten' } } } },
      [
        'defaults.rules.consistency.pct: is required (accounts without their own consistency get the defaults alone)',
      ],
    ],
    [
      { accounts: { A1: { plan: { consistencyPct: 0, profitTarget: -5, minTradingDays: 0 } } } },
      [
        'accounts.A1.plan.profitTarget: must be greater than 0, got -5',
        'accounts.A1.plan.consistencyPct: must be greater than 0, got 0',
        'accounts.A1.plan.minTradingDays: must be a whole number of at least 1, got 0',
      ],
    ],
    [
      { presets: { p: { plan: { consistencyPct: 101, scaling: [] } } } },
      [
        'presets.p.plan.consistencyPct: must be at most 100, got 101',
        'presets.p.plan.scaling: needs at least one tier',
      ],
    ],
    [
      {
        accounts: {
          A1: {
            plan: {
              scaling: [
                { from: 0, maxContracts: 2 },
                { from: '0.00', maxContracts: 3 },
              ],
            },
          },
        },
      },
      ['accounts.A1.plan.scaling[1].from: 0.00 is already the from of scaling[0]'],
    ],
    [
      { accounts: { A1: { plan: { scaling: [{ from: -1, contracts: 4 }] } } } },
      [
        'accounts.A1.plan.scaling[0].from: must be at least 0, got -1',
        'accounts.A1.plan.scaling[0].maxContracts: is required',
        'accounts.A1.plan.scaling[0].contracts: unknown key',
      ],
    ],
    [{ accounts: { A1: { plan: { target: 3000 } } } }, ['accounts.A1.plan.target: unknown key']],
    [{ defaults: { plan: { profitTarget: 3000 } } }, ['defaults.plan: unknown key']],
  ])('%j', (document, expected) => {
    expect(errorsOf(document)).toStrictEqual(expected);
  });

  it('a plan in error leaves the rules it would switch on to its own error line', () => {
    expect(
      errorsOf({ accounts: { A1: { plan: { consistencyPct: 'half' }, rules: { consistency: {} } } } }),
    ).toStrictEqual([
      'accounts.A1.plan.consistencyPct: must be a number (a JSON number or a decimal string such as "1000.50"), got "half"',
    ]);
  });
});

describe('preset names', () => {
  it('accepts a built-in preset id, and names a near miss', () => {
    expect(errorsOf({ accounts: { A1: { preset: 'topstep-50k-combine' } } })).toStrictEqual([]);
    expect(errorsOf({ accounts: { A1: { preset: 'topstep-50k-combin' } } })).toStrictEqual([
      `accounts.A1.preset: no preset named "topstep-50k-combin", did you mean topstep-50k-combine? (the config has no presets; ${builtInPresetsHint()})`,
    ]);
  });

  it('lists a few built-in ids and how many more rather than every one', () => {
    const [error] = errorsOf({ presets: { mine: {} }, accounts: { A1: { preset: 'apex' } } });
    expect(error).toBe(
      `accounts.A1.preset: no preset named "apex" (presets are mine; ${builtInPresetsHint()})`,
    );
    expect((error ?? '').length).toBeLessThan(200);
  });
});
