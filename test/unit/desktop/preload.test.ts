// The preload bridge: window.warden has one function per command plus onState/onAlerts/onAlert and the desktop
// extras, and nothing else.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from '../../mocks/electron';
import {
  commandNames,
  desktopChannels,
  ipcChannels,
  type DesktopExtras,
  type HostNotice,
} from '../../../shared/ipc';
import type { DesktopBridge } from '../../../main/desktop/preload';
import { alertView, stateView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

let api: DesktopBridge;
let preloadChannels: typeof ipcChannels;
let createDesktopExtras: (ipc: typeof ipcRenderer) => DesktopExtras;

beforeAll(async () => {
  ({ preloadChannels, createDesktopExtras } = await import('../../../main/desktop/preload'));
  api = contextBridge.exposed.get('warden') as DesktopBridge;
});

beforeEach(() => {
  ipcRenderer.reset();
});

const sampleArgs = {
  placeOrder: { account: 'acc-1', symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' },
  cancelOrder: { account: 'acc-1', orderId: 'ord-1' },
  closePosition: { account: 'acc-1', symbol: 'MNQ' },
  flatten: { all: true },
  lock: { account: 'acc-1', until: 'dayEnd' },
  resetLock: { account: 'acc-1' },
  confirmDayStart: { account: 'acc-1', startEquity: '50000' },
  setDemo: { enabled: true },
  getState: {},
  setConfig: { config: { accounts: {} } },
  previewConfig: { config: { accounts: {} } },
  lockSettings: { account: 'acc-1' },
  getConfig: {},
  setCredentials: { userName: 'trader', apiKey: 'k-1' },
  setAccountGuarded: { account: 'acc-1', guarded: false },
  getHistory: { account: 'acc-1', days: 7 },
  reconnect: {},
  whatIf: { account: 'acc-1', days: 30, config: {} },
  whatIfStatus: { run: 'run-1' },
  cancelWhatIf: { run: 'run-1' },
  setNotifySecrets: { telegramToken: '123:abc', webhookSecret: null },
  testNotify: { channel: 'ntfy' },
  detectTelegramChats: {},
} as const;

describe('the preload', () => {
  it('exposes only window.warden', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['warden']);
  });

  it('exposes exactly one function per command plus onState, onAlerts, onAlert and the desktop extras', () => {
    expect(Object.keys(api).sort()).toEqual(
      [...commandNames, 'onAlert', 'onAlerts', 'onState', 'desktop'].sort(),
    );
    const { desktop, ...functions } = api;
    for (const value of Object.values(functions)) expect(typeof value).toBe('function');
    expect(Object.keys(desktop).sort()).toEqual(['onNotices', 'onOpenAccount', 'testNotification']);
    for (const value of Object.values(desktop)) expect(typeof value).toBe('function');
  });

  it('uses the same channel names as the shared contract', () => {
    for (const name of commandNames) expect(preloadChannels.command(name)).toBe(ipcChannels.command(name));
    expect(preloadChannels.push('state')).toBe(ipcChannels.push('state'));
    expect(preloadChannels.push('alerts')).toBe(ipcChannels.push('alerts'));
    expect(preloadChannels.push('alert')).toBe(ipcChannels.push('alert'));
  });

  it.each(commandNames)('%s invokes its own channel with the args and returns the answer', async (name) => {
    const answer = { ok: true, result: { marker: name } };
    ipcRenderer.responses.set(ipcChannels.command(name), answer);
    const call = api[name] as (args: unknown) => Promise<unknown>;
    await expect(call(sampleArgs[name])).resolves.toEqual(answer);
    expect(ipcRenderer.invocations).toEqual([
      { channel: ipcChannels.command(name), args: [sampleArgs[name]] },
    ]);
  });

  it('delivers state pushes to onState listeners as the payload alone, until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = api.onState((state) => received.push(state));
    const first = stateView({ seq: 1 });
    ipcRenderer.deliver(ipcChannels.push('state'), first);
    unsubscribe();
    ipcRenderer.deliver(ipcChannels.push('state'), stateView({ seq: 2 }));
    expect(received).toEqual([first]);
    expect(ipcRenderer.listenerCount(ipcChannels.push('state'))).toBe(0);
  });

  it('delivers alert pushes to onAlert listeners, not to onState ones', () => {
    const alerts: unknown[] = [];
    const states: unknown[] = [];
    api.onAlert((alert) => alerts.push(alert));
    api.onState((state) => states.push(state));
    const alert = alertView();
    ipcRenderer.deliver(ipcChannels.push('alert'), alert);
    expect(alerts).toEqual([alert]);
    expect(states).toEqual([]);
  });

  it('delivers the recent alerts a page subscribes to onAlerts listeners, not to onAlert ones', () => {
    const recent: unknown[] = [];
    const single: unknown[] = [];
    api.onAlerts((alerts) => recent.push(alerts));
    api.onAlert((alert) => single.push(alert));
    const alerts = [alertView()];
    ipcRenderer.deliver(ipcChannels.push('alerts'), alerts);
    expect([recent, single]).toEqual([[alerts], []]);
  });
});

const notice: HostNotice = {
  id: 'notifications',
  level: 'critical',
  title: 'Desktop notifications are not available',
  message:
    'The system refused a notification: access denied. Alerts still show in this window and in the tray.',
  fix: 'Open Settings > System > Notifications',
};

describe('the desktop extras', () => {
  // Made anew over the reset ipcRenderer, as the preload makes them when a page loads.
  let desktop: DesktopExtras;
  beforeEach(() => {
    desktop = createDesktopExtras(ipcRenderer);
  });

  it('gives a notices listener the current list at once (empty before the host sent any), then each change', () => {
    const received: HostNotice[][] = [];
    const unsubscribe = desktop.onNotices((notices) => received.push(notices));
    ipcRenderer.deliver(desktopChannels.notices, [notice]);
    ipcRenderer.deliver(desktopChannels.notices, []);
    unsubscribe();
    ipcRenderer.deliver(desktopChannels.notices, [notice]);
    expect(received).toEqual([[], [notice], []]);
  });

  it('gives a listener added after the host sent the notices (the page loading late) the list at once', () => {
    ipcRenderer.deliver(desktopChannels.notices, [notice]);
    const received: HostNotice[][] = [];
    desktop.onNotices((notices) => received.push(notices));
    expect(received).toEqual([[notice]]);
  });

  it('delivers open-account requests to listeners until unsubscribed', () => {
    const opened: string[] = [];
    const unsubscribe = desktop.onOpenAccount((accountId) => opened.push(accountId));
    ipcRenderer.deliver(desktopChannels.openAccount, 'acc-1');
    unsubscribe();
    ipcRenderer.deliver(desktopChannels.openAccount, 'acc-2');
    expect(opened).toEqual(['acc-1']);
  });

  it('keeps the last open-account request that came before any listener for the first one', () => {
    ipcRenderer.deliver(desktopChannels.openAccount, 'acc-1');
    ipcRenderer.deliver(desktopChannels.openAccount, 'acc-2');
    const first: string[] = [];
    const second: string[] = [];
    desktop.onOpenAccount((accountId) => first.push(accountId));
    desktop.onOpenAccount((accountId) => second.push(accountId));
    expect([first, second]).toEqual([['acc-2'], []]);
  });

  it('invokes the test-notification channel and returns the answer', async () => {
    ipcRenderer.responses.set(desktopChannels.testNotification, { ok: false, error: 'access denied' });
    await expect(desktop.testNotification()).resolves.toEqual({ ok: false, error: 'access denied' });
    expect(ipcRenderer.invocations).toEqual([{ channel: 'warden:desktop:test-notification', args: [] }]);
  });
});
