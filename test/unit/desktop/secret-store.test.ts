// The desktop's credentials: encrypted by safeStorage in an owner-only file that never holds the key in plain
// text; without a keychain nothing is written, and a file that cannot be decrypted is refused without its content.
// On Linux, the "basic_text" password store (a hard-coded key) is refused for writing and reading, as a notice.
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostNotices, type HostNotices } from '../../../main/desktop/host-notices';
import {
  BASIC_TEXT_REFUSED,
  encryptedCredentialsFile,
  safeStorageSecretStore as openStore,
} from '../../../main/desktop/secret-store';
import { memoryLogger } from '../../../main/platform/logger';
import { resetElectronFake, safeStorage } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

const KEY = 'px-key-SECRET-4242';
const dir = () => mkdtempSync(join(tmpdir(), 'warden-safe-'));
let notices: HostNotices;
const safeStorageSecretStore = (dataDir: string, platform: NodeJS.Platform = 'linux') =>
  openStore(dataDir, { platform, notices });

const BASIC_TEXT_MESSAGE =
  'the password store on this desktop is "basic_text" (a key hard-coded in Electron, not a keyring), so Warden will not store credentials with it. Install and unlock a keyring such as gnome-keyring or KWallet, or start Warden with --password-store=gnome-libsecret (or --password-store=kwallet6), or set the login in the environment (WARDEN_PROJECTX_USERNAME and _API_KEY, or WARDEN_TRADOVATE_USERNAME, _PASSWORD, _CID and _SECRET).';
const basicTextNotice = {
  id: 'keychain',
  level: 'warning',
  title: 'Credentials cannot be stored encrypted',
  message:
    'The password store on this desktop is "basic_text" (a key hard-coded in Electron), so Warden will not save broker credentials.',
  fix: 'Install and unlock a keyring such as gnome-keyring or KWallet, or start Warden with --password-store=gnome-libsecret (or --password-store=kwallet6), or set the login in the environment (WARDEN_PROJECTX_USERNAME and _API_KEY, or WARDEN_TRADOVATE_USERNAME, _PASSWORD, _CID and _SECRET).',
};

describe('the safeStorage secret store', () => {
  beforeEach(() => {
    resetElectronFake();
    notices = createHostNotices(memoryLogger());
  });

  it('writes the credentials encrypted and owner-only, and reads them back', async () => {
    const dataDir = dir();
    const store = safeStorageSecretStore(dataDir);
    expect(await store.read()).toBeNull();
    await store.write({ userName: 'trader', apiKey: KEY, apiUrl: 'http://127.0.0.1:9000' });
    const file = encryptedCredentialsFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file, 'utf8');
    expect(raw.startsWith('fake-enc:')).toBe(true);
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain('trader');
    expect(await safeStorageSecretStore(dataDir).read()).toEqual({
      userName: 'trader',
      apiKey: KEY,
      apiUrl: 'http://127.0.0.1:9000',
    });
  });

  it("keeps each broker's login in its own file", async () => {
    const dataDir = dir();
    const store = safeStorageSecretStore(dataDir);
    const tradovate = {
      broker: 'tradovate' as const,
      userName: 'trader',
      password: 'tv-pass-SECRET',
      appId: 'Warden',
      appVersion: '1.0',
      cid: 8123,
      secret: 'tv-sec-SECRET',
      environment: 'demo' as const,
    };
    await store.write(tradovate);
    expect(await store.read('tradovate')).toEqual(tradovate);
    expect(await store.read('projectx')).toBeNull();
    const raw = readFileSync(encryptedCredentialsFile(dataDir, 'tradovate'), 'utf8');
    expect(raw.startsWith('fake-enc:')).toBe(true);
    expect(raw).not.toContain('SECRET');
    expect(existsSync(encryptedCredentialsFile(dataDir, 'projectx'))).toBe(false);
  });

  it('without a keychain refuses to store, and writes nothing', async () => {
    const dataDir = dir();
    safeStorage.available = false;
    await expect(safeStorageSecretStore(dataDir).write({ userName: 'trader', apiKey: KEY })).rejects.toThrow(
      'the system keychain is not available, so Warden cannot store credentials encrypted; set the login in the environment (WARDEN_PROJECTX_USERNAME and _API_KEY, or WARDEN_TRADOVATE_USERNAME, _PASSWORD, _CID and _SECRET) instead',
    );
    expect(existsSync(encryptedCredentialsFile(dataDir))).toBe(false);
    expect(notices.list()).toEqual([
      {
        id: 'keychain',
        level: 'warning',
        title: 'Credentials cannot be stored encrypted',
        message: 'The system keychain is not available, so Warden will not save broker credentials.',
        fix: 'Unlock the system keychain, or set the login in the environment (WARDEN_PROJECTX_USERNAME and _API_KEY, or WARDEN_TRADOVATE_USERNAME, _PASSWORD, _CID and _SECRET).',
      },
    ]);
  });

  it('on Linux refuses the basic_text store (a hard-coded key): nothing written, and the notice says the way out', async () => {
    const dataDir = dir();
    safeStorage.backend = 'basic_text';
    expect(BASIC_TEXT_REFUSED).toBe(BASIC_TEXT_MESSAGE);
    await expect(safeStorageSecretStore(dataDir).write({ userName: 'trader', apiKey: KEY })).rejects.toThrow(
      BASIC_TEXT_MESSAGE,
    );
    expect(existsSync(encryptedCredentialsFile(dataDir))).toBe(false);
    expect(notices.list()).toEqual([basicTextNotice]);
  });

  it('on Linux refuses to read a stored file under basic_text too; a real keyring clears the notice', async () => {
    const dataDir = dir();
    await safeStorageSecretStore(dataDir).write({ userName: 'trader', apiKey: KEY });
    safeStorage.backend = 'basic_text';
    await expect(safeStorageSecretStore(dataDir).read()).rejects.toThrow(BASIC_TEXT_MESSAGE);
    expect(notices.list()).toEqual([basicTextNotice]);
    safeStorage.backend = 'kwallet6';
    expect(await safeStorageSecretStore(dataDir).read()).toEqual({ userName: 'trader', apiKey: KEY });
    expect(notices.list()).toEqual([]);
  });

  it('with nothing stored, reading under basic_text answers none and raises nothing', async () => {
    safeStorage.backend = 'basic_text';
    expect(await safeStorageSecretStore(dir()).read()).toBeNull();
    expect(notices.list()).toEqual([]);
  });

  it.each(['darwin', 'win32'] as const)('on %s the Linux store is not asked about', async (platform) => {
    const dataDir = dir();
    safeStorage.backend = 'basic_text';
    await safeStorageSecretStore(dataDir, platform).write({ userName: 'trader', apiKey: KEY });
    expect(await safeStorageSecretStore(dataDir, platform).read()).toEqual({
      userName: 'trader',
      apiKey: KEY,
    });
    expect(notices.list()).toEqual([]);
  });

  it('re-encrypts what it reads when the keychain rotated its key', async () => {
    const dataDir = dir();
    const file = encryptedCredentialsFile(dataDir);
    await safeStorageSecretStore(dataDir).write({ userName: 'trader', apiKey: KEY });
    const aMinuteAgo = new Date(Date.now() - 60_000); // a rewrite now moves the mtime, however coarse its clock
    utimesSync(file, aMinuteAgo, aMinuteAgo);
    const before = statSync(file).mtimeMs;
    safeStorage.rotated = true;
    expect(await safeStorageSecretStore(dataDir).read()).toEqual({ userName: 'trader', apiKey: KEY });
    expect(statSync(file).mtimeMs).toBeGreaterThan(before);
  });

  it('refuses a file it cannot decrypt without repeating its content', async () => {
    const dataDir = dir();
    const file = encryptedCredentialsFile(dataDir);
    writeFileSync(file, `{"userName":"trader","apiKey":"${KEY}"}`);
    await expect(safeStorageSecretStore(dataDir).read()).rejects.toThrow(
      `${file} cannot be decrypted: enter the credentials again`,
    );
  });
});
