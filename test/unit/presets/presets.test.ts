// The built-in prop-firm presets as shipped: every file loads through the config's own schemas, ids are unique and
// name their files, and each program's figures are exactly those of the programs table (PROPFIRMS, gathered 2026-12).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { insideAnyWindow } from '../../../main/engine/rules/trading-hours';
import type { RuleSettings } from '../../../shared/config/rules';
import { validateConfig } from '../../../shared/config/schema';
import { builtInPresets, builtInPresetsAsWritten } from '../../../shared/presets';

const dir = join(import.meta.dirname, '..', '..', '..', 'shared', 'presets');
const order = [
  'topstep-50k-combine',
  'topstep-50k-express',
  'apex-50k-eod',
  'apex-50k-intraday',
  'apex-50k-legacy',
  'tpt-50k-test',
  'mffu-50k-scale',
  'tradeify-50k-growth',
  'lucid-50k-flex',
];

const tiers = (...pairs: [string, number][]) => pairs.map(([from, maxContracts]) => ({ from, maxContracts }));
const eod = (amount: string, lockThresholdAt?: string) => ({
  amount,
  mode: 'endOfDay',
  ...(lockThresholdAt === undefined ? {} : { lockThresholdAt }),
});
const weekdaysToThursday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'];

/** Each program's rules and plan as the config reads them (money as decimal strings). */
const expected: Record<string, { firm: string; rules: object; plan: object }> = {
  'topstep-50k-combine': {
    firm: 'Topstep',
    rules: {
      trailingDrawdown: eod('2000', '50000'),
      dailyLoss: { amount: '1000', basis: 'net' },
      maxContracts: { total: '5' },
    },
    plan: { name: 'Topstep 50K Combine', profitTarget: '3000', consistencyPct: '50', minTradingDays: 2 },
  },
  'topstep-50k-express': {
    firm: 'Topstep',
    rules: { trailingDrawdown: eod('2000', '50000') },
    plan: {
      name: 'Topstep 50K Express Funded',
      consistencyPct: '40',
      scaling: tiers(['0', 2], ['1500', 3], ['2000', 5]),
    },
  },
  'apex-50k-eod': {
    firm: 'Apex Trader Funding',
    rules: {
      trailingDrawdown: eod('2000'),
      dailyLoss: { amount: '1000', basis: 'net' },
      maxContracts: { total: '10' },
    },
    plan: { name: 'Apex 50K EOD', profitTarget: '3000', consistencyPct: '50' },
  },
  'apex-50k-intraday': {
    firm: 'Apex Trader Funding',
    rules: {
      trailingDrawdown: { amount: '2500', mode: 'intraday', lockThresholdAt: '50100' },
      maxContracts: { total: '10' },
    },
    plan: { name: 'Apex 50K Intraday', profitTarget: '3000', consistencyPct: '50' },
  },
  'apex-50k-legacy': {
    firm: 'Apex Trader Funding',
    rules: {
      trailingDrawdown: { amount: '2500', mode: 'intraday', lockThresholdAt: '50100' },
      maxContracts: { total: '10' },
    },
    plan: { name: 'Apex 50K (legacy)', consistencyPct: '30', scaling: tiers(['0', 5], ['2600', 10]) },
  },
  'tpt-50k-test': {
    firm: 'Take Profit Trader',
    rules: {
      trailingDrawdown: eod('2000'),
      maxContracts: { total: '6' },
      tradingHours: {
        windows: [{ days: weekdaysToThursday, start: '17:00', end: '15:55' }],
        flattenAt: '15:55',
      },
    },
    plan: {
      name: 'Take Profit Trader 50K Test',
      profitTarget: '3000',
      consistencyPct: '50',
      minTradingDays: 5,
    },
  },
  'mffu-50k-scale': {
    firm: 'MyFundedFutures',
    rules: { trailingDrawdown: eod('2000', '50100') },
    plan: {
      name: 'MyFundedFutures 50K Scale',
      consistencyPct: '50',
      scaling: tiers(['0', 2], ['1500', 3], ['2000', 5]),
    },
  },
  'tradeify-50k-growth': {
    firm: 'Tradeify',
    rules: { trailingDrawdown: eod('2000', '50100'), dailyLoss: { amount: '1250', basis: 'net' } },
    plan: { name: 'Tradeify 50K Growth', consistencyPct: '35' },
  },
  'lucid-50k-flex': {
    firm: 'Lucid Trading',
    rules: { trailingDrawdown: eod('2000'), maxContracts: { total: '4' } },
    plan: { name: 'Lucid 50K Flex', consistencyPct: '50' },
  },
};

describe('built-in presets', () => {
  it('are the nine programs, in the listed order, each id naming its file', () => {
    expect([...builtInPresets.keys()]).toStrictEqual(order);
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
    expect(files.sort()).toStrictEqual([...order].sort());
    for (const id of order) {
      const file = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { id: string };
      expect(file.id).toBe(id);
    }
  });

  it.each(order)('%s has exactly the figures of the programs table', (id) => {
    const preset = builtInPresets.get(id);
    const want = expected[id];
    expect({ firm: preset?.firm, rules: preset?.rules, plan: preset?.plan }).toStrictEqual(want);
  });

  it.each(order)('%s is dated 2026-12-01, names its sources and says what is uncertain', (id) => {
    const preset = builtInPresets.get(id);
    expect(preset?.asOf).toBe('2026-12-01');
    expect(preset?.source.length).toBeGreaterThan(0);
    for (const link of preset?.source ?? []) expect(link).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+(\/\S*)?$/);
    expect(preset?.notes.length).toBeGreaterThan(0);
  });

  it.each(order)('%s validates as a config preset named by an account', (id) => {
    const written = builtInPresetsAsWritten.get(id);
    const result = validateConfig({
      presets: { [id]: written },
      accounts: { A1: { preset: id, startingBalance: 50000 } },
    });
    expect(result.ok ? [] : result.errors).toStrictEqual([]);
  });

  it('keeps the files as written, numbers as numbers, for printing', () => {
    const file = JSON.parse(readFileSync(join(dir, 'apex-50k-legacy.json'), 'utf8')) as object;
    expect(builtInPresetsAsWritten.get('apex-50k-legacy')).toStrictEqual({
      rules: (file as { rules: unknown }).rules,
      plan: (file as { plan: unknown }).plan,
    });
    expect(builtInPresetsAsWritten.get('apex-50k-legacy')?.plan['consistencyPct']).toBe(30);
  });
});

describe('tpt-50k-test trading hours (America/Chicago, CME Globex)', () => {
  const hours = builtInPresets.get('tpt-50k-test')?.rules.tradingHours as RuleSettings<'tradingHours'>;
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Chicago' });

  it.each([
    ['Sunday 16:59, before the weekly open', '2026-12-06T16:59', false],
    ['Sunday 17:00, the weekly open', '2026-12-06T17:00', true],
    ['Monday 03:00, overnight', '2026-12-07T03:00', true],
    ['Monday 15:54, the last minute to open', '2026-12-07T15:54', true],
    ['Monday 15:55, the flatten', '2026-12-07T15:55', false],
    ['Monday 16:30, the daily break', '2026-12-07T16:30', false],
    ['Monday 17:00, the evening reopen', '2026-12-07T17:00', true],
    ['Friday 15:54', '2026-12-11T15:54', true],
    ['Friday 17:00, the weekend', '2026-12-11T17:00', false],
    ['Saturday 10:00', '2026-12-12T10:00', false],
    ['Monday 09:00 in summer time', '2026-07-06T09:00', true],
  ])('%s: may open %s', (_label, iso, inside) => {
    expect(insideAnyWindow(hours, at(iso))).toBe(inside);
  });
});
