// The `warden` command starts from its compiled bundle (scripts/build-cli.mjs → dist/cli/warden.cjs) while that is
// newer than the sources, and from the TypeScript (tsx) otherwise, saying so for `serve`; both answer the same.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM build script without types
import { buildCli } from '../../scripts/build-cli.mjs';
import { threadNices } from '../helpers/threads';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist', 'cli', 'warden.cjs');
const dir = mkdtempSync(join(tmpdir(), 'warden-cli-bundle-'));
const good = join(dir, 'good.yaml');
writeFileSync(good, 'accounts:\n  SIM-50K:\n    startingBalance: 50000\n');

const warden = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'bin', 'warden.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });

/**
 * `warden serve` on a free port until it prints where it runs; what it wrote to stderr by then, and (Linux) its
 * threads' nice values at that moment.
 */
async function serve(): Promise<{
  stderr: string;
  nices: Map<number, number> | null;
  pid: number | undefined;
}> {
  const dataDir = mkdtempSync(join(dir, 'data-'));
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'warden.mjs'), 'serve', '--port', '0', '--data-dir', dataDir],
    {
      cwd: root,
      env: { ...process.env, WARDEN_TOKEN: 'cli-bundle-test', WARDEN_NEWS_URL: '' },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Open http://')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const nices = process.platform === 'linux' && child.pid !== undefined ? threadNices(child.pid) : null;
  child.kill('SIGTERM');
  await exited;
  const said = stderr
    .split('\n')
    .filter((line) => line.startsWith('warden:'))
    .join('\n');
  return { stderr: said, nices, pid: child.pid };
}
const serveStderr = async () => (await serve()).stderr;

beforeAll(async () => {
  await (buildCli as () => Promise<unknown>)();
}, 120_000);

describe('the warden command', () => {
  it('runs from the bundle when it is current: check-config answers as from source, serve says nothing of source', async () => {
    const bundled = warden(['check-config', good]);
    const fromSource = warden(['check-config', good], { WARDEN_FROM_SOURCE: '1' });
    expect([bundled.status, bundled.stdout, bundled.stderr]).toEqual([0, `${good}: ok\n`, '']);
    expect([fromSource.status, fromSource.stdout, fromSource.stderr]).toEqual([0, `${good}: ok\n`, '']);
    const { stderr, nices, pid } = await serve();
    expect(stderr).toBe('');
    if (nices !== null) {
      // V8's four helper threads, lowered at start (the checkpoint worker lowers itself, maybe not yet); the
      // main thread (its id is the process's) not.
      expect(pid === undefined ? undefined : nices.get(pid)).toBe(0);
      expect([...nices.values()].filter((nice) => nice === 10).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('falls back to the sources when the bundle is older than them, and serve says so', async () => {
    const built = statSync(bundle).mtime;
    utimesSync(bundle, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    try {
      expect(await serveStderr()).toBe(
        'warden: running from source (slower to start): dist/cli/warden.cjs is older than the sources; `npm run build` remakes it',
      );
    } finally {
      utimesSync(bundle, built, built);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
