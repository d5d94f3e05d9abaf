// `npm start`'s decision: Electron only with a downloaded runtime and a display; otherwise `warden serve`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canRunElectron,
  electronBinaryPath,
  electronGypEnv,
  electronSqliteDir,
  fallbackMessage,
  hasDisplay,
  sqliteBindingPath,
} from '../../../scripts/electron-runtime';

const binary = '/app/node_modules/electron/dist/electron';
const present = (path: string) => path === binary;

describe('canRunElectron', () => {
  it.each([
    ['Linux with a binary and X11', binary, 'linux', { DISPLAY: ':0' }, { ok: true }],
    ['Linux with a binary and Wayland', binary, 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, { ok: true }],
    ['macOS with a binary', binary, 'darwin', {}, { ok: true }],
    ['Windows with a binary', binary, 'win32', {}, { ok: true }],
    ['no binary path at all', null, 'darwin', {}, { ok: false, reasons: ['no Electron binary downloaded'] }],
    [
      'a path to a binary that is not there',
      '/app/node_modules/electron/dist/missing',
      'win32',
      {},
      { ok: false, reasons: ['no Electron binary downloaded'] },
    ],
    ['Linux without a display', binary, 'linux', {}, { ok: false, reasons: ['no display'] }],
    ['Linux with an empty DISPLAY', binary, 'linux', { DISPLAY: '' }, { ok: false, reasons: ['no display'] }],
    [
      'a headless box without the runtime (this CI)',
      null,
      'linux',
      {},
      { ok: false, reasons: ['no Electron binary downloaded', 'no display'] },
    ],
  ] as const)('%s', (_name, electronPath, platform, env, expected) => {
    expect(canRunElectron({ electronPath, exists: present, platform, env })).toEqual(expected);
  });
});

describe('hasDisplay', () => {
  it.each([
    ['linux', {}, false],
    ['linux', { DISPLAY: ':1' }, true],
    ['freebsd', { WAYLAND_DISPLAY: 'wayland-1' }, true],
    ['freebsd', {}, false],
    ['darwin', {}, true],
    ['win32', {}, true],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(hasDisplay(platform, env)).toBe(expected);
  });
});

describe('fallbackMessage', () => {
  it('is one line naming every reason', () => {
    const message = fallbackMessage(['no Electron binary downloaded', 'no display']);
    expect(message).toBe(
      'Electron runtime not available here (no Electron binary downloaded, no display); starting warden serve instead',
    );
    expect(message).not.toContain('\n');
  });
});

describe('electronBinaryPath', () => {
  const packageDir = () => mkdtempSync(join(tmpdir(), 'warden-electron-'));

  it('is null when the runtime was never downloaded (no path.txt)', () => {
    expect(electronBinaryPath(packageDir(), {})).toBeNull();
  });

  it('is dist/<path.txt> once downloaded', () => {
    const dir = packageDir();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronBinaryPath(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    expect(electronBinaryPath(packageDir(), { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(
      join('/opt/electron', 'electron'),
    );
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('lives under .electron-native, keyed by both versions and the platform', () => {
    const dir = electronSqliteDir('/app', {
      sqliteVersion: '12.9.0',
      electronVersion: '45.4.1',
      platform: 'linux',
      arch: 'x64',
    });
    expect(dir).toBe(join('/app', '.electron-native', 'better-sqlite3-12.9.0-electron-45.4.1-linux-x64'));
    expect(sqliteBindingPath(dir)).toBe(join(dir, 'build', 'Release', 'better_sqlite3.node'));
  });

  it("is built without npm's header settings, which would make node-gyp target Node's ABI", () => {
    const env = { PATH: '/usr/bin', npm_config_nodedir: '/usr/include/node', npm_config_target: '20.20.0' };
    expect(electronGypEnv(env)).toEqual({ PATH: '/usr/bin' });
  });
});
