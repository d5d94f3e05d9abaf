// The desktop life cycle: single instance, core options, startup failure, the wiring, and a clean stop on quit.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserWindow,
  Notification,
  Tray,
  app,
  dialog,
  fakeInvokeEvent,
  ipcMain,
  powerMonitor,
  powerSaveBlocker,
  resetElectronFake,
  type Menu,
} from '../../mocks/electron';
import { commandNames, ipcChannels } from '../../../shared/ipc';
import type { CoreOptions, ExposedAccount, WardenCore } from '../../../main/core/types';
import { memoryLogger } from '../../../main/platform/logger';
import { runDesktop, type DesktopDeps } from '../../../main/desktop/app';
import { accountView, alertView, createFakeCore, stateView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

const ours = 'file:///opt/warden/dist/renderer/index.html';

function deps(core: WardenCore, overrides: Partial<DesktopDeps> = {}) {
  const started: CoreOptions[] = [];
  const logger = memoryLogger();
  const all: DesktopDeps = {
    startCore: (options) => {
      started.push(options);
      return Promise.resolve(core);
    },
    env: { WARDEN_DATA_DIR: '/data/warden' },
    argv: ['/usr/bin/electron', '/opt/warden', '--demo'],
    makeLogger: () => logger,
    detectTrayHost: () => Promise.resolve('present'),
    ...overrides,
  };
  return { deps: all, started, logger };
}

function onlyWindow(): BrowserWindow {
  expect(BrowserWindow.instances).toHaveLength(1);
  const window = BrowserWindow.instances[0];
  if (window === undefined) throw new Error('no window');
  return window;
}

describe('runDesktop', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('starts the core with the data dir, sim broker and --demo, then opens window, tray and IPC', async () => {
    const core = createFakeCore();
    const { deps: d, started } = deps(core);
    const host = await runDesktop(d);
    expect(host?.core).toBe(core);
    expect(started).toEqual([
      expect.objectContaining({ dataDir: '/data/warden', broker: 'sim', demo: true }),
    ]);
    expect(onlyWindow().loadedFile).toBe('/opt/warden/dist/renderer/index.html');
    expect(Tray.instances).toHaveLength(1);
    // One per command, and the test notification.
    expect(ipcMain.handlers.size).toBe(commandNames.length + 1);
  });

  it('gives the core a secret store that encrypts with safeStorage', async () => {
    const { deps: d, started } = deps(createFakeCore());
    await runDesktop(d);
    expect(started[0]?.secrets?.description).toBe('encrypted by the system keychain (in /data/warden)');
  });

  it("uses Electron's user data folder when WARDEN_DATA_DIR is unset", async () => {
    const { deps: d, started } = deps(createFakeCore(), { env: {} });
    await runDesktop(d);
    expect(started[0]?.dataDir).toBe('/tmp/warden-fake/user-data');
  });

  it('writes its log to <data dir>/logs/warden.log when no logger is given', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-desktop-'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { makeLogger: _default, ...rest } = deps(createFakeCore(), {
        env: { WARDEN_DATA_DIR: dataDir },
      }).deps;
      await runDesktop(rest);
      // Log lines are written when the turn ends (main/platform/logger.ts).
      await new Promise(setImmediate);
    } finally {
      stderr.mockRestore();
    }
    expect(readFileSync(join(dataDir, 'logs', 'warden.log'), 'utf8')).toContain('"message":"running"');
  });

  it('lets the renderer in its window reach the core', async () => {
    const core = createFakeCore();
    core.respond('getState', { ok: true, result: stateView() });
    await runDesktop(deps(core).deps);
    const event = fakeInvokeEvent({ url: ours, sender: onlyWindow().webContents });
    await ipcMain.invoke(ipcChannels.command('getState'), event, {});
    expect(core.calls).toEqual([{ name: 'getState', args: {} }]);
  });

  it('shows a native notification for a pushed critical alert and forwards it to the window', async () => {
    const core = createFakeCore();
    await runDesktop(deps(core).deps);
    const alert = alertView({ level: 'critical', title: 'Daily loss limit breached' });
    core.push({ type: 'alert', payload: alert });
    expect(Notification.shown.map((shown) => shown.options)).toEqual([
      expect.objectContaining({ title: 'Daily loss limit breached', urgency: 'critical' }),
    ]);
    expect(onlyWindow().webContents.sent).toEqual([{ channel: 'warden:push:alert', args: [alert] }]);
  });

  it('names the account and its group in the notification title', async () => {
    const core = createFakeCore();
    await runDesktop(deps(core).deps);
    const group = {
      id: 'apex',
      name: 'Apex 50Ks',
      accounts: ['acc-2'],
      leader: null,
      metrics: { dailyNetPnl: '0', dailyRealizedPnl: '0', unrealizedPnl: '0', openContracts: 0 },
      limits: [],
      tradingState: 'active' as const,
    };
    core.push({
      type: 'state',
      payload: stateView({
        accounts: [accountView('acc-1', 'SIM-50K'), accountView('acc-2', 'Apex 2')],
        groups: [group],
      }),
    });
    core.push({ type: 'alert', payload: alertView({ account: 'acc-2', title: 'groupDailyLoss breach' }) });
    core.push({ type: 'alert', payload: alertView({ account: 'acc-1', title: 'dailyLoss warning' }) });
    expect(Notification.shown.map((shown) => shown.options.title)).toEqual([
      'Apex 2 (Apex 50Ks): groupDailyLoss breach',
      'SIM-50K: dailyLoss warning',
    ]);
  });

  it('notifies nothing for the recent alerts, and gives each page the window loads those first', async () => {
    const recent = [alertView({ level: 'critical' })];
    await runDesktop(deps(createFakeCore(stateView(), recent)).deps);
    expect(Notification.shown).toEqual([]);
    onlyWindow().webContents.emit('did-finish-load');
    expect(onlyWindow().webContents.sent).toEqual([
      { channel: 'warden:push:alerts', args: [recent] },
      { channel: 'warden:desktop:notices', args: [[]] },
    ]);
  });

  it('quits at once, without starting a core, when another instance holds the lock', async () => {
    app.singleInstanceLock = false;
    const { deps: d, started } = deps(createFakeCore());
    expect(await runDesktop(d)).toBeNull();
    expect(started).toEqual([]);
    expect(app.quitted).toBe(true);
  });

  it('brings the window forward when a second instance starts', async () => {
    await runDesktop(deps(createFakeCore()).deps);
    const window = onlyWindow();
    window.minimize();
    window.hide();
    app.emit('second-instance');
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('reopens a window when the trader closed it and asks to see Warden again', async () => {
    const host = await runDesktop(deps(createFakeCore()).deps);
    onlyWindow().destroy();
    host?.showWindow();
    expect(BrowserWindow.instances).toHaveLength(2);
    expect(host?.window()).toBe(BrowserWindow.instances[1]);
  });

  it.each([
    [
      'the core fails to start',
      { startCore: () => Promise.reject(new Error('database is locked')) },
      'database is locked',
    ],
    [
      'WARDEN_BROKER is wrong',
      { env: { WARDEN_BROKER: 'ibkr' } },
      'WARDEN_BROKER must be one of sim, projectx',
    ],
  ] as const)(
    'when %s: shows an error dialog with the reason and quits with code 1',
    async (_name, overrides, reason) => {
      const { deps: d, logger } = deps(createFakeCore(), overrides);
      expect(await runDesktop(d)).toBeNull();
      expect(dialog.errorBoxes).toEqual([
        { title: 'Warden could not start', content: expect.stringContaining(reason) as unknown },
      ]);
      expect(app.exitCode).toBe(1);
      expect(BrowserWindow.instances).toEqual([]);
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error' }));
    },
  );

  it('holds the quit until the core has stopped, then quits', async () => {
    const core = createFakeCore();
    let finishStop: () => void = () => undefined;
    core.stop = () =>
      new Promise<void>((resolve) => {
        finishStop = () => {
          core.stopped = true;
          resolve();
        };
      });
    await runDesktop(deps(core).deps);
    app.quit();
    expect(app.quitted).toBe(false);
    app.quit(); // a second request while stopping does not stop twice or slip through
    expect(app.quitted).toBe(false);
    finishStop();
    await vi.waitFor(() => {
      expect(app.quitted).toBe(true);
    });
    expect(core.stopped).toBe(true);
  });

  it('quits anyway when the core does not stop in time, and logs it', async () => {
    const core: WardenCore = { ...createFakeCore(), stop: () => new Promise<void>(() => undefined) };
    const { deps: d, logger } = deps(core, { stopTimeoutMs: 20 });
    await runDesktop(d);
    app.quit();
    await vi.waitFor(() => {
      expect(app.quitted).toBe(true);
    });
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining('in time') as unknown }),
    );
  });
});

describe('the desktop host never silently off, never silent', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  const long: ExposedAccount = { id: 'acc-1', name: 'SIM-50K', openPositions: 1, workingOrders: 0 };

  function trayMenu(): Menu {
    const menu = Tray.instances[0]?.menu;
    if (menu === null || menu === undefined) throw new Error('no tray menu');
    return menu;
  }

  it('asks before a tray Quit with a position open; Cancel keeps guarding, Quit anyway stops the core', async () => {
    const core = createFakeCore();
    core.exposed = [long];
    const { deps: d, logger } = deps(core);
    await runDesktop(d);
    dialog.answers.push(1); // Cancel
    trayMenu().click('Quit');
    await vi.waitFor(() => {
      expect(dialog.messageBoxes).toHaveLength(1);
    });
    expect(dialog.messageBoxes[0]).toMatchObject({
      message: 'Quit and stop guarding 1 account with open positions?',
      buttons: ['Quit anyway', 'Cancel'],
      defaultId: 1,
    });
    expect(dialog.blockingBoxes).toBe(0);
    await vi.waitFor(() => {
      expect(logger.lines.map((line) => line.message)).toContain('quit cancelled: accounts still exposed');
    });
    expect(core.stopped).toBe(false);
    expect(app.quitted).toBe(false);
    dialog.answers.push(0); // Quit anyway
    trayMenu().click('Quit');
    await vi.waitFor(() => {
      expect(app.quitted).toBe(true);
    });
    expect(core.stopped).toBe(true);
  });

  it('closing the window hides it to the tray and says once that Warden keeps guarding', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-close-'));
    await runDesktop(deps(createFakeCore(), { env: { WARDEN_DATA_DIR: dataDir } }).deps);
    const window = onlyWindow();
    window.show();
    window.close();
    expect(window).toMatchObject({ destroyed: false, visible: false });
    expect(app.quitted).toBe(false);
    window.show();
    window.close();
    expect(Notification.shown.map((shown) => shown.options.title)).toEqual(['Warden is still guarding']);
  });

  it('holds the power blocker exactly while the state pushes show something exposed', async () => {
    const core = createFakeCore();
    await runDesktop(deps(core).deps);
    expect(powerSaveBlocker.active.size).toBe(0);
    core.exposed = [long];
    core.push({ type: 'state', payload: stateView() });
    expect([...powerSaveBlocker.active.values()]).toEqual(['prevent-app-suspension']);
    core.exposed = [];
    core.push({ type: 'state', payload: stateView() });
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('asks the core to reconnect when the machine wakes and when the screen unlocks', async () => {
    const core = createFakeCore();
    core.respond('reconnect', { ok: true, result: { reconnecting: true } });
    await runDesktop(deps(core).deps);
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(core.calls).toEqual([
      { name: 'reconnect', args: { reason: 'the system woke from sleep' } },
      { name: 'reconnect', args: { reason: 'the screen was unlocked' } },
    ]);
  });

  it('a click on a critical notification shows the window on the account it is about', async () => {
    const core = createFakeCore();
    await runDesktop(deps(core).deps);
    const window = onlyWindow();
    window.hide();
    core.push({ type: 'alert', payload: alertView({ level: 'critical', account: 'acc-2' }) });
    const shown = Notification.shown[0];
    expect(shown?.options).toMatchObject({ urgency: 'critical', timeoutType: 'never' });
    shown?.emit('click');
    expect(window.visible).toBe(true);
    expect(window.webContents.sent).toContainEqual({
      channel: 'warden:desktop:open-account',
      args: ['acc-2'],
    });
  });

  it('without a tray host (Linux), minimising keeps the window and the trader is told why', async () => {
    const { deps: d } = deps(createFakeCore(), { detectTrayHost: () => Promise.resolve('absent') });
    await runDesktop(d);
    const window = onlyWindow();
    window.show();
    window.minimize();
    window.emit('minimize');
    expect(window.visible).toBe(true);
    window.close();
    expect(window).toMatchObject({ destroyed: false, visible: true, minimized: true });
    window.webContents.emit('did-finish-load');
    const notices = window.webContents.sent.filter((sent) => sent.channel === 'warden:desktop:notices');
    expect(notices.at(-1)?.args[0]).toEqual([expect.objectContaining({ id: 'tray', level: 'warning' })]);
  });

  it('reloads a crashed window; after 3 crashes in a minute it stops and the trader is told, and a new window clears it', async () => {
    const host = await runDesktop(deps(createFakeCore()).deps);
    const window = onlyWindow();
    window.webContents.renderProcessGone('crashed', 139);
    window.webContents.renderProcessGone('oom', 1);
    expect(window.loadedFiles).toHaveLength(3);
    window.webContents.renderProcessGone('crashed', 139);
    expect(window.loadedFiles).toHaveLength(3);
    const notices = () =>
      window.webContents.sent.filter((sent) => sent.channel === 'warden:desktop:notices').at(-1)?.args[0];
    window.webContents.emit('did-finish-load');
    expect(notices()).toEqual([
      expect.objectContaining({
        id: 'renderer',
        level: 'critical',
        message:
          'Its page crashed 3 times within a minute (crashed, exit code 139). Warden keeps guarding; only the window is gone.',
      }),
    ]);
    window.destroy();
    host?.showWindow();
    const fresh = BrowserWindow.instances[1];
    fresh?.webContents.emit('did-finish-load');
    expect(
      fresh?.webContents.sent.filter((sent) => sent.channel === 'warden:desktop:notices').at(-1)?.args[0],
    ).toEqual([]);
  });
});
