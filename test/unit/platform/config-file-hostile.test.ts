// Config files found by `npm run fuzz` to hang or kill the reader: each is refused with an error naming the file,
// quickly, and a file with the same shapes nested within reason still reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/core/start';
import { readConfigFile } from '../../../main/platform/config-file';

const dir = mkdtempSync(join(tmpdir(), 'warden-config-hostile-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function readTimed(text: string): { result: ReturnType<typeof readConfigFile>; ms: number; path: string } {
  const path = join(dir, 'config.yaml');
  writeFileSync(path, text);
  const started = performance.now();
  const result = readConfigFile(path);
  return { result, ms: performance.now() - started, path };
}

/** Nine anchors, each nine of the one before: 387 million strings if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i += 1) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\naccounts: *i\n`;
}

describe('hostile config files', () => {
  it('refuses brackets nested thousands deep at once (the reader ran out of memory)', () => {
    const { result, ms, path } = readTimed('{'.repeat(5000));
    expect(result).toEqual({
      ok: false,
      errors: [`${path}: not valid YAML: brackets nested more than 64 deep`],
    });
    expect(ms).toBeLessThan(2000);
  });

  it('refuses maps used as keys (400 nested ones took minutes to turn into text)', () => {
    const { result, ms, path } = readTimed(`${'{'.repeat(60)}${'}'.repeat(60)}: 1\n`);
    expect(result).toEqual({
      ok: false,
      errors: [`${path}: not valid YAML here: a key must be plain text, not a list, map or alias`],
    });
    expect(ms).toBeLessThan(2000);
  });

  it('refuses an alias bomb with an error instead of throwing', () => {
    const { result, path } = readTimed(aliasBomb());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      `${path}: not valid YAML: Excessive alias count indicates a resource exhaustion attack`,
    ]);
    expect(() => loadConfig(path)).toThrow(/^the config file has errors:\n {2}.*Excessive alias count/);
  });

  it('lists the first 20 errors of a garbage file, at once (174 KB of quotes took minutes)', () => {
    const { result, ms, path } = readTimed('"'.repeat(174_150));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(21);
    expect(result.errors[0]).toBe(
      `${path}: line 1, column 3: not valid YAML: Unexpected double-quoted-scalar at node end`,
    );
    expect(result.errors[20]).toBe(`${path}: and 87054 more YAML errors`);
    expect(ms).toBeLessThan(10_000);
  });

  it('still reads brackets nested within reason, and brackets inside quotes and comments', () => {
    const text = [
      'accounts:',
      '  A1: { startingBalance: 50000, rules: { dailyLoss: { amount: 1000 } } } # {{{{{{{{',
      `  A2: { name: "${'['.repeat(100)}", startingBalance: 25000 }`,
    ].join('\n');
    const { result } = readTimed(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.config.accounts)).toEqual(['A1', 'A2']);
    expect(result.config.accounts.A2?.name).toBe('['.repeat(100));
  });
});
