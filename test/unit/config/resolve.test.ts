// An account's rules: RULES.md section 8's example resolved exactly, merge order (defaults, preset, account, per
// rule), rules on and off, lock and parameter defaults, decimals kept exact, and the shipped default config.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveAccountRules } from '../../../shared/config/merge';
import { ruleIds } from '../../../shared/config/rules';
import { ruleSpecs } from '../../../shared/config/rule-table';
import { commonSchemas } from '../../../shared/config/rule-spec';
import { defaultConfigYaml } from '../../../shared/config/schema';
import { accountRules, levels, validConfig } from './helpers';

const rulesMdExample = {
  session: { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' },
  markPrice: 'last',
  quoteSanity: { maxJumpPct: 5, confirmQuotes: 2 },
  alerts: { hysteresisPct: 5 },
  presets: {
    prop50k: {
      rules: {
        dailyLoss: { amount: 1000, basis: 'net' },
        trailingDrawdown: { amount: 2000, mode: 'endOfDay', lockThresholdAt: 50000 },
      },
    },
  },
  defaults: { rules: { stopRequired: { enabled: false, graceSeconds: 10, mode: 'close' } } },
  accounts: {
    A1: {
      preset: 'prop50k',
      startingBalance: 50000,
      rules: { consecutiveLosses: { max: 3, cooldownMinutes: 30, escalate: true } },
    },
  },
};

const halted = (lock: unknown) => ({ action: 'flatten', lock, lockState: 'halted' });

describe('the example document of RULES.md section 8', () => {
  it('validates, with the frame as written', () => {
    const config = validConfig(rulesMdExample);
    expect(config.session).toStrictEqual({
      timezone: 'America/Chicago',
      dayStart: '17:00',
      weekStartDay: 'sunday',
    });
    expect(config.quoteSanity).toStrictEqual({ maxJumpPct: '5', confirmQuotes: 2 });
    expect(config.alerts).toStrictEqual({ hysteresisPct: '5' });
    expect(config.accounts['A1']?.startingBalance).toBe('50000');
  });

  it('resolves A1: dailyLoss and trailingDrawdown from the preset, consecutiveLosses its own, stopRequired off', () => {
    expect(resolveAccountRules(validConfig(rulesMdExample), 'A1')).toStrictEqual({
      dailyLoss: { ...levels, ...halted('dayEnd'), amount: '1000', basis: 'net' },
      trailingDrawdown: {
        ...levels,
        ...halted('manual'),
        amount: '2000',
        mode: 'endOfDay',
        startingBalance: '50000',
        lockThresholdAt: '50000',
      },
      consecutiveLosses: {
        ...levels,
        ...halted({ minutes: 30 }),
        max: 3,
        cooldownMinutes: 30,
        escalate: true,
        resetDaily: true,
      },
      stopRequired: {
        ...levels,
        enabled: false,
        action: 'closePosition',
        lock: 'none',
        lockState: 'halted',
        graceSeconds: 10,
        mode: 'close',
        stopTicks: 8,
      },
    });
  });

  it('gives an account that is not listed the defaults alone', () => {
    expect(Object.keys(resolveAccountRules(validConfig(rulesMdExample), 'OTHER'))).toStrictEqual([
      'stopRequired',
    ]);
  });
});

describe('merge order: defaults, then the preset, then the account, per rule', () => {
  const config = validConfig({
    presets: { p: { rules: { dailyLoss: { amount: 1000 }, symbolBlock: { symbols: ['CL', 'GC'] } } } },
    defaults: {
      rules: {
        dailyLoss: { amount: 500, basis: 'realized', warnAt: 0.7 },
        staleData: { maxQuoteAgeSeconds: 30 },
      },
    },
    accounts: {
      A1: {
        preset: 'p',
        rules: {
          dailyLoss: { warnAt: 0.9 },
          symbolBlock: { symbols: ['NG'] },
          staleData: { enabled: false },
        },
      },
      A2: { preset: 'p' },
    },
  });
  const a1 = resolveAccountRules(config, 'A1');
  const a2 = resolveAccountRules(config, 'A2');

  it.each([
    ['amount: preset over defaults', a1.dailyLoss?.amount, '1000'],
    ['basis: defaults kept when later layers omit it', a1.dailyLoss?.basis, 'realized'],
    ['warnAt: the account over defaults', a1.dailyLoss?.warnAt, '0.9'],
    ['warnAt: defaults when the account omits it', a2.dailyLoss?.warnAt, '0.7'],
    ['a list is replaced whole, not concatenated', a1.symbolBlock?.symbols, ['NG']],
    ['the preset list when the account has none', a2.symbolBlock?.symbols, ['CL', 'GC']],
    ['enabled: false switches a default rule off', a1.staleData?.enabled, false],
    ['its other keys still merge', a1.staleData?.maxQuoteAgeSeconds, 30],
    ['a default rule is on when nothing switches it off', a2.staleData?.enabled, true],
    ['a rule named nowhere is absent (off)', a1.weeklyLoss, undefined],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toStrictEqual(expected);
  });

  it('leaves out a disabled rule that lacks its required values', () => {
    expect(accountRules({ dailyLoss: { enabled: false } })).toStrictEqual({});
  });
});

describe('defaults where the config omits a value', () => {
  it.each([
    [
      'tradeFrequency: lock = cooldown',
      { tradeFrequency: { perDay: 3, cooldownMinutes: 15 } },
      { minutes: 15 },
    ],
    ['tradeFrequency: no cooldown, no lock', { tradeFrequency: { perDay: 3, cooldownMinutes: 0 } }, 'none'],
    [
      'tradeFrequency: an explicit lock wins',
      { tradeFrequency: { perDay: 3, cooldownMinutes: 15, lock: 'dayEnd' } },
      'dayEnd',
    ],
    [
      'consecutiveLosses: lock = cooldown',
      { consecutiveLosses: { max: 2, cooldownMinutes: 10 } },
      { minutes: 10 },
    ],
    [
      'consecutiveLosses: explicit lock',
      { consecutiveLosses: { max: 2, cooldownMinutes: 10, lock: { minutes: 45 } } },
      { minutes: 45 },
    ],
    ['dailyLoss: dayEnd', { dailyLoss: { amount: 1 } }, 'dayEnd'],
    ['weeklyLoss: weekEnd', { weeklyLoss: { amount: 1 } }, 'weekEnd'],
    ['trailingDrawdown: manual', { trailingDrawdown: { amount: 1 } }, 'manual'],
    ['positionLoss: none', { positionLoss: { amount: 1 } }, 'none'],
  ])('lock, %s', (_name, rules, lock) => {
    const [rule] = Object.values(accountRules(rules));
    expect(rule?.lock).toStrictEqual(lock);
  });

  it.each([
    ['dailyLoss', { amount: 1000 }, { ...halted('dayEnd'), amount: '1000', basis: 'net' }],
    ['dailyGiveback', { amount: 400 }, { ...halted('dayEnd'), amount: '400', activateAfter: '0' }],
    [
      'trailingDrawdown',
      { amount: 2000 },
      {
        ...halted('manual'),
        amount: '2000',
        mode: 'intraday',
        startingBalance: '50000',
        lockThresholdAt: null,
      },
    ],
    [
      'maxContracts',
      { perSymbol: { MNQ: 4 } },
      {
        action: 'reducePosition',
        lock: 'none',
        lockState: 'halted',
        total: null,
        perSymbol: { MNQ: '4' },
        countWorkingOrders: true,
      },
    ],
    [
      'stopRequired',
      {},
      {
        action: 'closePosition',
        lock: 'none',
        lockState: 'halted',
        graceSeconds: 10,
        mode: 'close',
        stopTicks: 8,
      },
    ],
    ['marginLevel', {}, { ...halted('none'), warning: '150', critical: '120', liquidate: '100' }],
    [
      'exposure',
      {},
      {
        action: 'alert',
        lock: 'none',
        lockState: 'reducing',
        maxGross: null,
        maxSymbolPct: null,
        hhiWarning: '0.25',
      },
    ],
    [
      'staleData',
      {},
      { action: 'alert', lock: 'none', lockState: 'halted', maxQuoteAgeSeconds: 10, flatten: false },
    ],
    ['brokerLock', {}, halted('manual')],
    [
      'newsBlackout',
      { events: [{ at: '2026-06-05T08:30:00-04:00' }] },
      {
        ...halted('none'),
        events: [
          { at: '2026-06-05T08:30:00-04:00', minutesBefore: 2, minutesAfter: 2, flatten: false, name: null },
        ],
      },
    ],
    [
      'tradingHours',
      { windows: [{ days: ['monday'], start: '08:30', end: '15:00' }] },
      {
        action: 'closePosition',
        lock: 'none',
        lockState: 'halted',
        windows: [{ days: ['monday'], start: '08:30', end: '15:00' }],
        flattenAt: null,
      },
    ],
  ])('%s', (id, params, expected) => {
    expect(accountRules({ [id]: params })[id as keyof ReturnType<typeof accountRules>]).toStrictEqual({
      ...levels,
      ...expected,
    });
  });
});

describe('numbers: JSON numbers or decimal strings, money exact', () => {
  it.each([
    [1000, '1000'],
    ['1000.50', '1000.50'],
    [1000.5, '1000.5'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
  ])('amount %j → %j', (amount, expected) => {
    expect(accountRules({ dailyLoss: { amount } }).dailyLoss?.amount).toBe(expected);
  });

  it.each([
    [3, 3],
    ['3', 3],
  ])('count %j → %j', (max, expected) => {
    expect(accountRules({ consecutiveLosses: { max, cooldownMinutes: 5 } }).consecutiveLosses?.max).toBe(
      expected,
    );
  });
});

describe('each rule spec', () => {
  it.each(ruleIds.map((id) => [id]))('%s: required + defaults cover exactly its parameters', (id) => {
    const spec = ruleSpecs[id];
    const covered = [...spec.required.map(String), ...Object.keys(spec.defaults)].sort();
    expect(covered).toStrictEqual(Object.keys(spec.params).sort());
    expect(Object.keys(spec.params).filter((key) => key in commonSchemas)).toStrictEqual([]);
  });
});

describe('the shipped default config', () => {
  it('validates and gives SIM-50K the prop50k preset plus its own loss streak rule', () => {
    const config = validConfig(parse(defaultConfigYaml));
    expect(resolveAccountRules(config, 'SIM-50K')).toStrictEqual({
      dailyLoss: { ...levels, ...halted('dayEnd'), amount: '1000', basis: 'net' },
      trailingDrawdown: {
        ...levels,
        ...halted('manual'),
        amount: '2000',
        mode: 'endOfDay',
        startingBalance: '50000',
        lockThresholdAt: '50000',
      },
      maxContracts: {
        ...levels,
        action: 'reducePosition',
        lock: 'none',
        lockState: 'halted',
        total: '5',
        perSymbol: {},
        countWorkingOrders: true,
      },
      consecutiveLosses: {
        ...levels,
        ...halted({ minutes: 30 }),
        max: 3,
        cooldownMinutes: 30,
        escalate: true,
        resetDaily: true,
      },
    });
    expect(resolveAccountRules(config, 'ANOTHER')).toStrictEqual({});
  });
});
