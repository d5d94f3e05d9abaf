// The dashboard's limit bars: each active limit's used amount, its limit and the level the engine remembers.
import { describe, expect, it } from 'vitest';
import { limitsView } from '../../../main/core/limits-view';
import { accountMetrics, type EngineState } from '../../../main/engine';
import { instrumentEvents, runEngine } from '../../helpers/engine';
import { accountConfig, fill, quote, rule } from '../engine/rules/money-rules.helpers';

const rules = {
  ...rule('dailyLoss', { amount: '300', basis: 'net' }),
  ...rule('dailyGiveback', { amount: '500', activateAfter: '1000' }),
  ...rule('trailingDrawdown', {
    amount: '2000',
    mode: 'intraday',
    startingBalance: null,
    lockThresholdAt: null,
  }),
  ...rule('weeklyLoss', { amount: '1000', basis: 'net' }),
  ...rule('tradeFrequency', { perMinute: null, perHour: null, perDay: 5, cooldownMinutes: 10 }),
  ...rule('maxContracts', { total: '3', perSymbol: {}, countWorkingOrders: true }),
};

function limitsAfter(lastPrice: string) {
  const { state } = runEngine(
    [
      ...instrumentEvents,
      fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 2, '5800'),
      quote('2026-05-05T09:01:00-05:00', 'ES', lastPrice),
    ],
    accountConfig(rules),
  );
  return limitsOf(state);
}

function limitsOf(state: EngineState) {
  const account = state.accounts.get('A1');
  if (account === undefined) throw new Error('no account A1');
  return limitsView(state, account, accountMetrics(state, account));
}

describe('limits for the dashboard', () => {
  it('lists every active limit with used, limit and level; giveback counts nothing before it activates', () => {
    // Long 2 ES from 5800, last 5797.50: −2.5 points × 50 × 2 = −250 (83% of the 300 daily loss: warning).
    expect(limitsAfter('5797.50')).toEqual([
      {
        rule: 'dailyLoss',
        label: 'Daily loss',
        unit: 'money',
        used: '250',
        limit: '300',
        level: 'warning',
      },
      { rule: 'dailyGiveback', label: 'Giveback', unit: 'money', used: '0', limit: '500', level: 'ok' },
      {
        rule: 'trailingDrawdown',
        label: 'Trailing drawdown',
        unit: 'money',
        used: '250',
        limit: '2000',
        level: 'ok',
      },
      {
        rule: 'weeklyLoss',
        label: 'Weekly loss',
        unit: 'money',
        used: '250',
        limit: '1000',
        level: 'ok',
      },
      { rule: 'tradeFrequency', label: 'Trades today', unit: 'count', used: '1', limit: '5', level: 'ok' },
      { rule: 'maxContracts', label: 'Contracts', unit: 'count', used: '2', limit: '3', level: 'ok' },
    ]);
  });

  it('shows a gain as nothing used of the loss limits, and a critical level as the engine has it', () => {
    const up = limitsAfter('5801');
    expect(up.find((l) => l.rule === 'dailyLoss')).toMatchObject({ used: '0', level: 'ok' });
    const critical = limitsAfter('5797'); // −300 reached: breach pending confirmation, critical meanwhile
    expect(critical.find((l) => l.rule === 'dailyLoss')?.used).toBe('300');
    expect(critical.find((l) => l.rule === 'dailyLoss')?.level).toBe('critical');
  });

  it('lists nothing for an account without rules', () => {
    const { state } = runEngine(
      [...instrumentEvents, fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800')],
      accountConfig({}),
    );
    expect(limitsOf(state)).toEqual([]);
  });
});
