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
  it('halted: refuses every loosening at once, naming the lock', () => {
    const looser = withRules(
      { dailyLoss: { amount: 500, basis: 'realized' } },
      { quoteSanity: { confirmQuotes: 3 } },
    );
    expect(judgeConfigChange(haltedState(), looser)).toEqual({
      ok: false,
      problems: [
        'A1 is halted until 2026-05-05T22:00:00.000Z, so its rules may only tighten; this change loosens ' +
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
