// The desktop's credentials: encrypted by safeStorage in an owner-only file that never holds the key in plain
// text; without a keychain nothing is written, and a file that cannot be decrypted is refused without its content.
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encryptedCredentialsFile, safeStorageSecretStore } from '../../../main/desktop/secret-store';
import { resetElectronFake, safeStorage } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

const KEY = 'px-key-SECRET-4242';
const dir = () => mkdtempSync(join(tmpdir(), 'warden-safe-'));

describe('the safeStorage secret store', () => {
  beforeEach(() => {
    resetElectronFake();
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

  it('without a keychain refuses to store, and writes nothing', async () => {
    const dataDir = dir();
    safeStorage.available = false;
    await expect(safeStorageSecretStore(dataDir).write({ userName: 'trader', apiKey: KEY })).rejects.toThrow(
      'the system keychain is not available, so Warden cannot store credentials encrypted (set WARDEN_PROJECTX_USERNAME and WARDEN_PROJECTX_API_KEY instead)',
    );
    expect(existsSync(encryptedCredentialsFile(dataDir))).toBe(false);
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
