// The built desktop bundle (dist/desktop/main.cjs, CommonJS, core included) boots the real core, answers its own
// renderer, refuses a stranger, flattens from the tray and stops cleanly: run under Node with the fake Electron.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

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
      env: { PATH: process.env.PATH, WARDEN_DATA_DIR: join(dir, 'data') },
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
});
