// Broker credentials kept between runs. A SecretStore is what the core sees; the host picks the kind: `warden serve`
// keeps a JSON file in the data dir that only the owner may read (0600), written atomically; the desktop host
// encrypts with Electron's safeStorage (main/desktop). Their content is never logged; the UI is never sent it.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The gateway URLs travel with the credentials they were entered with (a firm's own gateway). */
export type StoredCredentials = { userName: string; apiKey: string; apiUrl?: string; rtcUrl?: string };

export type SecretStore = {
  /** Where the credentials are kept, in words ("a file only you can read", "encrypted by the system"). */
  readonly description: string;
  /** The stored credentials, or null when there are none; rejects (without their content) when unreadable. */
  read(): Promise<StoredCredentials | null>;
  write(credentials: StoredCredentials): Promise<void>;
};

const schema = z.object({
  userName: z.string().min(1),
  apiKey: z.string().min(1),
  apiUrl: z.string().min(1).optional(),
  rtcUrl: z.string().min(1).optional(),
});

export const credentialsFile = (dataDir: string) => join(dataDir, 'projectx-credentials.json');

/** Validates stored credentials; the error names the file, never the content. */
export function parseStoredCredentials(json: unknown, where: string): StoredCredentials {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${where} must hold {"userName": "...", "apiKey": "..."}`);
  const { userName, apiKey, apiUrl, rtcUrl } = parsed.data;
  return {
    userName,
    apiKey,
    ...(apiUrl === undefined ? {} : { apiUrl }),
    ...(rtcUrl === undefined ? {} : { rtcUrl }),
  };
}

/** The stored credentials, or null when there are none; a file that cannot be read says why (not what it holds). */
export function readCredentials(file: string): StoredCredentials | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} is not valid JSON: fix or delete it`);
  }
  return parseStoredCredentials(json, file);
}

export function writeCredentials(file: string, credentials: StoredCredentials): void {
  writeOwnerOnly(file, `${JSON.stringify(parseStoredCredentials(credentials, 'the credentials'))}\n`);
}

/** Writes a file only the owner may read, atomically (a temp file renamed over it). */
export function writeOwnerOnly(file: string, content: string | Buffer): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** `warden serve`'s store: the 0600 JSON file in the data dir. */
export function fileSecretStore(dataDir: string): SecretStore {
  const file = credentialsFile(dataDir);
  return {
    description: `a file only you can read (${file})`,
    read: () => Promise.resolve().then(() => readCredentials(file)),
    write: (credentials) =>
      Promise.resolve().then(() => {
        writeCredentials(file, credentials);
      }),
  };
}
