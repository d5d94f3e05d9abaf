// docs/SECURITY.md, "IPC sender checks", on the real core (the simulator, a real SQLite file) behind the IPC
// registry: a message from anything but the main frame of our window showing our renderer is dropped before the
// core and changes nothing, however valid its payload; a bad payload from our own page is refused by the core's
// validation, naming the field, and changes nothing either; and every channel is an invoke handler registered in
// one place (no fire-and-forget channel skips the check).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserWindow,
  fakeInvokeEvent,
  ipcMain,
  resetElectronFake,
  type FakeInvokeEvent,
} from '../../mocks/electron';
import { ipcChannels, type CommandName } from '../../../shared/ipc';
import type { WardenCore } from '../../../main/core/types';
import { createHostNotices } from '../../../main/desktop/host-notices';
import { registerIpc, type IpcRegistry } from '../../../main/desktop/ipc';
import { memoryLogger } from '../../../main/platform/logger';
import { simCore, waitFor } from '../../helpers/sim-core';

vi.mock('electron', () => import('../../mocks/electron'));

const ours = 'file:///opt/warden/dist/renderer/index.html';
const CONFIG = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K: { startingBalance: 50000, rules: { dailyLoss: { amount: 1000, basis: net } } }
`;

let core: WardenCore;
let stop: () => Promise<void>;
let window: BrowserWindow;
let logger: ReturnType<typeof memoryLogger>;
let registry: IpcRegistry;

beforeAll(async () => {
  const sim = await simCore({ config: CONFIG, prefix: 'warden-ipc-security-', stillMarket: true });
  core = sim.core;
  stop = () => sim.core.stop();
  const bought = await core.command('placeOrder', {
    account: 'SIM-50K',
    symbol: 'MNQ',
    side: 'buy',
    qty: 2,
    kind: 'market',
  });
  expect(bought.ok).toBe(true);
  await waitFor('the position', () => held() === 2);
});
afterAll(async () => {
  await stop();
});

beforeEach(() => {
  resetElectronFake();
  logger = memoryLogger();
  window = new BrowserWindow();
  const current = window;
  registry = registerIpc({
    core,
    logger,
    rendererUrl: ours,
    window: () => current as unknown as ElectronWindow,
    notices: createHostNotices(logger),
    testNotification: () => Promise.resolve({ ok: true }),
  });
  return () => registry.dispose();
});

const held = () => core.view().accounts[0]?.positions.find((p) => p.symbol === 'MNQ')?.qty ?? 0;

/** What the core's state says about the account: what any message that got through would have changed. */
const account = () => {
  const view = core.view();
  const { tradingState, lockedUntil, positions } = view.accounts[0] ?? {};
  return { tradingState, lockedUntil, held: positions?.map((p) => [p.symbol, p.qty]), demo: view.demo };
};

const invoke = (name: CommandName, event: FakeInvokeEvent, args: unknown) =>
  ipcMain.invoke(ipcChannels.command(name), event, args);

/** Valid messages that would each change the account if they got through. */
const harmful: [CommandName, unknown][] = [
  ['flatten', { all: true }],
  ['lock', { account: 'SIM-50K', until: 'weekEnd' }],
  ['closePosition', { account: 'SIM-50K', symbol: 'MNQ' }],
  ['placeOrder', { account: 'SIM-50K', symbol: 'MNQ', side: 'buy', qty: 5, kind: 'market' }],
  ['lockSettings', { account: 'SIM-50K' }],
  ['setDemo', { enabled: true }],
];

describe('messages from strangers', () => {
  const strangers: [string, () => FakeInvokeEvent][] = [
    [
      'another window showing our page',
      () => fakeInvokeEvent({ url: ours, sender: new BrowserWindow().webContents }),
    ],
    [
      'a subframe of our window',
      () => fakeInvokeEvent({ url: ours, sender: window.webContents, isMainFrame: false }),
    ],
    [
      'a web page loaded in our window',
      () => fakeInvokeEvent({ url: 'https://evil.example/', sender: window.webContents }),
    ],
    [
      'another local file in our window',
      () => fakeInvokeEvent({ url: 'file:///tmp/evil.html', sender: window.webContents }),
    ],
    ['a frame that is gone', () => fakeInvokeEvent({ url: null, sender: window.webContents })],
    [
      'a frame whose details cannot be read',
      () =>
        Object.defineProperty(fakeInvokeEvent({ url: ours, sender: window.webContents }), 'senderFrame', {
          get: () => {
            throw new Error('Render frame was disposed before WebFrameMain could be accessed');
          },
        }),
    ],
  ];

  it.each(strangers)(
    'drops every harmful message from %s before the core: nothing changes',
    async (_who, event) => {
      const before = account();
      for (const [name, args] of harmful) {
        expect(await invoke(name, event(), args)).toEqual({ ok: false, error: 'unknown sender' });
      }
      expect(account()).toEqual(before);
      expect(held()).toBe(2);
      expect(
        logger.lines.filter((line) => line.message === 'dropped a message from an unknown sender'),
      ).toHaveLength(harmful.length);
    },
  );

  it('drops what a stranger claims about itself in the payload: only Electron’s event says who sent it', async () => {
    const event = fakeInvokeEvent({ url: 'https://evil.example/', sender: window.webContents });
    const claims = {
      all: true,
      senderFrame: { url: ours, parent: null },
      sender: { id: window.webContents.id },
    };
    expect(await invoke('flatten', event, claims)).toEqual({ ok: false, error: 'unknown sender' });
    expect(held()).toBe(2);
  });
});

describe('bad payloads from our own page', () => {
  const fromUs = () => fakeInvokeEvent({ url: ours, sender: window.webContents });

  it.each([
    ['flatten with nothing named', 'flatten', {}, /^invalid flatten/],
    [
      'flatten naming both an account and all',
      'flatten',
      { account: 'SIM-50K', all: true },
      /^invalid flatten/,
    ],
    ['flatten with a field the contract lacks', 'flatten', { all: true, force: true }, /^invalid flatten/],
    ['flatten as a string', 'flatten', 'all', /^invalid flatten/],
    ['flatten as null', 'flatten', null, /^invalid flatten/],
    ['flatten as an array', 'flatten', [{ all: true }], /^invalid flatten/],
    [
      'flatten with all smuggled in __proto__',
      'flatten',
      JSON.parse('{"__proto__":{"all":true}}') as unknown,
      /^invalid flatten/,
    ],
    ['a lock for ever', 'lock', { account: 'SIM-50K', until: 'forever' }, /^invalid lock: until/],
    [
      'an order of a billion contracts',
      'placeOrder',
      { account: 'SIM-50K', symbol: 'MNQ', side: 'buy', qty: 1e9 },
      /qty/,
    ],
    [
      'an order of −2 contracts',
      'placeOrder',
      { account: 'SIM-50K', symbol: 'MNQ', side: 'sell', qty: -2 },
      /qty/,
    ],
    [
      'an order with an object for a symbol',
      'placeOrder',
      { account: 'SIM-50K', symbol: {}, side: 'buy', qty: 1 },
      /symbol/,
    ],
    [
      'a close of an account that does not exist',
      'closePosition',
      { account: 'x'.repeat(100_000), symbol: 'MNQ' },
      /./,
    ],
    ['demo mode as the text "true"', 'setDemo', { enabled: 'true' }, /^invalid setDemo: enabled/],
    ['a config that is not a document', 'setConfig', { config: 'accounts: {}' }, /./],
  ] as const)('refuses %s, and nothing changes', async (_case, name, args, error) => {
    const before = account();
    const answer = (await invoke(name, fromUs(), args)) as { ok: boolean; error?: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(error);
    expect(account()).toEqual(before);
  });

  it('still runs a good message from our own page (the checks above are not refusing everything)', async () => {
    const answer = (await invoke('setDemo', fromUs(), { enabled: true })) as { ok: boolean };
    expect(answer.ok).toBe(true);
    expect(core.view().demo).toBe(true);
    await invoke('setDemo', fromUs(), { enabled: false });
  });
});

describe('where IPC is listened to', () => {
  it('only in ipc.ts, and only as invoke handlers (every one sender-checked), never ipcMain.on', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'main', 'desktop');
    const uses = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [...readFileSync(join(dir, file), 'utf8').matchAll(/ipcMain\.(\w+)\(/g)].map(
          (m) => `${file}: ${m[1] ?? ''}`,
        ),
      );
    expect([...new Set(uses)].sort()).toEqual(['ipc.ts: handle', 'ipc.ts: removeHandler']);
  });
});
