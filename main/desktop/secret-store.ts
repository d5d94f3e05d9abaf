// The desktop host's SecretStore: broker credentials encrypted with Electron's safeStorage (the OS keychain:
// Keychain, DPAPI, libsecret/kwallet) in a 0600 file of the data dir. Without a keychain nothing is stored: a
// plain-text copy is exactly what safeStorage is there to avoid.
import { safeStorage } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseStoredCredentials,
  writeOwnerOnly,
  type SecretStore,
  type StoredCredentials,
} from '../platform/secrets';

export const encryptedCredentialsFile = (dataDir: string) => join(dataDir, 'projectx-credentials.enc');

const NO_KEYCHAIN =
  'the system keychain is not available, so Warden cannot store credentials encrypted (set WARDEN_PROJECTX_USERNAME and WARDEN_PROJECTX_API_KEY instead)';

export function safeStorageSecretStore(dataDir: string): SecretStore {
  const file = encryptedCredentialsFile(dataDir);
  const write = async (credentials: StoredCredentials): Promise<void> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error(NO_KEYCHAIN);
    const plain = JSON.stringify(parseStoredCredentials(credentials, 'the credentials'));
    writeOwnerOnly(file, await safeStorage.encryptStringAsync(plain));
  };
  return {
    description: `encrypted by the system keychain (${file})`,
    async read() {
      if (!existsSync(file)) return null;
      if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error(NO_KEYCHAIN);
      let decrypted: { shouldReEncrypt: boolean; result: string };
      let json: unknown;
      try {
        decrypted = await safeStorage.decryptStringAsync(readFileSync(file));
        json = JSON.parse(decrypted.result);
      } catch {
        throw new Error(`${file} cannot be decrypted: enter the credentials again`);
      }
      const credentials = parseStoredCredentials(json, file);
      // The keychain's key was rotated: store them under the new one.
      if (decrypted.shouldReEncrypt) await write(credentials);
      return credentials;
    },
    write,
  };
}
