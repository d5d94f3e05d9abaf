// A complete config document (test/fixtures/config/every-rule.yaml: every rule of the catalog with every parameter
// and common key, a plan, a second account, a group with its rules and copier) through the Rules screen of `warden
// serve` in Chromium: imported from the file, every field shows its value (walked from the catalog, so a rule or
// parameter without a field fails here), applied and in force as written, exported as YAML and JSON equal to the
// config in force, and imported again with nothing to change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as yamlText } from 'yaml';
import { localReading } from '../../renderer/src/features/rules/NewsEvents';
import { groupRuleIds, groupRuleKeys } from '../../shared/config/groups';
import { newsImpacts, ruleCatalog, type ParamEntry } from '../../shared/config/rule-catalog';
import { ruleSpecs } from '../../shared/config/rule-table';
import { weekdays, type RuleId } from '../../shared/config/rules';
import { validateConfig } from '../../shared/config/schema';
import { artifactsDir } from '../helpers/browser';
import type { Served } from '../helpers/serve';
import { openServedPage } from '../helpers/served-page';

type Block = Record<string, unknown>;
type Doc = {
  session: Block;
  accounts: Record<string, { plan?: Block; rules?: Record<string, Block> }>;
  groups: Record<string, { name: string; accounts: string[]; rules: Record<string, Block>; copier: Block }>;
};

const ACCOUNT = 'SIM-50K';
const fixtureText = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'config', 'every-rule.yaml'),
  'utf8',
);
const fixture = parseYaml(fixtureText) as Doc;

/** A document as the core keeps it: validated by the project's own schema (defaults filled, numbers as strings). */
function normalized(document: unknown): unknown {
  const result = validateConfig(document);
  if (!result.ok) throw new Error(`invalid config:\n${result.errors.join('\n')}`);
  return result.config;
}

/** The common keys a rule uses: action and lock unless it decides them itself, warnAt/criticalAt with levels. */
function commonKeysOf(rule: RuleId): string[] {
  const unused: readonly string[] = ruleCatalog[rule].unused ?? [];
  const levels = ruleSpecs[rule].levels ? ['warnAt', 'criticalAt'] : [];
  return [...['action', 'lock', 'lockState'].filter((key) => !unused.includes(key)), ...levels];
}

let served: Served;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  // The session cannot change while Warden runs: the core starts with the fixture's.
  const start = {
    session: fixture.session,
    accounts: { [ACCOUNT]: { startingBalance: 50000, rules: { dailyLoss: { amount: 1000 } } } },
  };
  ({ served, page, close } = await openServedPage(
    { stillMarket: true, config: yamlText(start) },
    { viewport: { width: 1440, height: 1000 }, acceptDownloads: true },
  ));
  // A field that is missing fails at once, not at the test's timeout.
  page.setDefaultTimeout(5_000);
});

afterAll(() => close());

async function configInForce(): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${served.server.port}/api/config`, {
    headers: { authorization: `Bearer ${served.token}` },
  });
  return ((await response.json()) as { config: unknown }).config;
}

const valueOf = (testId: string) => page.getByTestId(testId).inputValue();
const checked = (testId: string) => page.getByTestId(testId).isChecked();
const pressed = (testId: string) => page.getByTestId(testId).getAttribute('aria-pressed');
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

async function importFile(content: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({
    name: 'warden-config.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(content),
  });
}

/** Exactly `want` of the boxes `${testId}-${option}` ticked. */
async function expectTicked(testId: string, options: readonly string[], want: unknown): Promise<void> {
  const chosen = want as string[];
  for (const option of options)
    expect(await checked(`${testId}-${option}`), `${testId}-${option}`).toBe(chosen.includes(option));
}

/** Exactly `want` of the chips `${testId}-…` pressed. */
async function expectChips(testId: string, want: unknown): Promise<void> {
  for (const word of want as string[])
    expect(await pressed(`${testId}-${word}`), `${testId}-${word}`).toBe('true');
  const all = page.locator(`[data-testid^="${testId}-"][aria-pressed="true"]`);
  expect(await all.count(), testId).toBe((want as string[]).length);
}

/** The screen shows one parameter's value, by the field its kind in the catalog draws. */
async function expectParam(rule: RuleId, param: string, entry: ParamEntry, value: unknown): Promise<void> {
  const testId = `rule-${rule}-${param}`;
  switch (entry.kind) {
    case 'money':
    case 'decimal':
    case 'percent':
    case 'fraction':
    case 'count':
    case 'timeOfDay':
    case 'choice':
    case 'flag':
    case 'lock':
      expect(await valueOf(testId), testId).toBe(String(value));
      return;
    case 'windows':
      for (const [index, window] of (value as Block[]).entries()) {
        const path = `${testId}-${index}`;
        await expectTicked(`${path}-days`, weekdays, window['days']);
        expect(await valueOf(`${path}-start`), path).toBe(window['start']);
        expect(await valueOf(`${path}-end`), path).toBe(window['end']);
      }
      expect(await page.locator(`li[data-testid^="${testId}-"]`).count()).toBe((value as Block[]).length);
      return;
    case 'newsEvents':
      for (const [index, event] of (value as Block[]).entries()) {
        const path = `${testId}-${index}`;
        // The release time is read back in the session's zone beside its field.
        const reading = localReading(event['at'], text(fixture.session['timezone']));
        expect(await page.getByTestId(`${path}-at-local`).textContent(), path).toBe(reading);
        for (const part of ['minutesBefore', 'minutesAfter', 'flatten', 'name'])
          expect(await valueOf(`${path}-${part}`), `${path}-${part}`).toBe(String(event[part]));
      }
      expect(await page.locator(`li[data-testid^="${testId}-"]`).count()).toBe((value as Block[]).length);
      return;
    case 'newsCalendar': {
      const calendar = value as Block;
      await expectTicked(`${testId}-impacts`, newsImpacts, calendar['impacts']);
      await expectChips(`${testId}-currencies`, calendar['currencies']);
      for (const part of ['minutesBefore', 'minutesAfter', 'flatten'])
        expect(await valueOf(`${testId}-${part}`), `${testId}-${part}`).toBe(String(calendar[part]));
      return;
    }
    case 'symbols':
      await expectChips(testId, value);
      return;
    case 'symbolLimits':
      for (const [symbol, limit] of Object.entries(value as Block))
        expect(await valueOf(`${testId}-${symbol}`), `${testId}-${symbol}`).toBe(String(limit));
      return;
  }
}

/** The screen shows a rule on with every key the block writes: its parameters, then its common keys under More. */
async function expectRule(rule: RuleId, block: Block): Promise<void> {
  expect(await checked(`rule-${rule}-enabled`), rule).toBe(true);
  for (const [param, entry] of Object.entries<ParamEntry>(ruleCatalog[rule].params)) {
    if (param in block) await expectParam(rule, param, entry, block[param]);
  }
  for (const key of ['action', 'lockState', 'warnAt', 'criticalAt']) {
    if (key in block) expect(await valueOf(`rule-${rule}-${key}`), `${rule}.${key}`).toBe(String(block[key]));
  }
  const lock = block['lock'];
  if (typeof lock === 'object' && lock !== null) {
    expect(await valueOf(`rule-${rule}-lock`), `${rule}.lock`).toBe('minutes');
    expect(await valueOf(`rule-${rule}-lock-minutes`)).toBe(String((lock as Block)['minutes']));
  } else if (lock !== undefined) {
    expect(await valueOf(`rule-${rule}-lock`), `${rule}.lock`).toBe(lock);
  }
}

async function expectPlan(plan: Block): Promise<void> {
  for (const key of ['name', 'profitTarget', 'consistencyPct', 'minTradingDays'])
    expect(await valueOf(`plan-${key}`), `plan.${key}`).toBe(String(plan[key]));
  const tiers = plan['scaling'] as Block[];
  for (const [index, tier] of tiers.entries()) {
    expect(await valueOf(`plan-tier-${index}-from`)).toBe(String(tier['from']));
    expect(await valueOf(`plan-tier-${index}-maxContracts`)).toBe(String(tier['maxContracts']));
  }
  expect(await page.locator('li[data-testid^="plan-tier-"]').count()).toBe(tiers.length);
}

/** The group's name, members, every key of its rules and its copier. */
async function expectGroup(id: string): Promise<void> {
  const group = fixture.groups[id];
  if (group === undefined) throw new Error(`no group ${id} in the fixture`);
  await page.getByTestId('rules-account').selectOption(`group:${id}`);
  expect(await valueOf('group-name')).toBe(group.name);
  for (const account of Object.keys(fixture.accounts))
    expect(await checked(`group-member-${account}`), account).toBe(group.accounts.includes(account));
  for (const rule of groupRuleIds) {
    const block = group.rules[rule] ?? {};
    expect(await checked(`group-rule-${rule}-enabled`), rule).toBe(true);
    for (const [key, value] of Object.entries(block)) {
      if (key === 'enabled') continue;
      const testId = `group-rule-${rule}-${key}`;
      if (typeof value === 'object' && value !== null) {
        expect(await valueOf(testId), testId).toBe('minutes');
        expect(await valueOf(`${testId}-minutes`), testId).toBe(String((value as Block)['minutes']));
      } else {
        expect(await valueOf(testId), testId).toBe(String(value));
      }
    }
  }
  for (const [key, value] of Object.entries(group.copier)) {
    const testId = `group-copier-${key}`;
    if (typeof value === 'boolean') expect(await checked(testId), testId).toBe(value);
    else expect(await valueOf(testId), testId).toBe(String(value));
  }
}

describe('a complete config document through the Rules screen', () => {
  it('writes every rule with every parameter and common key, each away from its default', () => {
    const rules = fixture.accounts[ACCOUNT]?.rules ?? {};
    expect(Object.keys(rules).sort()).toEqual(Object.keys(ruleCatalog).sort());
    const config = normalized(fixture) as Doc;
    for (const rule of Object.keys(ruleCatalog) as RuleId[]) {
      const params = Object.keys(ruleCatalog[rule].params);
      expect(Object.keys(rules[rule] ?? {}).sort(), rule).toEqual(
        ['enabled', ...params, ...commonKeysOf(rule)].sort(),
      );
      const written = config.accounts[ACCOUNT]?.rules?.[rule] ?? {};
      const defaults: Block = ruleSpecs[rule].defaults;
      for (const param of params) expect(written[param], `${rule}.${param}`).not.toEqual(defaults[param]);
    }
    // Every key a group rule takes, but the levels of the count rule (docs/RULES.md section 10).
    for (const rule of groupRuleIds) {
      const want = groupRuleKeys(rule).filter(
        (k) => rule === 'groupDailyLoss' || !['warnAt', 'criticalAt'].includes(k),
      );
      expect(Object.keys(fixture.groups['pair']?.rules[rule] ?? {}).sort(), rule).toEqual(want.sort());
    }
  });

  it('imported, shows every value; applied, is the config in force', async () => {
    await page.goto(served.server.url);
    await page.getByTestId('account-SIM-50K').waitFor();
    await page.getByTestId('tab-rules').click();
    await page.getByTestId('rule-editor').waitFor();
    await importFile(fixtureText);
    await page.getByTestId('rules-unapplied').waitFor();

    const own = fixture.accounts[ACCOUNT];
    for (const rule of Object.keys(ruleCatalog) as RuleId[]) {
      await page.getByTestId(`rule-${rule}-more`).click();
      await expectRule(rule, own?.rules?.[rule] ?? {});
    }
    await expectPlan(own?.plan ?? {});
    await page.screenshot({ path: join(artifactsDir, 'e2e-rules-every-rule.png'), fullPage: true });
    for (const [account, { rules = {} }] of Object.entries(fixture.accounts)) {
      if (account === ACCOUNT) continue;
      await page.getByTestId('rules-account').selectOption(account);
      for (const [rule, block] of Object.entries(rules)) await expectRule(rule as RuleId, block);
    }
    for (const id of Object.keys(fixture.groups)) await expectGroup(id);

    await expect.poll(() => page.getByTestId('rules-apply').isEnabled()).toBe(true);
    await page.getByTestId('rules-apply').click();
    await page.getByTestId('rules-applied').waitFor();
    expect(normalized(await configInForce())).toEqual(normalized(fixture));
  });

  it('exports YAML and JSON equal to the config in force, and the YAML imported again changes nothing', async () => {
    await expect.poll(() => page.getByTestId('rules-unapplied').count()).toBe(0);
    const inForce = normalized(await configInForce());
    const exported: Record<string, string> = {};
    for (const format of ['yaml', 'json'] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-${format}`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`warden-config.${format}`);
      exported[format] = readFileSync(await download.path(), 'utf8');
    }
    expect(normalized(parseYaml(exported['yaml'] ?? ''))).toEqual(inForce);
    expect(normalized(JSON.parse(exported['json'] ?? ''))).toEqual(inForce);

    await importFile(exported['yaml'] ?? '');
    const preview = page.getByTestId('rules-preview');
    await expect.poll(() => preview.textContent()).toBe('No changes.');
    expect(await page.getByTestId('rules-change').count()).toBe(0);
    expect(await page.getByTestId('rules-unapplied').count()).toBe(0);
    expect(await page.getByTestId('rules-apply').isDisabled()).toBe(true);
  });
});
