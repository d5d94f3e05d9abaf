// validateConfig reports every problem of the document at once, each as "path: message": frame and rule errors,
// unknown keys and rules (with the likely intended name), preset names and what the merge leaves missing.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config/schema';
import { builtInPresetsHint, errorsOf } from './helpers';

describe('every error at once', () => {
  it('reports five different mistakes as five lines with their paths', () => {
    const document = {
      session: { dayStart: '5pm' },
      presets: { prop: { rules: { dailyLoss: { amount: -1000 } } } },
      accounts: {
        A1: { preset: 'prop50', rules: { consecutiveLoss: { max: 3 } } },
        A2: { rules: { weeklyLoss: { basis: 'net' } } },
      },
    };
    expect(errorsOf(document)).toStrictEqual([
      'session.dayStart: must be a 24-hour time HH:mm such as 17:00, got "5pm"',
      'presets.prop.rules.dailyLoss.amount: must be greater than 0, got -1000',
      'accounts.A1.rules.consecutiveLoss: unknown rule (did you mean consecutiveLosses?)',
      `accounts.A1.preset: no preset named "prop50" (presets are prop; ${builtInPresetsHint()})`,
      'accounts.A2.rules.weeklyLoss.amount: is required',
    ]);
  });

  it('adds what a valid frame cannot show: a missing preset and a merged rule left incomplete', () => {
    expect(
      errorsOf({
        presets: { p: { rules: { dailyLoss: { basis: 'realized' } } } },
        accounts: { A1: { preset: 'p' }, A2: { preset: 'q' } },
      }),
    ).toStrictEqual([
      `accounts.A2.preset: no preset named "q" (presets are p; ${builtInPresetsHint()})`,
      'accounts.A1.rules.dailyLoss.amount: is required',
    ]);
  });
});

describe('the document frame', () => {
  it.each([
    [
      { session: { timezone: 'Chicago' } },
      'session.timezone: must be an IANA time zone name such as America/Chicago, got "Chicago"',
    ],
    [
      { session: { weekStartDay: 'Sunday' } },
      'session.weekStartDay: must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, got "Sunday"',
    ],
    [{ markPrice: 'bid' }, 'markPrice: must be one of last, mid, conservative, got "bid"'],
    [{ quoteSanity: { maxJumpPct: 0 } }, 'quoteSanity.maxJumpPct: must be greater than 0, got 0'],
    [
      { quoteSanity: { confirmQuotes: 0 } },
      'quoteSanity.confirmQuotes: must be a whole number of at least 1, got 0',
    ],
    [{ alerts: { hysteresisPct: -1 } }, 'alerts.hysteresisPct: must be at least 0, got -1'],
    [
      { accounts: { A1: { startingBalance: 'fifty' } } },
      'accounts.A1.startingBalance: must be a number (a JSON number or a decimal string such as "1000.50"), got "fifty"',
    ],
    [{ accounts: { A1: { rules: [] } } }, 'accounts.A1.rules: must be an object, got a list'],
    [{ accounts: { A1: { balance: 5 } } }, 'accounts.A1.balance: unknown key'],
    [{ presets: { p: { dailyLoss: { amount: 5 } } } }, 'presets.p.dailyLoss: unknown key'],
    [{ rules: {} }, 'rules: unknown key'],
    [[], '(document): must be an object, got a list'],
  ])('%j', (document, line) => {
    expect(errorsOf(document)).toStrictEqual([line]);
  });

  it('accepts an empty document (null from an empty YAML file) with every default', () => {
    const result = validateConfig(null);
    expect(result.ok && result.config).toStrictEqual({
      session: { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' },
      markPrice: 'last',
      quoteSanity: { maxJumpPct: '5', confirmQuotes: 2 },
      alerts: { hysteresisPct: '5' },
      presets: {},
      defaults: {},
      accounts: {},
      groups: {},
    });
  });
});

describe('rules only defaults name', () => {
  it('are checked once, as the rules of an account that is not listed', () => {
    expect(
      errorsOf({
        defaults: { rules: { dailyLoss: { basis: 'realized' } } },
        accounts: { A1: {}, A2: { rules: { dailyLoss: { amount: 500 } } } },
      }),
    ).toStrictEqual([
      'defaults.rules.dailyLoss.amount: is required (accounts without their own dailyLoss get the defaults alone)',
    ]);
  });

  it('may be completed by the preset when defaults switch the rule off', () => {
    expect(
      errorsOf({
        presets: { p: { rules: { dailyLoss: { enabled: true, amount: 800 } } } },
        defaults: { rules: { dailyLoss: { enabled: false, basis: 'realized' } } },
        accounts: { A1: { preset: 'p' } },
      }),
    ).toStrictEqual([]);
  });
});
