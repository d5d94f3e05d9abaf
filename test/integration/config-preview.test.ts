// previewConfig judges a config document as setConfig would, without applying it: validation errors with their
// paths, the changes it would make, and (after a settings lock) the loosenings it may not make.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WardenConfig } from '../../shared/config/schema';
import { serveInProcess, type Served } from '../helpers/serve';

let served: Served;

beforeAll(async () => {
  served = await serveInProcess({
    config:
      'accounts:\n  SIM-50K:\n    startingBalance: 50000\n    rules:\n      dailyLoss: { amount: 1000, basis: net }\n',
  });
});

afterAll(async () => {
  await served.stop();
});

async function inForce(): Promise<WardenConfig> {
  const response = await served.core.command('getConfig', {});
  if (!response.ok) throw new Error(response.error);
  return response.result.config as WardenConfig;
}

function withAmount(config: WardenConfig, amount: unknown): unknown {
  const copy = structuredClone(config) as unknown as {
    accounts: Record<string, { rules: { dailyLoss: { amount: unknown } } }>;
  };
  const account = copy.accounts['SIM-50K'];
  if (account === undefined) throw new Error('no SIM-50K');
  account.rules.dailyLoss.amount = amount;
  return copy;
}

/** The diff entry of SIM-50K's daily loss amount tightened from `before` to `after`, in `words`. */
const dailyLossChange = (before: string, after: string, words: string) => ({
  path: 'accounts.SIM-50K.rules.dailyLoss.amount',
  account: 'SIM-50K',
  group: null,
  rule: 'dailyLoss',
  key: 'amount',
  before,
  after,
  words,
  direction: 'tighter',
  refused: null,
});

describe('previewConfig', () => {
  it('lists the changes and applies nothing', async () => {
    const config = await inForce();
    expect(await served.core.command('previewConfig', { config: withAmount(config, '800') })).toEqual({
      ok: true,
      result: {
        valid: true,
        errors: [],
        changes: ['SIM-50K dailyLoss.amount: "1000" → "800"'],
        problems: [],
        diff: [dailyLossChange('1000', '800', 'Daily loss 1,000.00 → 800.00')],
      },
    });
    expect((await inForce()).accounts['SIM-50K']?.rules?.dailyLoss?.amount).toBe('1000');
  });

  it('reports validation errors with their paths', async () => {
    const response = await served.core.command('previewConfig', { config: withAmount(await inForce(), -5) });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.result.valid).toBe(false);
    expect(response.result.errors).toHaveLength(1);
    expect(response.result.errors[0]).toMatch(/^accounts\.SIM-50K\.rules\.dailyLoss\.amount: /);
  });

  it('after a settings lock, a loosening is a problem and a tightening is a change', async () => {
    const locked = await served.core.command('lockSettings', { account: 'SIM-50K' });
    expect(locked.ok).toBe(true);
    const config = await inForce();
    const looser = await served.core.command('previewConfig', { config: withAmount(config, '1500') });
    expect(looser.ok && looser.result.problems.length).toBe(1);
    expect(looser.ok && looser.result.problems[0]).toMatch(
      /^SIM-50K has its settings locked until .*, so its rules may only tighten; this change loosens dailyLoss\.amount: raised from 1000 to 1500$/,
    );
    expect(looser.ok && looser.result.changes).toEqual([]);
    const tighter = await served.core.command('previewConfig', { config: withAmount(config, '900') });
    expect(tighter.ok && tighter.result).toEqual({
      valid: true,
      errors: [],
      changes: ['SIM-50K dailyLoss.amount: "1000" → "900"'],
      problems: [],
      diff: [dailyLossChange('1000', '900', 'Daily loss 1,000.00 → 900.00')],
    });
  });
});
