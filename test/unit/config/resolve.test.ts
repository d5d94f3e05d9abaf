// An account's rules: docs/RULES.md section 8's example resolved exactly, merge order (defaults, preset, account, per
// rule), rules on and off, each spec's completeness, and the shipped default config.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveAccountRules } from '../../../shared/config/merge';
import { ruleIds } from '../../../shared/config/rules';
import { ruleSpecs } from '../../../shared/config/rule-table';
import { commonSchemas } from '../../../shared/config/rule-spec';
import { defaultConfigYaml } from '../../../shared/config/schema';
import { accountRules, halted, levels, validConfig } from './helpers';

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

describe('the example document of docs/RULES.md section 8', () => {
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
