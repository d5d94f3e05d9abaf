// The config file on disk: YAML or JSON by extension, every error prefixed with the file, syntax errors with their
// line; and `warden check-config F` end to end in a child process (exit 0 and "ok", or exit 1 and the lines).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureConfigFile, readConfigFile } from '../../../main/platform/config-file';
import { defaultConfigYaml } from '../../../shared/config/schema';
import { builtInPresetsHint } from './helpers';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'warden-config-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const goodYaml = `accounts:
  A1:
    startingBalance: 50000
    rules:
      dailyLoss: { amount: 1000 }
`;
const badYaml = `session:
  dayStart: "5pm"
accounts:
  A1:
    preset: prop
    rules:
      dailyLoss: { amount: -1 }
      tradeFrequency: { cooldownMinutes: 10 }
`;

describe('readConfigFile', () => {
  it('reads YAML and JSON', () => {
    const yaml = readConfigFile(file('good.yaml', goodYaml));
    const json = readConfigFile(
      file('good.json', JSON.stringify({ accounts: { A1: { startingBalance: '50000' } } })),
    );
    expect(yaml.ok && yaml.config.accounts).toStrictEqual({
      A1: { startingBalance: '50000', rules: { dailyLoss: { amount: '1000' } } },
    });
    expect(json.ok && json.config.accounts).toStrictEqual({ A1: { startingBalance: '50000' } });
  });

  it.each([
    [
      'bad.yaml',
      'a: 1\nb: [1, 2\nc: 3\n',
      'line 3, column 1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'dup.yaml',
      'markPrice: last\nmarkPrice: mid\n',
      'line 2, column 1: not valid YAML: Map keys must be unique',
    ],
    [
      'tab.yml',
      'session:\n\tdayStart: "17:00"\n',
      'line 2, column 1: not valid YAML: Tabs are not allowed as indentation',
    ],
    // JSON's own wording varies between Node versions: the rows end at the position.
    ['bad.json', '{\n  "markPrice": "last",\n}\n', 'line 3, column 1: not valid JSON: '],
    ['cut.json', '{\n  "markPrice": "last"', 'line 2, column 22: not valid JSON: '],
  ])('names the line of a syntax error in %s', (name, text, line) => {
    const path = file(name, text);
    const result = readConfigFile(path);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((error) => error.slice(0, path.length + 2 + line.length))).toStrictEqual([
      `${path}: ${line}`,
    ]);
  });

  it('prefixes every validation error with the file', () => {
    const path = file('bad-rules.yaml', badYaml);
    expect(readConfigFile(path)).toStrictEqual({
      ok: false,
      errors: [
        `${path}: session.dayStart: must be a 24-hour time HH:mm such as 17:00, got "5pm"`,
        `${path}: accounts.A1.rules.dailyLoss.amount: must be greater than 0, got -1`,
        `${path}: accounts.A1.preset: no preset named "prop" (the config has no presets; ${builtInPresetsHint()})`,
        `${path}: accounts.A1.rules.tradeFrequency: needs at least one window: perMinute, perHour or perDay`,
      ],
    });
  });

  it('says when the file cannot be read', () => {
    const path = join(dir, 'missing.yaml');
    const result = readConfigFile(path);
    expect(
      result.ok ? [] : result.errors.map((e) => e.startsWith(`${path}: cannot read (ENOENT`)),
    ).toStrictEqual([true]);
  });

  it('creates the default config once, and it validates', () => {
    const path = join(dir, 'data', 'config.yaml');
    ensureConfigFile(path);
    expect(readFileSync(path, 'utf8')).toBe(defaultConfigYaml);
    writeFileSync(path, goodYaml);
    ensureConfigFile(path);
    expect(readFileSync(path, 'utf8')).toBe(goodYaml);
    writeFileSync(path, defaultConfigYaml);
    expect(readConfigFile(path).ok).toBe(true);
  });
});

describe('warden check-config', () => {
  const run = (path: string) =>
    spawnSync(process.execPath, [join(root, 'bin/warden.mjs'), 'check-config', path], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('exits 0 for a good file', () => {
    const path = file('cli-good.yaml', goodYaml);
    const { status, stdout, stderr } = run(path);
    expect({ status, stdout, stderr }).toStrictEqual({ status: 0, stdout: `${path}: ok\n`, stderr: '' });
  });

  it('exits 1 with every error on stderr for a bad file', () => {
    const path = file('cli-bad.yaml', badYaml);
    const { status, stdout, stderr } = run(path);
    expect({ status, stdout }).toStrictEqual({ status: 1, stdout: '' });
    expect(stderr.trimEnd().split('\n')).toStrictEqual([
      `${path}: session.dayStart: must be a 24-hour time HH:mm such as 17:00, got "5pm"`,
      `${path}: accounts.A1.rules.dailyLoss.amount: must be greater than 0, got -1`,
      `${path}: accounts.A1.preset: no preset named "prop" (the config has no presets; ${builtInPresetsHint()})`,
      `${path}: accounts.A1.rules.tradeFrequency: needs at least one window: perMinute, perHour or perDay`,
    ]);
  }, 30_000);

  it('checks the shipped default config', () => {
    const { status, stderr } = run(file('default.yaml', defaultConfigYaml));
    expect({ status, stderr }).toStrictEqual({ status: 0, stderr: '' });
  }, 30_000);
});
