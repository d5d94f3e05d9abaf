// docs/SECURITY.md, "Secrets at rest", in the desktop host as it is composed (runDesktop around the real core on a
// temp data folder, Electron faked): the remote alerts' secrets and a broker login entered in the window are kept
// encrypted by the system keychain in owner-only files; on Linux's weakest password store, "basic_text" (a key
// hard-coded in Electron), the log says so at start, nothing is stored, and the window shows why and what to do.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserWindow,
  fakeInvokeEvent,
  ipcMain,
  resetElectronFake,
  safeStorage,
} from '../../mocks/electron';
import { desktopChannels, ipcChannels, type CommandName, type HostNotice } from '../../../shared/ipc';
import { startCore } from '../../../main/core/start';
import { runDesktop, type DesktopHost } from '../../../main/desktop/app';
import { BASIC_TEXT_REFUSED } from '../../../main/desktop/secret-store';
import { memoryLogger } from '../../../main/platform/logger';

vi.mock('electron', () => import('../../mocks/electron'));

const ours = 'file:///opt/warden/dist/renderer/index.html';
const BOT_TOKEN = '7000000001:AA-SECRET-bot-token';
const API_KEY = 'px-SECRET-api-key-9d2f';

let host: DesktopHost | null = null;
let dataDir: string;
let logger: ReturnType<typeof memoryLogger>;

beforeEach(() => {
  resetElectronFake();
  dataDir = mkdtempSync(join(tmpdir(), 'warden-desktop-secrets-'));
  logger = memoryLogger();
});
afterEach(async () => {
  await host?.core.stop();
  host = null;
});

async function start(env: Record<string, string> = {}): Promise<DesktopHost> {
  host = await runDesktop({
    startCore,
    env: { WARDEN_DATA_DIR: dataDir, ...env },
    argv: ['/usr/bin/electron', '/opt/warden'],
    makeLogger: () => logger,
    detectTrayHost: () => Promise.resolve('present'),
  });
  if (host === null) throw new Error('the desktop did not start');
  return host;
}

function window(): BrowserWindow {
  const [only] = BrowserWindow.instances;
  if (only === undefined) throw new Error('no window');
  return only;
}

/** A command from our renderer, as the preload sends it. */
async function fromWindow(name: CommandName, args: unknown): Promise<{ ok: boolean; error?: string }> {
  const event = fakeInvokeEvent({ url: ours, sender: window().webContents });
  return (await ipcMain.invoke(ipcChannels.command(name), event, args)) as { ok: boolean; error?: string };
}

/** The notices the window was last sent. */
function shownNotices(): HostNotice[] {
  const sent = window().webContents.sent.filter((message) => message.channel === desktopChannels.notices);
  return (sent.at(-1)?.args[0] as HostNotice[] | undefined) ?? [];
}

const everything = () =>
  readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dataDir, name)).isFile())
    .map((name) => readFileSync(join(dataDir, name), 'latin1'))
    .join('\n');

describe.runIf(process.platform === 'linux')('secrets at rest in the desktop host', () => {
  it('keeps the alert secrets encrypted by the keychain in an owner-only file, never in plain text', async () => {
    safeStorage.backend = 'gnome_libsecret';
    await start();
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'password store',
        context: { backend: 'gnome_libsecret' },
      }),
    );
    expect(await fromWindow('setNotifySecrets', { telegramToken: BOT_TOKEN })).toMatchObject({ ok: true });
    const file = join(dataDir, 'notify-credentials.enc');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').startsWith('fake-enc:')).toBe(true);
    expect(existsSync(join(dataDir, 'notify-credentials.json'))).toBe(false);
    expect(everything()).not.toContain(BOT_TOKEN);
    expect(JSON.stringify(logger.lines)).not.toContain(BOT_TOKEN);
    expect(JSON.stringify(host?.core.view())).not.toContain(BOT_TOKEN);
    expect(shownNotices()).toEqual([]);
  });

  it('on basic_text: says so in the log at start, stores nothing, and warns in the window', async () => {
    safeStorage.backend = 'basic_text';
    await start();
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'the password store is basic_text: credentials and alert secrets will not be stored',
      }),
    );
    expect(shownNotices()).toEqual([]); // nothing to store yet: no banner for a trader who keeps no secrets

    const answer = await fromWindow('setNotifySecrets', { telegramToken: BOT_TOKEN });
    expect(answer.ok).toBe(false);
    expect(answer.error).toContain(BASIC_TEXT_REFUSED);
    expect(readdirSync(dataDir).filter((name) => name.includes('credentials'))).toEqual([]);
    expect(everything()).not.toContain(BOT_TOKEN);
    expect(shownNotices()).toEqual([
      expect.objectContaining({
        id: 'keychain',
        level: 'warning',
        title: 'Credentials cannot be stored encrypted',
      }),
    ]);
    expect(shownNotices()[0]?.fix).toContain('--password-store=gnome-libsecret');
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'desktop notice',
        context: expect.objectContaining({ id: 'keychain' }) as unknown,
      }),
    );
  });

  it('on basic_text: refuses a broker login entered in the window too, and writes no file of it', async () => {
    safeStorage.backend = 'basic_text';
    await start({ WARDEN_BROKER: 'projectx' });
    const answer = await fromWindow('setCredentials', {
      userName: 'trader',
      apiKey: API_KEY,
      apiUrl: 'http://127.0.0.1:9',
      rtcUrl: 'http://127.0.0.1:9',
    });
    expect(answer).toEqual({ ok: false, error: `the credentials were not stored: ${BASIC_TEXT_REFUSED}` });
    expect(readdirSync(dataDir).filter((name) => name.includes('credentials'))).toEqual([]);
    expect(everything()).not.toContain(API_KEY);
    expect(shownNotices().map((notice) => notice.id)).toEqual(['keychain']);
  });

  it('with no keychain at all: stores nothing and warns in the window', async () => {
    safeStorage.available = false;
    await start();
    expect((await fromWindow('setNotifySecrets', { telegramToken: BOT_TOKEN })).ok).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.includes('credentials'))).toEqual([]);
    expect(shownNotices().map((notice) => notice.id)).toEqual(['keychain']);
  });
});
