// The desktop host's SecretStore: broker credentials encrypted with Electron's safeStorage (the OS keychain:
// Keychain, DPAPI, libsecret/kwallet) in a 0600 file of the data dir. Without a keychain nothing is stored: a
// plain-text copy is exactly what safeStorage is there to avoid. On Linux, safeStorage falls back to the
// "basic_text" store (a key hard-coded in Chromium) when no keyring is found: that is plain text with extra steps,
// so Warden refuses it too, and says so as the 'keychain' notice.
import { safeStorage } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostNotice } from '../../shared/ipc';
import type { Logger } from '../platform/logger';
import type { HostNotices } from './host-notices';
import {
  parseStoredCredentials,
  storedBroker,
  writeOwnerOnly,
  type SecretOwner,
  type SecretStore,
  type StoredCredentials,
} from '../platform/secrets';

export const encryptedCredentialsFile = (dataDir: string, broker: SecretOwner = 'projectx') =>
  join(dataDir, `${broker}-credentials.enc`);

const ENV_WAY_OUT =
  'set the login in the environment (WARDEN_PROJECTX_USERNAME and _API_KEY, or WARDEN_TRADOVATE_USERNAME, _PASSWORD, _CID and _SECRET)';

const NO_KEYCHAIN = `the system keychain is not available, so Warden cannot store credentials encrypted; ${ENV_WAY_OUT} instead`;

const BASIC_TEXT_FIX = `Install and unlock a keyring such as gnome-keyring or KWallet, or start Warden with --password-store=gnome-libsecret (or --password-store=kwallet6), or ${ENV_WAY_OUT}.`;

/** Why Linux's "basic_text" password store is refused: the error of a refused read or write. */
export const BASIC_TEXT_REFUSED = `the password store on this desktop is "basic_text" (a key hard-coded in Electron, not a keyring), so Warden will not store credentials with it. ${BASIC_TEXT_FIX}`;

export type SecretStoreHost = {
  /** process.platform: the basic_text store exists only on Linux. */
  platform: NodeJS.Platform;
  /** Where a keychain that cannot be used stands as the 'keychain' notice (cleared when one works again). */
  notices: HostNotices;
};

function keychainNotice(basicText: boolean): HostNotice {
  return {
    id: 'keychain',
    level: 'warning',
    title: 'Credentials cannot be stored encrypted',
    message: basicText
      ? 'The password store on this desktop is "basic_text" (a key hard-coded in Electron), so Warden will not save broker credentials.'
      : 'The system keychain is not available, so Warden will not save broker credentials.',
    fix: basicText ? BASIC_TEXT_FIX : `Unlock the system keychain, or ${ENV_WAY_OUT}.`,
  };
}

/**
 * Says in the log, once at start, which password store safeStorage uses on Linux: basic_text as a warning (nothing
 * will be stored with it; the 'keychain' notice follows as soon as something is to be stored or read).
 */
export function logPasswordStore(platform: NodeJS.Platform, logger: Logger): void {
  if (platform !== 'linux') return;
  const backend = safeStorage.getSelectedStorageBackend();
  if (backend === 'basic_text')
    logger.warn('the password store is basic_text: credentials and alert secrets will not be stored', {
      backend,
      fix: BASIC_TEXT_FIX,
    });
  else logger.info('password store', { backend });
}

export function safeStorageSecretStore(dataDir: string, host: SecretStoreHost): SecretStore {
  /** Throws (and raises the notice) unless safeStorage encrypts with a real keychain. */
  const requireKeychain = async (): Promise<void> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      host.notices.raise(keychainNotice(false));
      throw new Error(NO_KEYCHAIN);
    }
    if (host.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      host.notices.raise(keychainNotice(true));
      throw new Error(BASIC_TEXT_REFUSED);
    }
    host.notices.clear('keychain');
  };
  const write = async (credentials: StoredCredentials): Promise<void> => {
    await requireKeychain();
    const plain = JSON.stringify(parseStoredCredentials(credentials, 'the credentials'));
    writeOwnerOnly(
      encryptedCredentialsFile(dataDir, storedBroker(credentials)),
      await safeStorage.encryptStringAsync(plain),
    );
  };
  return {
    description: `encrypted by the system keychain (in ${dataDir})`,
    async read(broker = 'projectx') {
      const file = encryptedCredentialsFile(dataDir, broker);
      if (!existsSync(file)) return null;
      await requireKeychain();
      let decrypted: { shouldReEncrypt: boolean; result: string };
      let json: unknown;
      try {
        decrypted = await safeStorage.decryptStringAsync(readFileSync(file));
        json = JSON.parse(decrypted.result);
      } catch {
        throw new Error(`${file} cannot be decrypted: enter the credentials again`);
      }
      const credentials = parseStoredCredentials(json, file, broker);
      // The keychain's key was rotated: store them under the new one.
      if (decrypted.shouldReEncrypt) await write(credentials);
      return credentials;
    },
    write,
  };
}
