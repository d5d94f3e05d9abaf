// The config's groups (docs/RULES.md section 10): members that exist and share one currency, a leader among them,
// group rules completed with their defaults, every error with its path; and tighten-only for a locked member.
import { describe, expect, it } from 'vitest';
import { groupChanges } from '../../../shared/config/changes';
import { resolveGroups } from '../../../shared/config/groups';
import { compareGroupStrictness } from '../../../shared/config/strictness';
import { errorsOf, validConfig } from './helpers';

const accounts = {
  A1: { startingBalance: 50000 },
  A2: { startingBalance: 50000 },
  A3: { startingBalance: 50000, currency: 'USD' },
};
const groupsOf = (groups: Record<string, unknown>) => resolveGroups(validConfig({ accounts, groups }).groups);

describe('groups in the config document', () => {
  it('defaults to none', () => {
    expect(validConfig({ accounts }).groups).toStrictEqual({});
  });

  it('completes group rules and the copier with their defaults', () => {
    const groups = groupsOf({
      apex: {
        name: 'Apex 50Ks',
        accounts: ['A1', 'A2', 'A3'],
        rules: { groupDailyLoss: { amount: 1500 }, groupMaxContracts: { total: 12, warnAt: '0.5' } },
        copier: { leader: 'A1' },
      },
      pair: { name: 'Pair', accounts: ['A2', 'A3'], rules: { groupDailyLoss: { enabled: false } } },
    });
    expect(groups).toStrictEqual({
      apex: {
        name: 'Apex 50Ks',
        accounts: ['A1', 'A2', 'A3'],
        rules: {
          groupDailyLoss: {
            enabled: true,
            warnAt: '0.8',
            criticalAt: '0.95',
            action: 'flatten',
            lock: 'dayEnd',
            lockState: 'halted',
            basis: 'net',
            amount: '1500',
          },
          groupMaxContracts: {
            enabled: true,
            warnAt: '0.5',
            criticalAt: '0.95',
            action: 'reducePosition',
            lock: 'none',
            lockState: 'halted',
            total: '12',
          },
        },
        copier: { leader: 'A1', graceSeconds: 5, onHedge: 'alert', haltWithLeader: false },
      },
      // Off and lacking its amount: off either way.
      pair: { name: 'Pair', accounts: ['A2', 'A3'], rules: {}, copier: null },
    });
  });

  it('lists every problem at once, each with its path', () => {
    const document = {
      accounts: { ...accounts, E1: { startingBalance: 50000, currency: 'EUR' }, X: { currency: 'usd' } },
      groups: {
        apex: {
          name: 'Apex',
          accounts: ['A1', 'A9', 'A1', 'E1'],
          rules: { groupDailyLoss: { basis: 'net' }, groupMaxContract: { total: 3 } },
          copier: { leader: 'A4', onHedge: 'flatten' },
        },
        empty: { name: 'Empty', accounts: [] },
        odd: {
          accounts: ['A2'],
          rules: { groupMaxContracts: { total: -1, perSymbol: {}, warnAt: 0.9, criticalAt: 0.8 } },
        },
      },
    };
    expect(errorsOf(document)).toStrictEqual([
      'accounts.X.currency: must be a three-letter currency code such as USD, got "usd"',
      'groups.apex.rules.groupDailyLoss.amount: is required',
      'groups.apex.rules.groupMaxContract: unknown group rule (did you mean groupMaxContracts?)',
      'groups.apex.copier.onHedge: must be one of alert, close, got "flatten"',
      'groups.empty.accounts: must list at least one account',
      'groups.odd.name: is required',
      'groups.odd.rules.groupMaxContracts.total: must be at least 0, got -1',
      'groups.odd.rules.groupMaxContracts.perSymbol: unknown key for groupMaxContracts; it accepts enabled, warnAt, criticalAt, action, lock, lockState, total',
      'groups.apex.accounts[1]: no account named "A9" (accounts are A1, A2, A3, E1, X)',
      'groups.apex.accounts[2]: "A1" is listed twice',
      'groups.apex.accounts: members must share one currency, got A1 USD, E1 EUR',
      'groups.apex.copier.leader: "A4" is not a member of the group (members are A1, A9, A1, E1)',
    ]);
  });

  it('checks a group rule block whose values are each valid for consistency', () => {
    const rules = { groupDailyLoss: { amount: 1000, warnAt: 0.9, criticalAt: 0.8 } };
    expect(errorsOf({ accounts, groups: { g: { name: 'G', accounts: ['A1'], rules } } })).toStrictEqual([
      'groups.g.rules.groupDailyLoss.warnAt: must be below criticalAt (0.8), got 0.9',
    ]);
  });

  it('takes an account in several groups, and members of one explicit currency', () => {
    const groups = groupsOf({
      g1: { name: 'One', accounts: ['A1', 'A3'] },
      g2: { name: 'Two', accounts: ['A3', 'A2'], copier: { leader: 'A2', graceSeconds: 0 } },
    });
    expect(Object.keys(groups)).toStrictEqual(['g1', 'g2']);
    expect(groups['g2']?.copier).toStrictEqual({
      leader: 'A2',
      graceSeconds: 0,
      onHedge: 'alert',
      haltWithLeader: false,
    });
  });
});

describe('tighten-only for a locked member', () => {
  const before = groupsOf({
    apex: {
      name: 'Apex',
      accounts: ['A1', 'A2'],
      rules: { groupDailyLoss: { amount: 1500 }, groupMaxContracts: { total: 12 } },
      copier: { leader: 'A1', graceSeconds: 5, onHedge: 'close', haltWithLeader: true },
    },
  })['apex'];

  it('lists every loosening of what the group imposes', () => {
    const after = groupsOf({
      apex: {
        name: 'Apex',
        accounts: ['A1', 'A2'],
        rules: {
          groupDailyLoss: { amount: 2000, basis: 'realized', warnAt: 0.9 },
          groupMaxContracts: { total: 13, warnAt: 0.9 },
        },
        copier: { leader: 'A2', graceSeconds: 10, onHedge: 'alert', haltWithLeader: false },
      },
    })['apex'];
    expect(compareGroupStrictness('apex', 'A2', before, after)).toStrictEqual([
      'group apex groupDailyLoss.warnAt: raised from 0.8 to 0.9',
      'group apex groupDailyLoss.amount: raised from 1500 to 2000',
      'group apex groupDailyLoss.basis: from net to realized (milder)',
      'group apex groupMaxContracts.total: raised from 12 to 13',
      'group apex copier.leader: changed from A1 to A2',
      'group apex copier.graceSeconds: raised from 5 to 10',
      'group apex copier.onHedge: from close to alert (milder)',
      'group apex copier.haltWithLeader: turned off',
    ]);
  });

  it('a group removed, a member taken out, a rule off or a copier removed loosens; tightening does not', () => {
    const without = (changes: Record<string, unknown>) =>
      groupsOf({
        apex: {
          name: 'Apex',
          accounts: ['A1', 'A2'],
          rules: { groupDailyLoss: { amount: 1500 }, groupMaxContracts: { total: 12 } },
          ...changes,
        },
      })['apex'];
    expect(compareGroupStrictness('apex', 'A2', before, undefined)).toStrictEqual(['group apex: removed']);
    expect(compareGroupStrictness('apex', 'A2', before, without({ accounts: ['A1'] }))).toStrictEqual([
      'group apex: A2 no longer a member',
    ]);
    expect(
      compareGroupStrictness(
        'apex',
        'A2',
        before,
        without({ rules: { groupDailyLoss: { amount: 1500, enabled: false } } }),
      ),
    ).toStrictEqual([
      'group apex groupDailyLoss: disabled',
      'group apex groupMaxContracts: removed',
      'group apex copier: removed',
    ]);
    const tighter = without({
      accounts: ['A1', 'A2', 'A3'],
      rules: { groupDailyLoss: { amount: 1000 }, groupMaxContracts: { total: 6 } },
      copier: { leader: 'A1', graceSeconds: 2, onHedge: 'close', haltWithLeader: true },
    });
    expect(compareGroupStrictness('apex', 'A2', before, tighter)).toStrictEqual([]);
    // A3 was not a member: nothing of the group was imposed on it before.
    expect(compareGroupStrictness('apex', 'A3', before, undefined)).toStrictEqual([]);
  });

  it('says what changed, for the audit', () => {
    const after = groupsOf({
      apex: {
        name: 'Apex 50K',
        accounts: ['A1', 'A2', 'A3'],
        rules: { groupDailyLoss: { amount: 1200 } },
        copier: { leader: 'A1', graceSeconds: 5, onHedge: 'close', haltWithLeader: false },
      },
    })['apex'];
    expect(groupChanges('apex', before, after)).toStrictEqual([
      'group apex name: "Apex" → "Apex 50K"',
      'group apex accounts: ["A1","A2"] → ["A1","A2","A3"]',
      'group apex groupDailyLoss.amount: "1500" → "1200"',
      'group apex groupMaxContracts: turned off',
      'group apex copier.haltWithLeader: true → false',
    ]);
    expect(groupChanges('new', undefined, after)).toStrictEqual(['group new: added']);
  });
});
