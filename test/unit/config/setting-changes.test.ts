// Each setting a config change changes, for the Rules screen: its path, words and direction under tighten-only
// (docs/RULES.md section 6), the direction being the strictness comparisons' own (looser when they find a
// loosening, tighter when undoing the change would be one, else neutral).
import { describe, expect, it } from 'vitest';
import { resolveGroups, type GroupSettings } from '../../../shared/config/groups';
import { resolveAccountPlan, resolveAccountRules } from '../../../shared/config/merge';
import {
  groupSettingChanges,
  planSettingChanges,
  ruleSettingChanges,
  type JudgedChange,
} from '../../../shared/config/setting-changes';
import { accountRules, validConfig } from './helpers';

/** The one change from account A's rules `before` to `after`. */
function onlyChange(before: Record<string, unknown>, after: Record<string, unknown>): JudgedChange {
  const changes = ruleSettingChanges(accountRules(before), accountRules(after));
  expect(changes).toHaveLength(1);
  const [change] = changes;
  if (change === undefined) throw new Error('no change');
  return change;
}

const dailyLoss = (extra: Record<string, unknown> = {}) => ({ dailyLoss: { amount: 1000, ...extra } });

describe('a rule setting: words and direction', () => {
  it.each([
    {
      name: 'a loss limit lowered is tighter',
      before: dailyLoss(),
      after: dailyLoss({ amount: 800 }),
      expected: {
        path: 'rules.dailyLoss.amount',
        rule: 'dailyLoss',
        key: 'amount',
        before: '1000',
        after: '800',
        words: 'Daily loss 1,000.00 → 800.00',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a loss limit raised is looser',
      before: dailyLoss(),
      after: dailyLoss({ amount: 1250.5 }),
      expected: {
        path: 'rules.dailyLoss.amount',
        rule: 'dailyLoss',
        key: 'amount',
        before: '1000',
        after: '1250.5',
        words: 'Daily loss 1,000.00 → 1,250.50',
        direction: 'looser',
        loosens: ['dailyLoss.amount: raised from 1000 to 1250.5'],
      },
    },
    {
      name: 'trailing intraday → end of day is looser',
      before: { trailingDrawdown: { amount: 2000, mode: 'intraday' } },
      after: { trailingDrawdown: { amount: 2000, mode: 'endOfDay' } },
      expected: {
        path: 'rules.trailingDrawdown.mode',
        rule: 'trailingDrawdown',
        key: 'mode',
        before: 'intraday',
        after: 'endOfDay',
        words: 'Trailing drawdown high-water mark intraday → end of day',
        direction: 'looser',
        loosens: ['trailingDrawdown.mode: from intraday to endOfDay (milder)'],
      },
    },
    {
      name: 'trailing static → intraday is tighter',
      before: { trailingDrawdown: { amount: 2000, mode: 'static' } },
      after: { trailingDrawdown: { amount: 2000, mode: 'intraday' } },
      expected: {
        path: 'rules.trailingDrawdown.mode',
        rule: 'trailingDrawdown',
        key: 'mode',
        before: 'static',
        after: 'intraday',
        words: 'Trailing drawdown high-water mark static → intraday',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: "a count rule's limit lowered is tighter",
      before: { maxContracts: { total: 5 } },
      after: { maxContracts: { total: 3 } },
      expected: {
        path: 'rules.maxContracts.total',
        rule: 'maxContracts',
        key: 'total',
        before: '5',
        after: '3',
        words: 'Max contracts 5 → 3',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'losses in a row allowed more is looser',
      before: { consecutiveLosses: { max: 3, cooldownMinutes: 30, lock: 'dayEnd' } },
      after: { consecutiveLosses: { max: 4, cooldownMinutes: 30, lock: 'dayEnd' } },
      expected: {
        path: 'rules.consecutiveLosses.max',
        rule: 'consecutiveLosses',
        key: 'max',
        before: 3,
        after: 4,
        words: 'Losses in a row 3 → 4',
        direction: 'looser',
        loosens: ['consecutiveLosses.max: raised from 3 to 4'],
      },
    },
    {
      name: 'a trade limit per day added is tighter',
      before: { tradeFrequency: { perHour: 10, cooldownMinutes: 15, lock: 'dayEnd' } },
      after: { tradeFrequency: { perHour: 10, perDay: 3, cooldownMinutes: 15, lock: 'dayEnd' } },
      expected: {
        path: 'rules.tradeFrequency.perDay',
        rule: 'tradeFrequency',
        key: 'perDay',
        before: null,
        after: 3,
        words: 'Trade frequency per day no limit → 3',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a rule turned on is tighter',
      before: {},
      after: { tradeFrequency: { perDay: 3, cooldownMinutes: 0 } },
      expected: {
        path: 'rules.tradeFrequency.enabled',
        rule: 'tradeFrequency',
        key: 'enabled',
        before: false,
        after: true,
        words: 'Trade frequency: turned on',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a rule turned off is looser',
      before: { tradeFrequency: { perDay: 3, cooldownMinutes: 0 } },
      after: { tradeFrequency: { perDay: 3, cooldownMinutes: 0, enabled: false } },
      expected: {
        path: 'rules.tradeFrequency.enabled',
        rule: 'tradeFrequency',
        key: 'enabled',
        before: true,
        after: false,
        words: 'Trade frequency: turned off',
        direction: 'looser',
        loosens: ['tradeFrequency: disabled'],
      },
    },
    {
      name: 'a rule no longer written is looser',
      before: { stopRequired: { graceSeconds: 30 } },
      after: {},
      expected: {
        path: 'rules.stopRequired.enabled',
        rule: 'stopRequired',
        key: 'enabled',
        before: true,
        after: false,
        words: 'Stop required: turned off',
        direction: 'looser',
        loosens: ['stopRequired: removed'],
      },
    },
    {
      name: 'a lock until day end → until reset by hand is tighter',
      before: dailyLoss({ lock: 'dayEnd' }),
      after: dailyLoss({ lock: 'manual' }),
      expected: {
        path: 'rules.dailyLoss.lock',
        rule: 'dailyLoss',
        key: 'lock',
        before: 'dayEnd',
        after: 'manual',
        words: 'Daily loss then lock until the day ends → until reset by hand',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a lock until day end → 30 minutes is looser',
      before: dailyLoss(),
      after: dailyLoss({ lock: { minutes: 30 } }),
      expected: {
        path: 'rules.dailyLoss.lock',
        rule: 'dailyLoss',
        key: 'lock',
        before: 'dayEnd',
        after: { minutes: 30 },
        words: 'Daily loss then lock until the day ends → for 30 minutes',
        direction: 'looser',
        loosens: ['dailyLoss.lock: from dayEnd to 30 minutes (shorter)'],
      },
    },
    {
      name: 'an action alert → flatten is tighter',
      before: { exposure: { maxGross: 200000 } },
      after: { exposure: { maxGross: 200000, action: 'flatten' } },
      expected: {
        path: 'rules.exposure.action',
        rule: 'exposure',
        key: 'action',
        before: 'alert',
        after: 'flatten',
        words: 'Exposure when breached alert only → flatten the account',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a lock state halted → reduce only is looser',
      before: { exposure: { maxGross: 200000, lockState: 'halted' } },
      after: { exposure: { maxGross: 200000 } },
      expected: {
        path: 'rules.exposure.lockState',
        rule: 'exposure',
        key: 'lockState',
        before: 'halted',
        after: 'reducing',
        words: 'Exposure locked as halted → reducing',
        direction: 'looser',
        loosens: ['exposure.lockState: from halted to reducing (milder)'],
      },
    },
    {
      name: 'an earlier warning is tighter',
      before: dailyLoss(),
      after: dailyLoss({ warnAt: 0.7 }),
      expected: {
        path: 'rules.dailyLoss.warnAt',
        rule: 'dailyLoss',
        key: 'warnAt',
        before: '0.8',
        after: '0.7',
        words: 'Daily loss warn at 80% → 70%',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a later critical level is looser',
      before: dailyLoss(),
      after: dailyLoss({ criticalAt: 0.975 }),
      expected: {
        path: 'rules.dailyLoss.criticalAt',
        rule: 'dailyLoss',
        key: 'criticalAt',
        before: '0.95',
        after: '0.975',
        words: 'Daily loss critical at 95% → 97.5%',
        direction: 'looser',
        loosens: ['dailyLoss.criticalAt: raised from 0.95 to 0.975'],
      },
    },
    {
      name: "a count rule's warning level means nothing: neutral",
      before: { maxContracts: { total: 5 } },
      after: { maxContracts: { total: 5, warnAt: 0.5 } },
      expected: {
        path: 'rules.maxContracts.warnAt',
        rule: 'maxContracts',
        key: 'warnAt',
        before: '0.8',
        after: '0.5',
        words: 'Max contracts warn at 80% → 50%',
        direction: 'neutral',
        loosens: [],
      },
    },
    {
      name: 'a symbol added to the block is tighter',
      before: { symbolBlock: { symbols: ['ES'] } },
      after: { symbolBlock: { symbols: ['ES', 'NQ'] } },
      expected: {
        path: 'rules.symbolBlock.symbols',
        rule: 'symbolBlock',
        key: 'symbols',
        before: ['ES'],
        after: ['ES', 'NQ'],
        words: 'Blocked symbols ES → ES, NQ',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a blocked symbol swapped for another is looser',
      before: { symbolBlock: { symbols: ['ES'] } },
      after: { symbolBlock: { symbols: ['NQ'] } },
      expected: {
        path: 'rules.symbolBlock.symbols',
        rule: 'symbolBlock',
        key: 'symbols',
        before: ['ES'],
        after: ['NQ'],
        words: 'Blocked symbols ES → NQ',
        direction: 'looser',
        loosens: ['symbolBlock.symbols: no longer blocks ES'],
      },
    },
    {
      name: 'an earlier flatten time is tighter',
      before: {
        tradingHours: { windows: [{ days: ['monday'], start: '08:30', end: '15:00' }], flattenAt: '15:55' },
      },
      after: {
        tradingHours: { windows: [{ days: ['monday'], start: '08:30', end: '15:00' }], flattenAt: '15:50' },
      },
      expected: {
        path: 'rules.tradingHours.flattenAt',
        rule: 'tradingHours',
        key: 'flattenAt',
        before: '15:55',
        after: '15:50',
        words: 'Trading hours flatten everything at 15:55 → 15:50',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a wider trading window is looser',
      before: { tradingHours: { windows: [{ days: ['monday'], start: '08:30', end: '15:00' }] } },
      after: { tradingHours: { windows: [{ days: ['monday', 'tuesday'], start: '08:30', end: '15:00' }] } },
      expected: {
        path: 'rules.tradingHours.windows',
        rule: 'tradingHours',
        key: 'windows',
        before: [{ days: ['monday'], start: '08:30', end: '15:00' }],
        after: [{ days: ['monday', 'tuesday'], start: '08:30', end: '15:00' }],
        words: 'Trading hours Mon 08:30–15:00 → Mon Tue 08:30–15:00',
        direction: 'looser',
        loosens: ['tradingHours.windows: widened: now also allows tuesday 08:30–15:00'],
      },
    },
    {
      name: 'a shorter grace before a stop is required is tighter',
      before: { stopRequired: { graceSeconds: 30 } },
      after: { stopRequired: { graceSeconds: 10 } },
      expected: {
        path: 'rules.stopRequired.graceSeconds',
        rule: 'stopRequired',
        key: 'graceSeconds',
        before: 30,
        after: 10,
        words: 'Stop required grace period 30 s → 10 s',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a wider trail is looser',
      before: { trailingStop: { activateAfterTicks: 8, trailTicks: 4 } },
      after: { trailingStop: { activateAfterTicks: 8, trailTicks: 6 } },
      expected: {
        path: 'rules.trailingStop.trailTicks',
        rule: 'trailingStop',
        key: 'trailTicks',
        before: 4,
        after: 6,
        words: 'Trailing stop trails by 4 ticks → 6 ticks',
        direction: 'looser',
        loosens: ['trailingStop.trailTicks: raised from 4 to 6'],
      },
    },
    {
      name: 'a per-symbol limit added is tighter',
      before: { maxContracts: { total: 5 } },
      after: { maxContracts: { total: 5, perSymbol: { NQ: 2 } } },
      expected: {
        path: 'rules.maxContracts.perSymbol',
        rule: 'maxContracts',
        key: 'perSymbol',
        before: {},
        after: { NQ: '2' },
        words: 'Max contracts per symbol none → NQ 2',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'a higher margin warning level is tighter',
      before: { marginLevel: {} },
      after: { marginLevel: { warning: 175 } },
      expected: {
        path: 'rules.marginLevel.warning',
        rule: 'marginLevel',
        key: 'warning',
        before: '150',
        after: '175',
        words: 'Margin level warn at 150% → 175%',
        direction: 'tighter',
        loosens: [],
      },
    },
    {
      name: 'stale data no longer flattening is looser',
      before: { staleData: { flatten: true } },
      after: { staleData: { flatten: false } },
      expected: {
        path: 'rules.staleData.flatten',
        rule: 'staleData',
        key: 'flatten',
        before: true,
        after: false,
        words: 'Stale data flatten instead of only alerting: turned off',
        direction: 'looser',
        loosens: ['staleData.flatten: turned off'],
      },
    },
    {
      name: 'an escalating pause turned on is tighter',
      before: { consecutiveLosses: { max: 3, cooldownMinutes: 30 } },
      after: { consecutiveLosses: { max: 3, cooldownMinutes: 30, escalate: true } },
      expected: {
        path: 'rules.consecutiveLosses.escalate',
        rule: 'consecutiveLosses',
        key: 'escalate',
        before: false,
        after: true,
        words: 'Losses in a row double the pause on each repeat the same day: turned on',
        direction: 'tighter',
        loosens: [],
      },
    },
  ])('$name', ({ before, after, expected }) => {
    expect(onlyChange(before, after)).toStrictEqual(expected);
  });

  it('a cooldown that sets the lock changes both, each judged on its own', () => {
    expect(
      ruleSettingChanges(
        accountRules({ consecutiveLosses: { max: 3, cooldownMinutes: 30 } }),
        accountRules({ consecutiveLosses: { max: 3, cooldownMinutes: 15 } }),
      ).map(({ words, direction }) => `${words}: ${direction}`),
    ).toStrictEqual([
      'Losses in a row pause for 30 min → 15 min: looser',
      'Losses in a row then lock for 30 minutes → for 15 minutes: looser',
    ]);
  });

  it('several rules: in rule order, each rule’s own settings before the common ones', () => {
    expect(
      ruleSettingChanges(
        accountRules({ ...dailyLoss({ warnAt: 0.8 }), maxContracts: { total: 5 } }),
        accountRules({
          ...dailyLoss({ amount: 900, warnAt: 0.75, basis: 'realized' }),
          maxContracts: { total: 6 },
        }),
      ).map(({ words, direction }) => `${words}: ${direction}`),
    ).toStrictEqual([
      'Daily loss 1,000.00 → 900.00: tighter',
      'Daily loss counts net → realized: looser',
      'Daily loss warn at 80% → 75%: tighter',
      'Max contracts 5 → 6: looser',
    ]);
  });

  it('nothing changed, or a rule off before and after, is no change', () => {
    expect(ruleSettingChanges(accountRules(dailyLoss()), accountRules(dailyLoss()))).toStrictEqual([]);
    expect(
      ruleSettingChanges(
        accountRules(dailyLoss({ enabled: false })),
        accountRules(dailyLoss({ enabled: false, amount: 5000 })),
      ),
    ).toStrictEqual([]);
  });
});

/** Account A's resolved rules and plan with this plan of its own (and rules). */
function withPlan(plan: Record<string, unknown> | undefined, rules: Record<string, unknown> = {}) {
  const config = validConfig({
    accounts: { A: { startingBalance: 50000, rules, ...(plan === undefined ? {} : { plan }) } },
  });
  return { rules: resolveAccountRules(config, 'A'), plan: resolveAccountPlan(config, 'A') };
}

function planDiff(before: ReturnType<typeof withPlan>, after: ReturnType<typeof withPlan>) {
  const rules = ruleSettingChanges(before.rules, after.rules);
  return [...rules, ...planSettingChanges(before.plan, after.plan, rules)].map(
    ({ path, words, direction, loosens }) => ({ path, words, direction, loosens }),
  );
}

describe('a plan setting: words and direction', () => {
  const ladder = [
    { from: 0, maxContracts: 2 },
    { from: 1500, maxContracts: 3 },
  ];

  it('a lower consistency percentage is tighter, as the consistency rule it sets', () => {
    expect(planDiff(withPlan({ consistencyPct: 50 }), withPlan({ consistencyPct: 40 }))).toStrictEqual([
      { path: 'rules.consistency.pct', words: 'Consistency 50% → 40%', direction: 'tighter', loosens: [] },
      { path: 'plan.consistencyPct', words: 'Plan consistency 50% → 40%', direction: 'tighter', loosens: [] },
    ]);
  });

  it('a higher consistency percentage is looser, refused for the same reason as the rule', () => {
    const loosens = ['consistency.pct: raised from 40 to 50'];
    expect(planDiff(withPlan({ consistencyPct: 40 }), withPlan({ consistencyPct: 50 }))).toStrictEqual([
      { path: 'rules.consistency.pct', words: 'Consistency 40% → 50%', direction: 'looser', loosens },
      { path: 'plan.consistencyPct', words: 'Plan consistency 40% → 50%', direction: 'looser', loosens },
    ]);
  });

  it("the plan's percentage is neutral where the account's own consistency rule overrides it", () => {
    const own = { consistency: { pct: 30 } };
    expect(
      planDiff(withPlan({ consistencyPct: 40 }, own), withPlan({ consistencyPct: 50 }, own)),
    ).toStrictEqual([
      { path: 'plan.consistencyPct', words: 'Plan consistency 40% → 50%', direction: 'neutral', loosens: [] },
    ]);
  });

  it('a plan added switches its rules on: tighter; its name and minimum days are neutral', () => {
    expect(
      planDiff(withPlan(undefined), withPlan({ name: 'Combine', profitTarget: 3000, minTradingDays: 2 })),
    ).toStrictEqual([
      {
        path: 'rules.profitTarget.enabled',
        words: 'Profit target: turned on',
        direction: 'tighter',
        loosens: [],
      },
      { path: 'plan.name', words: 'Plan name none → Combine', direction: 'neutral', loosens: [] },
      {
        path: 'plan.profitTarget',
        words: 'Plan profit target none → 3,000.00',
        direction: 'tighter',
        loosens: [],
      },
      {
        path: 'plan.minTradingDays',
        words: 'Plan minimum trading days none → 2',
        direction: 'neutral',
        loosens: [],
      },
    ]);
  });

  it('a scaling ladder that allows more contracts is looser, one that allows fewer tighter', () => {
    expect(
      planDiff(withPlan({ scaling: ladder }), withPlan({ scaling: [{ from: 0, maxContracts: 3 }] })),
    ).toStrictEqual([
      {
        path: 'plan.scaling',
        words: 'Plan scaling 2 from 0.00, 3 from 1,500.00 → 3 from 0.00',
        direction: 'looser',
        loosens: [
          'plan.scaling: 3 contracts below the first tier (was 2)',
          'plan.scaling: 3 contracts from 0 banked (was 2)',
        ],
      },
    ]);
    expect(
      planDiff(withPlan({ scaling: ladder }), withPlan({ scaling: [{ from: 0, maxContracts: 1 }] })),
    ).toStrictEqual([
      {
        path: 'plan.scaling',
        words: 'Plan scaling 2 from 0.00, 3 from 1,500.00 → 1 from 0.00',
        direction: 'tighter',
        loosens: [],
      },
    ]);
  });
});

/** Group apex of a valid document, as the engine receives it. */
function apex(group: Record<string, unknown>): GroupSettings {
  const document = validConfig({
    accounts: { A1: { startingBalance: 50000 }, A2: { startingBalance: 50000 } },
    groups: { apex: { name: 'Apex 50Ks', accounts: ['A1', 'A2'], ...group } },
  });
  const resolved = resolveGroups(document.groups);
  const settings = resolved['apex'];
  if (settings === undefined) throw new Error('no apex');
  return settings;
}

describe("a group's setting: words and direction for every member", () => {
  const daily = (amount: string) => ({ rules: { groupDailyLoss: { amount } } });

  it("a group's daily loss raised is looser for each member", () => {
    const loosens = ['group apex groupDailyLoss.amount: raised from 1500 to 2000'];
    expect(groupSettingChanges('apex', apex(daily('1500')), apex(daily('2000')))).toStrictEqual([
      {
        path: 'rules.groupDailyLoss.amount',
        rule: 'groupDailyLoss',
        key: 'amount',
        before: '1500',
        after: '2000',
        words: 'Group apex daily loss 1,500.00 → 2,000.00',
        direction: 'looser',
        loosensFor: { A1: loosens, A2: loosens },
      },
    ]);
  });

  it("a group's daily loss lowered is tighter", () => {
    expect(
      groupSettingChanges('apex', apex(daily('1500')), apex(daily('1200'))).map(({ words, direction }) => [
        words,
        direction,
      ]),
    ).toStrictEqual([['Group apex daily loss 1,500.00 → 1,200.00', 'tighter']]);
  });

  it('a member leaving is looser for that member alone; a copier added is tighter; a new name is neutral', () => {
    expect(
      groupSettingChanges(
        'apex',
        apex({}),
        apex({ name: 'Apex', accounts: ['A1'], copier: { leader: 'A1', graceSeconds: 10 } }),
      ),
    ).toStrictEqual([
      {
        path: 'name',
        rule: null,
        key: 'name',
        before: 'Apex 50Ks',
        after: 'Apex',
        words: 'Group apex name Apex 50Ks → Apex',
        direction: 'neutral',
        loosensFor: {},
      },
      {
        path: 'accounts',
        rule: null,
        key: 'accounts',
        before: ['A1', 'A2'],
        after: ['A1'],
        words: 'Group apex members A1, A2 → A1',
        direction: 'looser',
        loosensFor: { A2: ['group apex: A2 no longer a member'] },
      },
      {
        path: 'copier',
        rule: 'copier',
        key: null,
        before: false,
        after: true,
        words: 'Group apex copier: turned on',
        direction: 'tighter',
        loosensFor: {},
      },
    ]);
  });

  it("a copier's settings, and a group added or removed", () => {
    const copier = (extra: Record<string, unknown>) => apex({ copier: { leader: 'A1', ...extra } });
    expect(
      groupSettingChanges('apex', copier({}), copier({ graceSeconds: 10, onHedge: 'close' })).map(
        ({ path, words, direction }) => [path, words, direction],
      ),
    ).toStrictEqual([
      ['copier.graceSeconds', 'Group apex copier grace period 5 s → 10 s', 'looser'],
      ['copier.onHedge', 'Group apex copier on a hedge alert → close the side against the leader', 'tighter'],
    ]);
    expect(
      groupSettingChanges('apex', undefined, apex(daily('1500'))).map(({ path, words, direction }) => [
        path,
        words,
        direction,
      ]),
    ).toStrictEqual([['', 'Group apex: added', 'tighter']]);
    expect(groupSettingChanges('apex', apex({}), undefined)).toStrictEqual([
      {
        path: '',
        rule: null,
        key: null,
        before: 'Apex 50Ks',
        after: null,
        words: 'Group apex: removed',
        direction: 'looser',
        loosensFor: { A1: ['group apex: removed'], A2: ['group apex: removed'] },
      },
    ]);
  });
});
