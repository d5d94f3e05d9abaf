// The preload bridge: window.warden has one function per command plus onState/onAlerts/onAlert, and nothing else.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from '../../mocks/electron';
import { commandNames, ipcChannels, type WardenApi } from '../../../shared/ipc';
import { alertView, stateView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

let api: WardenApi;
let preloadChannels: typeof ipcChannels;

beforeAll(async () => {
  ({ preloadChannels } = await import('../../../main/desktop/preload'));
  api = contextBridge.exposed.get('warden') as WardenApi;
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
} as const;

describe('the preload', () => {
  it('exposes only window.warden', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['warden']);
  });

  it('exposes exactly one function per command plus onState, onAlerts and onAlert', () => {
    expect(Object.keys(api).sort()).toEqual([...commandNames, 'onAlert', 'onAlerts', 'onState'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
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
