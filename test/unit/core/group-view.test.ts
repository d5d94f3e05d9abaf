// The groups on screen (docs/RULES.md section 10, shared/ipc GroupView): exact sums over the members, the group
// rules' bars with the levels the engine remembers, the group's trading state, and each account's groups.
import { describe, expect, it } from 'vitest';
import { groupsOfAccount, groupsView } from '../../../main/core/group-view';
import { engineConfigOf } from '../../../main/engine';
import { validateConfig } from '../../../shared/config/schema';
import { clock, fill, order, quote, run } from '../engine/groups/groups.helpers';

const account = { startingBalance: 50000 };
const result = validateConfig({
  accounts: { A1: account, A2: account, A3: account, B1: account },
  groups: {
    apex: {
      name: 'Apex',
      accounts: ['A1', 'A2', 'A3'],
      rules: { groupDailyLoss: { amount: 1500 }, groupMaxContracts: { total: 3 } },
      copier: { leader: 'A1' },
    },
    pair: {
      name: 'Pair',
      accounts: ['B1', 'A1'],
      rules: { groupDailyLoss: { amount: 600, basis: 'realized' } },
    },
  },
});
if (!result.ok) throw new Error(result.errors.join('\n'));
const config = engineConfigOf(result.config);

describe('the groups view', () => {
  it('sums the members, shows the bars and levels, and each account its groups in config order', () => {
    const { state } = run(
      [
        fill('09:00', 'A1', 'ES', 'buy', 1, '5800'),
        fill('09:00', 'A2', 'MES', 'buy', 5, '5800'),
        order('09:01', 'A3', 'o1', 'NQ', 'buy', 2), // 3.5 contracts with it: over 3
        fill('09:02', 'B1', 'ES', 'sell', 1, '5800'),
        fill('09:03', 'B1', 'ES', 'buy', 1, '5810'), // B1 −500 realized
        quote('09:04', 'ES', '5790'), // A1 −500; A2's MES not quoted
        clock('09:05'),
      ],
      config,
    );
    expect(groupsView(state)).toStrictEqual([
      {
        id: 'apex',
        name: 'Apex',
        accounts: ['A1', 'A2', 'A3'],
        leader: 'A1',
        metrics: { dailyNetPnl: '-500', dailyRealizedPnl: '0', unrealizedPnl: '-500', openContracts: 3.5 },
        limits: [
          {
            rule: 'groupDailyLoss',
            label: 'Group daily loss',
            unit: 'money',
            used: '500',
            limit: '1500',
            level: 'ok',
          },
          {
            rule: 'groupMaxContracts',
            label: 'Group contracts',
            unit: 'count',
            used: '3.5',
            limit: '3',
            level: 'breach',
          },
        ],
        tradingState: 'active',
      },
      {
        id: 'pair',
        name: 'Pair',
        accounts: ['B1', 'A1'],
        leader: null,
        metrics: { dailyNetPnl: '-1000', dailyRealizedPnl: '-500', unrealizedPnl: '-500', openContracts: 1 },
        limits: [
          {
            rule: 'groupDailyLoss',
            label: 'Group daily loss',
            unit: 'money',
            used: '500',
            limit: '600',
            level: 'warning',
          },
        ],
        tradingState: 'active',
      },
    ]);
    expect(['A1', 'A2', 'B1'].map((id) => groupsOfAccount(state, id))).toStrictEqual([
      ['apex', 'pair'],
      ['apex'],
      ['pair'],
    ]);
  });

  it('halted by its own rule, or showing its worst member; no groups configured, none shown', () => {
    const { state } = run(
      [fill('09:00', 'B1', 'ES', 'buy', 1, '5800'), fill('09:01', 'B1', 'ES', 'sell', 1, '5788')],
      config,
    );
    expect(groupsView(state).map((g) => [g.id, g.tradingState])).toStrictEqual([
      // pair's loss (600 realized, B1's) halts B1 and A1; apex shows its worst member, A1.
      ['apex', 'halted'],
      ['pair', 'halted'],
    ]);
    const plain = run([], engineConfigOf({ ...result.config, groups: {} }));
    expect(groupsView(plain.state)).toStrictEqual([]);
    expect(groupsOfAccount(plain.state, 'A1')).toStrictEqual([]);
  });
});
