// The desktop host's global Flatten-all shortcut and minimise to tray, against the fake electron module.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, globalShortcut, resetElectronFake } from '../../mocks/electron';
import { memoryLogger } from '../../../main/platform/logger';
import { runDesktop, type DesktopDeps } from '../../../main/desktop/app';
import { DEFAULT_FLATTEN_SHORTCUT, flattenShortcut } from '../../../main/desktop/shortcut';
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
