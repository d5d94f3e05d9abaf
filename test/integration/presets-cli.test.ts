// `warden presets` as a user runs it (a child process): the list of every built-in preset with its date, `show ID`
// as YAML that, pasted into a config with the example account, validates; an unknown id refused.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateConfig } from '../../shared/config/schema';
import { builtInPresets, builtInPresetsAsWritten } from '../../shared/presets';

const execFileAsync = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const ids = [
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

type Run = { code: number; stdout: string; stderr: string };

async function warden(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync('node', [join(root, 'bin', 'warden.mjs'), ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('warden presets', () => {
  it('lists every built-in preset with its firm and as-of date, then the reminder', async () => {
    const { code, stdout, stderr } = await warden('presets');
    expect({ code, stderr }).toStrictEqual({ code: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(-2)).toStrictEqual(['', "Figures change often: check your firm's current rules."]);
    const rows = lines.slice(0, -2).map((line) => line.split(/ {2,}/));
    expect(rows.map((row) => [row[0], row[3]])).toStrictEqual(ids.map((id) => [id, '2026-12-01']));
    expect(rows.map((row) => row[1])).toStrictEqual([
      'Topstep',
      'Topstep',
      'Apex Trader Funding',
      'Apex Trader Funding',
      'Apex Trader Funding',
      'Take Profit Trader',
      'MyFundedFutures',
      'Tradeify',
      'Lucid Trading',
    ]);
    expect(rows.map((row) => row[4])).toStrictEqual(ids.map((id) => builtInPresets.get(id)?.source[0]));
    // Aligned: every column starts at the same place on every line.
    const starts = (line: string) => [...line.matchAll(/ {2,}/g)].map((m) => m.index + m[0].length);
    expect(new Set(lines.slice(0, -2).map((line) => starts(line).join(','))).size).toBe(1);
  }, 30_000);

  // Every preset's YAML is checked in process (test/unit/presets/presets-cli.test.ts); here two through the binary.
  it.each(['tpt-50k-test', 'mffu-50k-scale'])(
    'show %s prints its rules and plan as config YAML that validates with the example account',
    async (id) => {
      const { code, stdout, stderr } = await warden('presets', 'show', id);
      expect({ code, stderr }).toStrictEqual({ code: 0, stderr: '' });
      const document = parse(stdout) as { presets: Record<string, unknown> };
      expect(document).toStrictEqual({ presets: { [id]: builtInPresetsAsWritten.get(id) } });
      expect(stdout).toContain(
        `# Figures as of 2026-12-01. Figures change often: check your firm's current rules.`,
      );

      const example = stdout.trimEnd().split('\n').at(-1) ?? '';
      expect(example).toBe(`# accounts: { MY-ACCOUNT: { preset: ${id}, startingBalance: 50000 } }`);
      const account = parse(example.slice(2)) as { accounts: unknown };
      const result = validateConfig({ ...document, ...account });
      expect(result.ok ? [] : result.errors).toStrictEqual([]);
      expect(result.ok && result.config.accounts).toStrictEqual({
        'MY-ACCOUNT': { preset: id, startingBalance: '50000' },
      });
    },
    30_000,
  );

  it('refuses an unknown id with a hint and the list, exit 1', async () => {
    const { code, stdout, stderr } = await warden('presets', 'show', 'topstep-50k');
    expect({ code, stdout }).toStrictEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      'no preset named "topstep-50k" (did you mean topstep-50k-combine or topstep-50k-express?)\n' +
        `built-in presets: ${ids.join(', ')}\n`,
    );
  }, 30_000);

  it('answers a wrong subcommand with its usage, exit 2', async () => {
    expect(await warden('presets', 'open', 'apex-50k-eod')).toStrictEqual({
      code: 2,
      stdout: '',
      stderr: 'usage: warden presets [show ID]\n',
    });
  }, 30_000);
});
