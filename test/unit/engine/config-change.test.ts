// A config change inside the engine: the new limits apply at once (a tightened daily loss can breach on the
// change itself), rules turned off forget their level, a changed trailing drawdown recomputes its threshold,
// the settings lock lasts until the day ends, and the config in force travels in snapshots and the journal.
import { describe, expect, it } from 'vitest';
import { validateConfig, type WardenConfig } from '../../../shared/config/schema';
import { encodeEngineEvent, parseEngineEvent } from '../../../shared/domain/event-codec';
import type { EngineEvent } from '../../../shared/domain/events';
import { deserializeState, engineConfigOf, rulesFor, serializeState } from '../../../main/engine';
import { instrumentEvents, runEngine } from '../../helpers/engine';
import { at, fill, quote, ruleDecisions } from './rules/money-rules.helpers';

function documentWith(rules: Record<string, unknown>): WardenConfig {
  const result = validateConfig({ accounts: { A1: { startingBalance: 50000, rules } } });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

const change = (t: string, rules: Record<string, unknown>): EngineEvent => ({
  type: 'configChange',
  t: at(t),
  config: documentWith(rules),
  by: 'trader',
});

// Tuesday 5 May 2026 (CDT): the trading day ends at 17:00.
const dayEnd = at('2026-05-05T17:00:00-05:00');
const longEsDown250 = [
  ...instrumentEvents,
  fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
  quote('2026-05-05T09:05:00-05:00', 'ES', '5795'),
];

describe('config change in the engine', () => {
  it('a daily loss tightened from 1,000 to 200 while 250 down breaches on the change: flatten, halted until day end', () => {
    const base = engineConfigOf(documentWith({ dailyLoss: { amount: 1000 } }));
    const { state, decisions } = runEngine(
      [...longEsDown250, change('2026-05-05T09:10:00-05:00', { dailyLoss: { amount: 200 } })],
      base,
    );
    expect(ruleDecisions(decisions)).toEqual([
      {
        t: at('2026-05-05T09:10:00-05:00'),
        rule: 'dailyLoss',
        level: 'breach',
        action: 'flatten',
        lock: { state: 'halted', until: dayEnd },
      },
    ]);
    expect(rulesFor(state.config, 'A1').dailyLoss?.amount).toBe('200');
  });

  it('a rule turned off forgets its level; turned on again it reports the level afresh', () => {
    const base = engineConfigOf(documentWith({ dailyLoss: { amount: 300 } }));
    const { decisions } = runEngine(
      [
        ...longEsDown250, // −250 of 300: warning (≥ 240)
        change('2026-05-05T09:10:00-05:00', { dailyLoss: { amount: 300, enabled: false } }),
        change('2026-05-05T09:20:00-05:00', { dailyLoss: { amount: 300 } }),
      ],
      base,
    );
    expect(ruleDecisions(decisions).map((d) => [d.t, d.rule, d.level])).toEqual([
      [at('2026-05-05T09:05:00-05:00'), 'dailyLoss', 'warning'],
      [at('2026-05-05T09:20:00-05:00'), 'dailyLoss', 'warning'],
    ]);
  });

  it('a changed trailing drawdown recomputes its threshold from the high-water mark (51,000)', () => {
    const trailing = (amount: number) => ({ trailingDrawdown: { amount, mode: 'intraday' } });
    const base = engineConfigOf(documentWith(trailing(2000)));
    const upTo51k = [
      ...instrumentEvents,
      fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
      quote('2026-05-05T09:05:00-05:00', 'ES', '5820'),
    ];
    const thresholdAfter = (...changes: EngineEvent[]) =>
      runEngine([...upTo51k, ...changes], base)
        .state.accounts.get('A1')
        ?.trailingThreshold?.toFixed();
    expect(thresholdAfter()).toBe('49000');
    expect(thresholdAfter(change('2026-05-05T09:10:00-05:00', trailing(1500)))).toBe('49500');
    expect(
      thresholdAfter(
        change('2026-05-05T09:10:00-05:00', trailing(1500)),
        change('2026-05-05T09:20:00-05:00', trailing(2500)),
      ),
    ).toBe('48500');
  });

  it('locks the settings until the trading day ends', () => {
    const { state } = runEngine([
      ...longEsDown250,
      { type: 'settingsLock', t: at('2026-05-05T10:00:00-05:00'), account: 'A1' },
    ]);
    expect(state.accounts.get('A1')?.settingsLockedUntil).toBe(dayEnd);
  });

  it('a snapshot carries the config in force, and the journal form of the change parses back the same', () => {
    const base = engineConfigOf(documentWith({ dailyLoss: { amount: 1000 } }));
    const tightened = change('2026-05-05T09:10:00-05:00', { dailyLoss: { amount: 900 } });
    const { state } = runEngine([...longEsDown250, tightened], base);
    const restored = deserializeState(serializeState(state), base);
    expect(rulesFor(restored.config, 'A1').dailyLoss?.amount).toBe('900');
    expect(restored.config).toEqual(state.config);

    const journaled = JSON.parse(JSON.stringify(encodeEngineEvent(tightened))) as unknown;
    expect(parseEngineEvent(journaled)).toEqual({ ok: true, event: tightened });
  });

  it('a journaled change whose document is broken is refused, naming the path', () => {
    const broken = {
      type: 'configChange',
      t: 1,
      by: 'trader',
      config: { accounts: { A1: { rules: { dailyLoss: { amount: -5 } } } } },
    };
    const parsed = parseEngineEvent(broken);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain('accounts.A1.rules.dailyLoss.amount');
  });
});
