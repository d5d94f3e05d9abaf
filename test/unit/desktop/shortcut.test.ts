// The desktop host's global Flatten-all shortcut and minimise to tray, against the fake electron module.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, globalShortcut, resetElectronFake } from '../../mocks/electron';
import { memoryLogger } from '../../../main/platform/logger';
import { runDesktop, type DesktopDeps } from '../../../main/desktop/app';
import { createHostNotices } from '../../../main/desktop/host-notices';
import {
  DEFAULT_FLATTEN_SHORTCUT,
  applyPlatformSwitches,
  flattenShortcut,
  isWayland,
  registerFlattenShortcut,
} from '../../../main/desktop/shortcut';
import { createFakeCore } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run(env: DesktopDeps['env'] = {}) {
  const core = createFakeCore();
  core.respond('flatten', { ok: true, result: { reports: [] } });
  const logger = memoryLogger();
  await runDesktop({
    startCore: () => Promise.resolve(core),
    env: { WARDEN_DATA_DIR: '/data/warden', ...env },
    argv: [],
    makeLogger: () => logger,
  });
  const window = BrowserWindow.instances[0];
  if (window === undefined) throw new Error('no window');
  return { core, logger, window };
}

describe('the Flatten-all shortcut', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it.each([
    [undefined, 'CommandOrControl+Shift+F12'],
    ['', 'CommandOrControl+Shift+F12'],
    ['Alt+Shift+X', 'Alt+Shift+X'],
    ['none', null],
  ])('WARDEN_FLATTEN_SHORTCUT=%s → %s', (value, accelerator) => {
    expect(flattenShortcut(value === undefined ? {} : { WARDEN_FLATTEN_SHORTCUT: value })).toBe(accelerator);
  });

  it('is registered at start; pressing it flattens every account and shows the window', async () => {
    const { core, window } = await run();
    expect([...globalShortcut.registered.keys()]).toEqual([DEFAULT_FLATTEN_SHORTCUT]);
    window.minimize();
    globalShortcut.press(DEFAULT_FLATTEN_SHORTCUT);
    await flushPromises();
    expect(core.calls).toEqual([{ name: 'flatten', args: { all: true } }]);
    expect(window.isMinimized()).toBe(false);
    expect(window.visible).toBe(true);
  });

  it('uses the configured accelerator, and is released when the app quits', async () => {
    await run({ WARDEN_FLATTEN_SHORTCUT: 'Alt+Shift+X' });
    expect(globalShortcut.isRegistered('Alt+Shift+X')).toBe(true);
    app.emit('will-quit');
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('a shortcut held by another application is logged, and the app runs on', async () => {
    globalShortcut.taken.add(DEFAULT_FLATTEN_SHORTCUT);
    const { logger } = await run();
    expect(globalShortcut.registered.size).toBe(0);
    expect(logger.lines.map((e) => e.message)).toContain(
      'the flatten shortcut is taken by another application',
    );
  });
});

const HOW_TO_CHANGE =
  'Set WARDEN_FLATTEN_SHORTCUT to another key combination (for example Alt+Shift+F12) and restart Warden; "none" turns it off. Flatten all stays in the tray menu and the window.';

describe('registerFlattenShortcut', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  const setup = () => {
    const logger = memoryLogger();
    return { logger, notices: createHostNotices(logger), onPress: vi.fn() };
  };

  it('a shortcut another application holds stands as the shortcut notice, naming it and how to change it', () => {
    const { logger, notices, onPress } = setup();
    globalShortcut.taken.add('Alt+Shift+X');
    expect(registerFlattenShortcut('Alt+Shift+X', onPress, logger, notices)).toBe(false);
    expect(notices.list()).toEqual([
      {
        id: 'shortcut',
        level: 'warning',
        title: 'The Flatten-all shortcut does not work',
        message: 'Alt+Shift+X is taken by another application (or the desktop refused it).',
        fix: HOW_TO_CHANGE,
      },
    ]);
  });

  it('an invalid accelerator stands as the notice too; one that registers clears it', () => {
    const { logger, notices, onPress } = setup();
    const register = vi.spyOn(globalShortcut, 'register').mockImplementationOnce(() => {
      throw new Error('conversion failure');
    });
    expect(registerFlattenShortcut('Ctrl+Nope', onPress, logger, notices)).toBe(false);
    expect(notices.list()).toEqual([
      {
        id: 'shortcut',
        level: 'warning',
        title: 'The Flatten-all shortcut does not work',
        message: 'Ctrl+Nope is not a valid key combination.',
        fix: HOW_TO_CHANGE,
      },
    ]);
    expect(logger.lines.at(-2)).toEqual({
      level: 'error',
      message: 'the flatten shortcut is not a valid accelerator',
      context: { accelerator: 'Ctrl+Nope', error: 'Error: conversion failure' },
    });
    register.mockRestore();
    expect(registerFlattenShortcut('Alt+Shift+X', onPress, logger, notices)).toBe(true);
    expect(notices.list()).toEqual([]);
    globalShortcut.press('Alt+Shift+X');
    expect(onPress).toHaveBeenCalledOnce();
  });

  it('turned off ("none") registers nothing and clears the notice', () => {
    const { logger, notices, onPress } = setup();
    globalShortcut.taken.add(DEFAULT_FLATTEN_SHORTCUT);
    registerFlattenShortcut(DEFAULT_FLATTEN_SHORTCUT, onPress, logger, notices);
    expect(registerFlattenShortcut(null, onPress, logger, notices)).toBe(false);
    expect(notices.list()).toEqual([]);
    expect(globalShortcut.registered.size).toBe(0);
  });
});

describe('applyPlatformSwitches', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it.each([
    [{ XDG_SESSION_TYPE: 'wayland' }, true],
    [{ WAYLAND_DISPLAY: 'wayland-0' }, true],
    [{ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, false],
    [{ WAYLAND_DISPLAY: '' }, false],
    [{}, false],
  ])('%o is a Wayland session: %s', (env, wayland) => {
    expect(isWayland(env)).toBe(wayland);
  });

  it('on Linux under Wayland turns on the global shortcuts portal', () => {
    expect(applyPlatformSwitches('linux', { XDG_SESSION_TYPE: 'wayland' }, app.commandLine)).toEqual([
      'GlobalShortcutsPortal',
    ]);
    expect(app.commandLine.appended).toEqual([{ name: 'enable-features', value: 'GlobalShortcutsPortal' }]);
    expect(app.commandLine.getSwitchValue('enable-features')).toBe('GlobalShortcutsPortal');
  });

  it('merges into the features already enabled, and adds nothing twice', () => {
    app.commandLine.appendSwitch('enable-features', 'WaylandWindowDecorations,UseOzonePlatform');
    expect(applyPlatformSwitches('linux', { WAYLAND_DISPLAY: 'wayland-1' }, app.commandLine)).toEqual([
      'GlobalShortcutsPortal',
    ]);
    expect(app.commandLine.getSwitchValue('enable-features')).toBe(
      'WaylandWindowDecorations,UseOzonePlatform,GlobalShortcutsPortal',
    );
    expect(applyPlatformSwitches('linux', { WAYLAND_DISPLAY: 'wayland-1' }, app.commandLine)).toEqual([]);
    expect(app.commandLine.appended).toHaveLength(2);
    expect([...app.commandLine.switches]).toEqual([
      ['enable-features', 'WaylandWindowDecorations,UseOzonePlatform,GlobalShortcutsPortal'],
    ]);
  });

  it.each([
    ['linux', { XDG_SESSION_TYPE: 'x11' }],
    ['darwin', { XDG_SESSION_TYPE: 'wayland' }],
    ['win32', { WAYLAND_DISPLAY: 'wayland-0' }],
  ] as const)('changes nothing on %s with %o', (platform, env) => {
    expect(applyPlatformSwitches(platform, env, app.commandLine)).toEqual([]);
    expect(app.commandLine.appended).toEqual([]);
  });
});

describe('minimise to tray', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('hides the window when minimised', async () => {
    const { window } = await run();
    window.show();
    window.emit('minimize');
    expect(window.visible).toBe(false);
  });

  it('WARDEN_MINIMIZE_TO_TRAY=0 leaves a minimised window alone', async () => {
    const { window } = await run({ WARDEN_MINIMIZE_TO_TRAY: '0' });
    window.show();
    window.emit('minimize');
    expect(window.visible).toBe(true);
  });
});
