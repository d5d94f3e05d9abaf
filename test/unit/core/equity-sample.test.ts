// An account's sample from the engine state: the daily-loss floor is the day start equity less the amount in
// force (null when the rule is off), the same in the view and in the sample; and an account with no rule,
// margin or lock samples nulls and `active`.
import { describe, expect, it } from 'vitest';
import { equitySampleOf } from '../../../main/core/equity-sample';
import { dailyLossFloor } from '../../../main/core/limits-view';
import { buildView } from '../../../main/core/view';
import { engineConfigOf, type EngineState } from '../../../main/engine';
import { validateConfig } from '../../../shared/config/schema';
import type { EngineEvent } from '../../../shared/domain/events';
import { ev, runEngine } from '../../helpers/engine';

function configWith(rules: Record<string, unknown>) {
  const result = validateConfig({ accounts: { A1: { startingBalance: '50012.35', rules } } });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

const report = (balance: string) =>
  ev({ type: 'account', t: '2026-05-05T09:00:00-05:00', account: 'A1', balance });

function stateAfter(rules: Record<string, unknown>, events: EngineEvent[]): EngineState {
  return runEngine(events, engineConfigOf(configWith(rules))).state;
}

function account(state: EngineState) {
  const found = state.accounts.get('A1');
  if (found === undefined) throw new Error('no account A1');
  return found;
}

describe('dailyLossFloor', () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ['no daily loss rule', {}, null],
    ['the rule turned off', { dailyLoss: { amount: 1000, enabled: false } }, null],
    ['day start 50,012.35 − 1,000.10', { dailyLoss: { amount: '1000.10' } }, '49012.25'],
    ['on the realized basis too', { dailyLoss: { amount: 500, basis: 'realized' } }, '49512.35'],
  ])('%s', (_, rules, floor) => {
    const state = stateAfter(rules, [report('50012.35')]);
    expect(dailyLossFloor(state, account(state))).toBe(floor);
  });

  it('follows the amount in force after a config change', () => {
    const state = stateAfter({ dailyLoss: { amount: 1000 } }, [
      report('50012.35'),
      {
        type: 'configChange',
        t: Date.parse('2026-05-05T09:10:00-05:00'),
        config: configWith({ dailyLoss: { amount: 200 } }),
        by: 'trader',
      },
    ]);
    expect(dailyLossFloor(state, account(state))).toBe('49812.35');
  });

  it('is the floor the view shows and the sample keeps', () => {
    const state = stateAfter({ dailyLoss: { amount: '1000.10' } }, [report('50012.35')]);
    const view = buildView(state, {
      seq: 1,
      now: 0,
      broker: 'sim',
      demo: false,
      guarded: () => true,
      brokerAccounts: undefined,
      flattening: new Set(),
      enforcement: () => 'closed',
    });
    const sampled = equitySampleOf(state, account(state), 0).metrics?.dailyLossFloor;
    expect([view.accounts[0]?.dailyLossFloor, sampled]).toEqual(['49012.25', '49012.25']);
  });
});

describe('equitySampleOf', () => {
  it('samples an account with no rules, no margin and no lock as nulls, zeros and active', () => {
    const state = stateAfter({}, [report('50012.35')]);
    expect(equitySampleOf(state, account(state), 1234)).toEqual({
      account: 'A1',
      t: 1234,
      balance: '50012.35',
      equity: '50012.35',
      dailyNetPnl: '0.00',
      dailyDrawdown: '0.00',
      openQty: 0,
      metrics: {
        unrealizedPnl: '0',
        dailyRealizedPnl: '0',
        weeklyNetPnl: '0',
        trailingThreshold: null,
        dailyLossFloor: null,
        marginLevel: null,
        tradesToday: 0,
        consecutiveLosses: 0,
        tradingState: 'active',
      },
    });
  });
});
