// The built desktop bundle (dist/desktop/main.cjs, CommonJS, core included) boots the real core, answers its own
// renderer, refuses a stranger, flattens from the tray and stops cleanly: run under Node with the fake Electron.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { startUpdater as startUpdaterType } from '../../../main/desktop/updater';
import { memoryLogger } from '../../../main/platform/logger';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

describe('the desktop bundle', () => {
  it('runs the real core behind the window, tray and IPC, and stops it on quit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-bundle-'));
    const appDir = join(dir, 'app');
    const built = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'build-desktop.mjs'), '--outdir', join(appDir, 'dist', 'desktop')],
      { encoding: 'utf8' },
    );
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    // Every OS's tray icons (Linux PNGs, macOS 16/32 px PNGs, Windows .ico) and the window icon.
    expect(readdirSync(join(appDir, 'dist', 'desktop', 'icons')).sort()).toEqual(
      [
        ...['ok', 'warning', 'critical'].flatMap((level) => [
          `tray-${level}.ico`,
          `tray-${level}.png`,
          `tray-${level}@2x.png`,
          `tray-${level}-mac.png`,
          `tray-${level}-mac@2x.png`,
        ]),
        'warden.png',
      ].sort(),
    );
    await build({
      entryPoints: [join(root, 'test', 'mocks', 'electron.ts')],
      outfile: join(dir, 'node_modules', 'electron', 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'error',
    });
    symlinkSync(
      join(root, 'node_modules', 'better-sqlite3'),
      join(dir, 'node_modules', 'better-sqlite3'),
      'dir',
    );
    mkdirSync(join(dir, 'data'));
    copyFileSync(join(here, 'bundle-driver.mjs'), join(dir, 'driver.mjs'));

    const run = spawnSync(process.execPath, [join(dir, 'driver.mjs'), appDir], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH, WARDEN_DATA_DIR: join(dir, 'data'), WARDEN_NEWS_URL: 'off' },
    });
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(summary.errorBoxes, 'the startup error dialog').toEqual([]);
    expect(summary).toEqual({
      errorBoxes: [],
      loadedFile: join(appDir, 'dist', 'renderer', 'index.html'),
      preload: join(appDir, 'dist', 'desktop', 'preload.cjs'),
      state: { ok: true, accounts: expect.any(Number) as unknown },
      evil: { ok: false, error: 'unknown sender' },
      trayLabels: [
        'Flatten all',
        'Lock for the rest of the day',
        'Show Warden',
        'Open logs folder',
        'Start at login',
        'Quit',
      ],
      trayIcon: join(appDir, 'dist', 'desktop', 'icons', 'tray-ok.png'),
      notifications: [expect.stringMatching(/^Flatten complete/) as unknown],
      pushChannels: expect.arrayContaining(['warden:push:state']) as unknown,
      quitted: true,
    });
  }, 60_000);

  it('carries electron-updater inside the bundle, which stays off in an unpackaged app and never throws', async () => {
    // Built as scripts/build-desktop.mjs builds main.cjs (same externals): electron-updater is bundled, so the
    // packaged app needs nothing beside the bundle but Electron and Node's own modules.
    const dir = mkdtempSync(join(tmpdir(), 'warden-updater-bundle-'));
    const outfile = join(dir, 'updater.cjs');
    const result = await build({
      entryPoints: [join(root, 'main', 'desktop', 'updater.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: ['node22'],
      external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((input) => input.endsWith('node_modules/electron-updater/out/main.js')),
    ).toHaveLength(1);
    const externals = new Set(
      Object.values(result.metafile.outputs).flatMap((output) =>
        output.imports.filter((entry) => entry.external).map((entry) => entry.path),
      ),
    );
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect([...externals].filter((name) => !builtins.has(name))).toEqual(['electron']);

    await build({
      entryPoints: [join(root, 'test', 'mocks', 'electron.ts')],
      outfile: join(dir, 'node_modules', 'electron', 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'error',
    });
    const load = createRequire(outfile);
    const electron = load('electron') as { app: { isPackaged: boolean } };
    const { startUpdater } = load(outfile) as { startUpdater: typeof startUpdaterType };
    const logger = memoryLogger();
    const options = { logger, env: {}, exposedAccounts: () => [], onStateChange: () => () => undefined };
    expect(startUpdater(options).phase()).toBe('off');
    // The fake Electron is not enough for the real updater (no app.getVersion): reported, not thrown.
    electron.app.isPackaged = true;
    expect(startUpdater(options).phase()).toBe('off');
    expect(logger.lines).toEqual([
      { level: 'info', message: 'auto-update off: not a packaged app' },
      {
        level: 'error',
        message: 'auto-update unavailable',
        context: { error: 'this.app.getVersion is not a function' },
      },
    ]);
  }, 60_000);
});
