// Tighten-only (docs/RULES.md section 6): an account that is halted may take a stricter config but not a looser
// one; an active account may take either; every setting the change makes is listed for the audit trail.
import { describe, expect, it } from 'vitest';
import { validateConfig, type WardenConfig } from '../../../shared/config/schema';
import { engineConfigOf } from '../../../main/engine';
import { judgeConfigChange } from '../../../main/core/config-changes';
import { instrumentEvents, runEngine } from '../../helpers/engine';
import { fill, quote } from '../engine/rules/money-rules.helpers';

function config(document: Record<string, unknown>): WardenConfig {
  const result = validateConfig(document);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}
const withRules = (rules: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  config({ ...extra, accounts: { A1: { startingBalance: 50000, rules } } });

const base = withRules({ dailyLoss: { amount: 300 } });
const trading = [...instrumentEvents, fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800')];
const haltedState = () =>
  runEngine(
    [
      ...trading,
      quote('2026-05-05T09:05:00-05:00', 'ES', '5793'), // −350: breach, to be confirmed
      quote('2026-05-05T09:06:00-05:00', 'ES', '5793'),
    ],
    engineConfigOf(base),
  ).state;

describe('judging a config change', () => {
  it('halted: refuses a scaling ladder that allows more contracts, and lists plan changes when allowed', () => {
    const plan = (scaling: { from: number; maxContracts: number }[], extra: Record<string, unknown> = {}) =>
      config({
        accounts: {
          A1: { startingBalance: 50000, rules: { dailyLoss: { amount: 300 } }, plan: { scaling, ...extra } },
        },
      });
    const before = plan([
      { from: 0, maxContracts: 2 },
      { from: 1500, maxContracts: 3 },
    ]);
    const halted = runEngine(
      [
        ...trading,
        quote('2026-05-05T09:05:00-05:00', 'ES', '5793'),
        quote('2026-05-05T09:06:00-05:00', 'ES', '5793'),
      ],
      engineConfigOf(before),
    ).state;
    const looser = plan([
      { from: 0, maxContracts: 3 },
      { from: 1500, maxContracts: 3 },
    ]);
    expect(judgeConfigChange(halted, looser)).toEqual({
      ok: false,
      problems: [
        'A1 is halted until Tue 5 May 17:00 CDT, so its rules may only tighten; this change loosens ' +
          'plan.scaling: 3 contracts below the first tier (was 2), plan.scaling: 3 contracts from 0 banked (was 2)',
      ],
    });
    const tighter = plan([{ from: 0, maxContracts: 2 }], { minTradingDays: 5 });
    expect(judgeConfigChange(halted, tighter)).toEqual({
      ok: true,
      changes: ['A1 plan.minTradingDays: unset → 5', 'A1 plan.scaling: 0→2, 1500→3 → 0→2'],
    });
  });

  it('halted: refuses every loosening at once, naming the lock', () => {
    const looser = withRules(
      { dailyLoss: { amount: 500, basis: 'realized' } },
      { quoteSanity: { confirmQuotes: 3 } },
    );
    expect(judgeConfigChange(haltedState(), looser)).toEqual({
      ok: false,
      problems: [
        'A1 is halted until Tue 5 May 17:00 CDT, so its rules may only tighten; this change loosens ' +
          'dailyLoss.amount: raised from 300 to 500, dailyLoss.basis: from net to realized (milder), ' +
          'quoteSanity.confirmQuotes: 2 → 3',
      ],
    });
  });

  it('halted: takes a tighter limit and a new rule, listing both', () => {
    const tighter = withRules({ dailyLoss: { amount: 250 }, maxContracts: { total: 2 } });
    expect(judgeConfigChange(haltedState(), tighter)).toEqual({
      ok: true,
      changes: ['A1 dailyLoss.amount: "300" → "250"', 'A1 maxContracts: turned on'],
    });
  });

  it('active: takes a looser limit and a rule turned off', () => {
    const { state } = runEngine(trading, engineConfigOf(base));
    expect(judgeConfigChange(state, withRules({ dailyLoss: { amount: 300, enabled: false } }))).toEqual({
      ok: true,
      changes: ['A1 dailyLoss: turned off'],
    });
  });
});

describe('judging a change of groups (docs/RULES.md section 10)', () => {
  const grouped = (group: Record<string, unknown>) =>
    config({
      accounts: {
        A1: { startingBalance: 50000, rules: { dailyLoss: { amount: 300 } } },
        A2: { startingBalance: 50000 },
      },
      groups: { apex: { name: 'Apex', accounts: ['A1', 'A2'], ...group } },
    });
  const before = grouped({ rules: { groupDailyLoss: { amount: 1500 } } });
  const halted = () =>
    runEngine(
      [
        ...trading,
        quote('2026-05-05T09:05:00-05:00', 'ES', '5793'),
        quote('2026-05-05T09:06:00-05:00', 'ES', '5793'),
      ],
      engineConfigOf(before),
    ).state;

  it('a halted member: a looser group rule is refused like its own rules', () => {
    const looser = grouped({ rules: { groupDailyLoss: { amount: 2000 } } });
    expect(judgeConfigChange(halted(), looser)).toEqual({
      ok: false,
      problems: [
        'A1 is halted until Tue 5 May 17:00 CDT, so its rules may only tighten; this change loosens ' +
          'group apex groupDailyLoss.amount: raised from 1500 to 2000',
      ],
    });
  });

  it('a halted member: a tighter group rule and a copier are taken, and listed', () => {
    const tighter = grouped({
      rules: { groupDailyLoss: { amount: 1000 } },
      copier: { leader: 'A1' },
    });
    expect(judgeConfigChange(halted(), tighter)).toEqual({
      ok: true,
      changes: ['group apex groupDailyLoss.amount: "1500" → "1000"', 'group apex copier: turned on'],
    });
  });

  it('with every member active, the group may loosen or go', () => {
    const { state } = runEngine(trading, engineConfigOf(before));
    expect(judgeConfigChange(state, withRules({ dailyLoss: { amount: 300 } }))).toEqual({
      ok: true,
      changes: ['group apex: removed'],
    });
  });
});
