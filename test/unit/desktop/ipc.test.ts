// The IPC registry: every command has a handler, only our renderer reaches the core, pushes reach the window;
// and the desktop's own channels: notices, open-account and the sender-checked test notification.
import type { BrowserWindow as ElectronWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, fakeInvokeEvent, ipcMain, resetElectronFake } from '../../mocks/electron';
import {
  commandNames,
  desktopChannels,
  ipcChannels,
  type HostNotice,
  type TestNotificationResult,
} from '../../../shared/ipc';
import { memoryLogger } from '../../../main/platform/logger';
import { createHostNotices } from '../../../main/desktop/host-notices';
import { registerIpc } from '../../../main/desktop/ipc';
import { alertView, createFakeCore, stateView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

const ours = 'file:///opt/warden/dist/renderer/index.html';
const order = { account: 'acc-1', symbol: 'MNQ', side: 'buy', qty: 2, kind: 'market' };

const trayMissing: HostNotice = {
  id: 'tray',
  level: 'warning',
  title: 'No tray icon',
  message: 'This desktop shows no tray icons.',
};

function setup(
  core = createFakeCore(),
  testNotification = vi.fn<() => Promise<TestNotificationResult>>(() => Promise.resolve({ ok: true })),
) {
  const logger = memoryLogger();
  const notices = createHostNotices(logger);
  const created = new BrowserWindow();
  let window: BrowserWindow | null = created;
  // The fake stands in for Electron's class; the registry only reads what the fake provides.
  const current = () => window as unknown as ElectronWindow | null;
  const registry = registerIpc({
    core,
    logger,
    rendererUrl: ours,
    window: current,
    notices,
    testNotification,
  });
  const dispose = () => {
    registry.dispose();
  };
  const fromOurWindow = (url = ours) => {
    if (window === null) throw new Error('no window');
    return fakeInvokeEvent({ url, sender: window.webContents });
  };
  const closeWindow = () => {
    window?.destroy();
    window = null;
  };
  const follow = () => {
    registry.followPages(created as unknown as ElectronWindow);
  };
  return {
    core,
    logger,
    notices,
    testNotification,
    window: created,
    registry,
    dispose,
    fromOurWindow,
    closeWindow,
    follow,
  };
}

describe('the IPC registry', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('registers exactly one handler per command, on its own channel, and the test notification', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [...commandNames.map((name) => ipcChannels.command(name)), 'warden:desktop:test-notification'].sort(),
    );
  });

  it("passes a valid sender's placeOrder args to the core and answers with the core's response", async () => {
    const { core, fromOurWindow } = setup();
    core.respond('placeOrder', { ok: true, result: { orderId: 'ord-9' } });
    const answer = await ipcMain.invoke(ipcChannels.command('placeOrder'), fromOurWindow(), order);
    expect(core.calls).toEqual([{ name: 'placeOrder', args: order }]);
    expect(answer).toEqual({ ok: true, result: { orderId: 'ord-9' } });
  });

  it('passes invalid args through unchanged: the core validates and answers the error', async () => {
    const { core, fromOurWindow } = setup();
    core.respond('flatten', { ok: false, error: 'invalid flatten: account: account is required' });
    const answer = await ipcMain.invoke(ipcChannels.command('flatten'), fromOurWindow(), { account: '' });
    expect(core.calls).toEqual([{ name: 'flatten', args: { account: '' } }]);
    expect(answer).toEqual({ ok: false, error: 'invalid flatten: account: account is required' });
  });

  it('answers hash-routed pages of our renderer', async () => {
    const { core, fromOurWindow } = setup();
    core.respond('getState', { ok: true, result: stateView() });
    await ipcMain.invoke(ipcChannels.command('getState'), fromOurWindow(`${ours}#/rules`), {});
    expect(core.calls).toHaveLength(1);
  });

  it.each(commandNames)(
    'drops %s from an unknown sender URL without reaching the core, and logs it',
    async (name) => {
      const { core, logger, fromOurWindow } = setup();
      const answer = await ipcMain.invoke(
        ipcChannels.command(name),
        fromOurWindow('https://evil.example/'),
        order,
      );
      expect(answer).toEqual({ ok: false, error: 'unknown sender' });
      expect(core.calls).toEqual([]);
      expect(logger.lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          context: expect.objectContaining({ command: name, frameUrl: 'https://evil.example/' }) as unknown,
        }),
      );
    },
  );

  it('drops our own page URL when it comes from another window', async () => {
    const { core } = setup();
    const other = new BrowserWindow();
    const event = fakeInvokeEvent({ url: ours, sender: other.webContents });
    expect(await ipcMain.invoke(ipcChannels.command('flatten'), event, { all: true })).toEqual({
      ok: false,
      error: 'unknown sender',
    });
    expect(core.calls).toEqual([]);
  });

  it('drops messages from a subframe and from a frame that is gone', async () => {
    const { core, window } = setup();
    const subframe = fakeInvokeEvent({ url: ours, sender: window.webContents, isMainFrame: false });
    const gone = fakeInvokeEvent({ url: null, sender: window.webContents });
    await ipcMain.invoke(ipcChannels.command('flatten'), subframe, { all: true });
    await ipcMain.invoke(ipcChannels.command('flatten'), gone, { all: true });
    expect(core.calls).toEqual([]);
  });

  it('drops everything once the window is closed', async () => {
    const { core, window, closeWindow } = setup();
    const event = fakeInvokeEvent({ url: ours, sender: window.webContents });
    closeWindow();
    await ipcMain.invoke(ipcChannels.command('getState'), event, {});
    expect(core.calls).toEqual([]);
  });

  it('answers instead of rejecting if the core throws', async () => {
    const { core, fromOurWindow } = setup();
    core.command = () => Promise.reject(new Error('disk full'));
    const answer = await ipcMain.invoke(ipcChannels.command('getState'), fromOurWindow(), {});
    expect(answer).toEqual({ ok: false, error: 'getState failed: Error: disk full' });
  });

  it('forwards state and alert pushes to the window on their channels', () => {
    const { core, window } = setup();
    const state = stateView({ seq: 42 });
    const alert = alertView();
    core.push({ type: 'state', payload: state });
    core.push({ type: 'alert', payload: alert });
    expect(window.webContents.sent).toEqual([
      { channel: 'warden:push:state', args: [state] },
      { channel: 'warden:push:alert', args: [alert] },
    ]);
    expect(ipcChannels.push('state')).toBe('warden:push:state');
  });

  it('gives each page the window loads the recent alerts first, then the pushes, once each', () => {
    const recent = [alertView({ id: 'alert-2' }), alertView()];
    const { core, window, registry } = setup(createFakeCore(stateView(), recent));
    registry.followPages(window as unknown as ElectronWindow);
    window.webContents.sent.length = 0;
    window.webContents.emit('did-finish-load');
    const alert = alertView({ id: 'alert-3' });
    core.push({ type: 'alert', payload: alert });
    expect(window.webContents.sent).toEqual([
      { channel: 'warden:push:alerts', args: [recent] },
      { channel: 'warden:desktop:notices', args: [[]] },
      { channel: 'warden:push:alert', args: [alert] },
    ]);
    expect(core.listenerCount()).toBe(1);
  });

  it('does not send to a closed window', () => {
    const { core, window, closeWindow } = setup();
    closeWindow();
    expect(() => {
      core.push({ type: 'state', payload: stateView() });
    }).not.toThrow();
    expect(window.webContents.sent).toEqual([]);
  });

  it('unregisters its handlers and its subscriptions when disposed', () => {
    const { core, dispose, notices, window } = setup();
    expect(core.listenerCount()).toBe(1);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(core.listenerCount()).toBe(0);
    notices.raise(trayMissing);
    expect(window.webContents.sent).toEqual([]);
  });
});

describe('the desktop channels', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('sends the whole list of notices to the window on every change', () => {
    const { notices, window } = setup();
    notices.raise(trayMissing);
    notices.clear('tray');
    expect(window.webContents.sent).toEqual([
      { channel: desktopChannels.notices, args: [[trayMissing]] },
      { channel: desktopChannels.notices, args: [[]] },
    ]);
    expect(desktopChannels.notices).toBe('warden:desktop:notices');
  });

  it('sends the standing notices again to each page the window loads', () => {
    const { notices, window, follow } = setup();
    follow();
    notices.raise(trayMissing);
    window.webContents.sent.length = 0;
    window.webContents.emit('did-finish-load');
    expect(window.webContents.sent).toEqual([{ channel: desktopChannels.notices, args: [[trayMissing]] }]);
  });

  it('sends no notices to a closed window', () => {
    const { notices, window, closeWindow } = setup();
    closeWindow();
    expect(() => {
      notices.raise(trayMissing);
    }).not.toThrow();
    expect(window.webContents.sent).toEqual([]);
  });

  it('tells the page to open an account', () => {
    const { registry, window } = setup();
    registry.openAccount('acc-2');
    expect(window.webContents.sent).toEqual([{ channel: 'warden:desktop:open-account', args: ['acc-2'] }]);
  });

  it('holds an account to open while the page loads, and sends it once it has loaded', () => {
    const { registry, window, follow } = setup();
    follow();
    window.webContents.loading = true;
    registry.openAccount('acc-1');
    registry.openAccount('acc-2');
    expect(window.webContents.sent).toEqual([]);
    window.webContents.loading = false;
    window.webContents.emit('did-finish-load');
    window.webContents.emit('did-finish-load');
    expect(window.webContents.sent).toEqual([
      { channel: desktopChannels.notices, args: [[]] },
      { channel: desktopChannels.openAccount, args: ['acc-2'] },
      { channel: desktopChannels.notices, args: [[]] },
    ]);
  });

  it("answers our renderer's test notification with the notifier's result", async () => {
    const { fromOurWindow, testNotification } = setup(
      createFakeCore(),
      vi.fn(() => Promise.resolve({ ok: false, error: 'access denied' } as const)),
    );
    const answer = await ipcMain.invoke(desktopChannels.testNotification, fromOurWindow());
    expect(answer).toEqual({ ok: false, error: 'access denied' });
    expect(testNotification).toHaveBeenCalledOnce();
  });

  it.each([
    ['another page', { url: 'https://evil.example/' }],
    ['a subframe', { url: ours, isMainFrame: false }],
    ['a frame that is gone', { url: null }],
  ] as const)('drops a test notification from %s, and logs it', async (_name, from) => {
    const { window, testNotification, logger } = setup();
    const event = fakeInvokeEvent({ ...from, sender: window.webContents });
    expect(await ipcMain.invoke(desktopChannels.testNotification, event)).toEqual({
      ok: false,
      error: 'unknown sender',
    });
    expect(testNotification).not.toHaveBeenCalled();
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        context: expect.objectContaining({ command: 'testNotification' }) as unknown,
      }),
    );
  });

  it('drops a test notification from another window', async () => {
    const { testNotification } = setup();
    const other = new BrowserWindow();
    const event = fakeInvokeEvent({ url: ours, sender: other.webContents });
    expect(await ipcMain.invoke(desktopChannels.testNotification, event)).toEqual({
      ok: false,
      error: 'unknown sender',
    });
    expect(testNotification).not.toHaveBeenCalled();
  });

  it('answers instead of rejecting if the test throws', async () => {
    const { fromOurWindow } = setup(
      createFakeCore(),
      vi.fn(() => Promise.reject(new Error('no display'))),
    );
    expect(await ipcMain.invoke(desktopChannels.testNotification, fromOurWindow())).toEqual({
      ok: false,
      error: 'test notification failed: Error: no display',
    });
  });
});
