// The Rules screen's diff through the real core (issue 15, "safe changes"): previewConfig answers each changed
// setting in words with its direction, and, while an account is locked, says which of them setConfig would
// refuse, with setConfig's own reason; the others would be taken.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenConfig } from '../../shared/config/schema';
import type { ConfigChangeView } from '../../shared/ipc';
import { startCore } from '../../main/core/start';
import type { WardenCore } from '../../main/core/types';
import { memoryLogger } from '../../main/platform/logger';
import { createManualClock } from '../helpers/manual-clock';
import { TUESDAY_MORNING } from '../helpers/sim-core';

const CONFIG = `
accounts:
  A1:
    startingBalance: 50000
    rules:
      dailyLoss: { amount: 1000 }
      maxContracts: { total: 5 }
  A2:
    startingBalance: 50000
    rules:
      dailyLoss: { amount: 1000 }
      maxContracts: { total: 5 }
groups:
  apex:
    name: Apex 50Ks
    accounts: [A1, A2]
    rules:
      groupDailyLoss: { amount: 1500 }
`;

/** The day's end on Tuesday 5 May 2026 (17:00 in Chicago): A1's self-lock lasts until then. */
const DAY_END = '2026-05-05T22:00:00.000Z';
const LOCKED = 'A1 is halted until Tue 5 May 17:00 CDT, so its rules may only tighten; this change loosens';

let core: WardenCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

async function ok<T>(promise: Promise<{ ok: true; result: T } | { ok: false; error: string }>): Promise<T> {
  const answer = await promise;
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

/** The core on the simulator with A1 locked for the day by its trader; the config in force. */
async function lockedA1(): Promise<{ running: WardenCore; inForce: WardenConfig }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-config-diff-'));
  writeFileSync(join(dataDir, 'config.yaml'), CONFIG);
  const running = await startCore({
    dataDir,
    broker: 'sim',
    demo: false,
    logger: memoryLogger(),
    clock: createManualClock(TUESDAY_MORNING),
    configPath: join(dataDir, 'config.yaml'),
  });
  core = running;
  expect(await ok(running.command('lock', { account: 'A1' }))).toEqual({ lockedUntil: DAY_END });
  const { config } = await ok(running.command('getConfig', {}));
  return { running, inForce: config as WardenConfig };
}

/** A copy of `config` with `edit` applied to it. */
function edited(config: WardenConfig, edit: (copy: WardenConfig) => void): WardenConfig {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
}

function rulesOf(config: WardenConfig, account: string) {
  const rules = config.accounts[account]?.rules;
  if (rules?.dailyLoss === undefined || rules.maxContracts === undefined)
    throw new Error(`no rules for ${account}`);
  return { dailyLoss: rules.dailyLoss, maxContracts: rules.maxContracts };
}

const change = (fields: Omit<ConfigChangeView, 'group'> & { group?: string | null }): ConfigChangeView => ({
  group: null,
  ...fields,
});

describe('the diff of a config change, through the core', () => {
  it('while A1 is locked: its tightening is taken, its loosening refused with the reason setConfig gives', async () => {
    const { running, inForce } = await lockedA1();
    const document = edited(inForce, (copy) => {
      rulesOf(copy, 'A1').dailyLoss.amount = '800';
      rulesOf(copy, 'A1').maxContracts.total = '8';
      rulesOf(copy, 'A2').maxContracts.total = '8';
    });
    const reason = `${LOCKED} maxContracts.total: raised from 5 to 8`;

    expect(await ok(running.command('previewConfig', { config: document }))).toEqual({
      valid: true,
      errors: [],
      changes: [],
      problems: [reason],
      diff: [
        change({
          path: 'accounts.A1.rules.dailyLoss.amount',
          account: 'A1',
          rule: 'dailyLoss',
          key: 'amount',
          before: '1000',
          after: '800',
          words: 'Daily loss 1,000.00 → 800.00',
          direction: 'tighter',
          refused: null,
        }),
        change({
          path: 'accounts.A1.rules.maxContracts.total',
          account: 'A1',
          rule: 'maxContracts',
          key: 'total',
          before: '5',
          after: '8',
          words: 'Max contracts 5 → 8',
          direction: 'looser',
          refused: reason,
        }),
        // A2 is not locked: it may loosen.
        change({
          path: 'accounts.A2.rules.maxContracts.total',
          account: 'A2',
          rule: 'maxContracts',
          key: 'total',
          before: '5',
          after: '8',
          words: 'Max contracts 5 → 8',
          direction: 'looser',
          refused: null,
        }),
      ],
    });
    expect(await running.command('setConfig', { config: document })).toEqual({ ok: false, error: reason });

    // Without the refused setting, the rest is taken: the diff said so.
    const allowed = edited(document, (copy) => {
      rulesOf(copy, 'A1').maxContracts.total = '5';
    });
    expect(await ok(running.command('setConfig', { config: allowed }))).toEqual({
      changes: ['A1 dailyLoss.amount: "1000" → "800"', 'A2 maxContracts.total: "5" → "8"'],
    });
  });

  it("a group's loosening is refused for its locked member, in the words setConfig uses", async () => {
    const { running, inForce } = await lockedA1();
    const document = edited(inForce, (copy) => {
      const rule = copy.groups['apex']?.rules?.groupDailyLoss;
      if (rule === undefined) throw new Error('no groupDailyLoss');
      rule.amount = '2000';
    });
    const reason = `${LOCKED} group apex groupDailyLoss.amount: raised from 1500 to 2000`;

    const preview = await ok(running.command('previewConfig', { config: document }));
    expect(preview.problems).toEqual([reason]);
    expect(preview.diff).toEqual([
      change({
        path: 'groups.apex.rules.groupDailyLoss.amount',
        account: null,
        group: 'apex',
        rule: 'groupDailyLoss',
        key: 'amount',
        before: '1500',
        after: '2000',
        words: 'Group apex daily loss 1,500.00 → 2,000.00',
        direction: 'looser',
        refused: reason,
      }),
    ]);
    expect(await running.command('setConfig', { config: document })).toEqual({ ok: false, error: reason });
  });

  it('the confirming quotes (the whole document) raised: refused for the locked account', async () => {
    const { running, inForce } = await lockedA1();
    const document = edited(inForce, (copy) => {
      copy.quoteSanity.confirmQuotes = 3;
    });
    const reason = `${LOCKED} quoteSanity.confirmQuotes: 2 → 3`;
    const preview = await ok(running.command('previewConfig', { config: document }));
    expect(preview.diff).toEqual([
      change({
        path: 'quoteSanity.confirmQuotes',
        account: null,
        rule: 'quoteSanity',
        key: 'confirmQuotes',
        before: 2,
        after: 3,
        words: 'Confirming quotes 2 → 3',
        direction: 'looser',
        refused: reason,
      }),
    ]);
    expect(await running.command('setConfig', { config: document })).toEqual({ ok: false, error: reason });
  });
});
