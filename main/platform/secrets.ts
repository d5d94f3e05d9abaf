// Broker credentials kept between runs, one set per broker that logs in (ProjectX, Tradovate). A SecretStore is what the core sees; the host picks the kind: `warden serve`
// keeps a JSON file in the data dir that only the owner may read (0600), written atomically; the desktop host
// encrypts with Electron's safeStorage (main/desktop). Their content is never logged; the UI is never sent it.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { withoutUndefined } from '../../shared/domain/without-undefined';

/** The brokers that log in, each with its own stored credentials. */
export type LoginBrokerKind = 'projectx' | 'tradovate';

/** ProjectX's: the gateway URLs travel with the credentials they were entered with (a firm's own gateway). */
export type StoredProjectXCredentials = {
  broker?: 'projectx';
  userName: string;
  apiKey: string;
  apiUrl?: string;
  rtcUrl?: string;
};
/** Tradovate's: the login with the API key (`cid`, `secret`), the environment and any URL that overrides it. */
export type StoredTradovateCredentials = {
  broker: 'tradovate';
  userName: string;
  password: string;
  appId: string;
  appVersion: string;
  cid: number;
  secret: string;
  environment: 'demo' | 'live';
  apiUrl?: string;
  wsUrl?: string;
  mdUrl?: string;
};
/** The remote alerts' secrets (docs/RULES.md section 13): kept like a broker's, never in the config file. */
export type StoredNotifySecrets = {
  broker: 'notify';
  telegramToken?: string;
  ntfyToken?: string;
  /** The ntfy server (origin) the token was saved for: it is sent there only (docs/SECURITY.md). */
  ntfyTokenOrigin?: string;
  webhookSecret?: string;
};
export type StoredCredentials = StoredProjectXCredentials | StoredTradovateCredentials | StoredNotifySecrets;

/** The remote alerts' secrets by name (what the view and setNotifySecrets name, never their values). */
export const notifySecretNames = ['telegramToken', 'ntfyToken', 'webhookSecret'] as const;

/** Whose secrets a file holds: a broker's login, or the remote alerts'. */
export type SecretOwner = LoginBrokerKind | 'notify';

export type SecretStore = {
  /** Where the credentials are kept, in words ("a file only you can read", "encrypted by the system"). */
  readonly description: string;
  /** The broker's stored credentials, or null when there are none; rejects (without their content) when unreadable. */
  read(owner?: SecretOwner): Promise<StoredCredentials | null>;
  /** Replaces the stored credentials of their broker. */
  write(credentials: StoredCredentials): Promise<void>;
};

const url = z.string().min(1).optional();
const schema = z.discriminatedUnion('broker', [
  z.object({
    broker: z.literal('projectx').optional(),
    userName: z.string().min(1),
    apiKey: z.string().min(1),
    apiUrl: url,
    rtcUrl: url,
  }),
  z.object({
    broker: z.literal('tradovate'),
    userName: z.string().min(1),
    password: z.string().min(1),
    appId: z.string().min(1),
    appVersion: z.string().min(1),
    cid: z.number().int().positive(),
    secret: z.string().min(1),
    environment: z.enum(['demo', 'live']),
    apiUrl: url,
    wsUrl: url,
    mdUrl: url,
  }),
  z.object({
    broker: z.literal('notify'),
    telegramToken: url,
    ntfyToken: url,
    ntfyTokenOrigin: url,
    webhookSecret: url,
  }),
]);

const SHAPES: Record<SecretOwner, string> = {
  projectx: '{"userName": "...", "apiKey": "..."}',
  tradovate:
    '{"broker": "tradovate", "userName": "...", "password": "...", "cid": ..., "secret": "...", ...}',
  notify: '{"broker": "notify", "telegramToken": "...", "ntfyToken": "...", "webhookSecret": "..."}',
};

/** The broker stored credentials are for. */
export const storedBroker = (credentials: { broker?: SecretOwner | undefined }): SecretOwner =>
  credentials.broker ?? 'projectx';

export const credentialsFile = (dataDir: string, broker: SecretOwner = 'projectx') =>
  join(dataDir, `${broker}-credentials.json`);

/** Validates stored credentials (of `broker`, when said); the error names the file, never the content. */
export function parseStoredCredentials(
  json: unknown,
  where: string,
  broker?: SecretOwner,
): StoredCredentials {
  const parsed = schema.safeParse(json);
  if (!parsed.success || (broker !== undefined && storedBroker(parsed.data) !== broker))
    throw new Error(`${where} must hold ${SHAPES[broker ?? 'projectx']}`);
  // Absent optional fields stay absent (never `undefined`), so what is read back equals what was written.
  return withoutUndefined(parsed.data) as StoredCredentials;
}

/** The stored credentials, or null when there are none; a file that cannot be read says why (not what it holds). */
export function readCredentials(file: string, broker: SecretOwner = 'projectx'): StoredCredentials | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} is not valid JSON: fix or delete it`);
  }
  return parseStoredCredentials(json, file, broker);
}

export function writeCredentials(file: string, credentials: StoredCredentials): void {
  writeOwnerOnly(file, `${JSON.stringify(parseStoredCredentials(credentials, 'the credentials'))}\n`);
}

/**
 * Writes a file only the owner may read, atomically (a temp file renamed over it). The temp file is always a new
 * one ('wx'): a leftover readable by others, or a link planted in its place, is removed rather than written through.
 */
export function writeOwnerOnly(file: string, content: string | Buffer): void {
  const temp = `${file}.tmp`;
  rmSync(temp, { force: true });
  writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** `warden serve`'s store: a 0600 JSON file per broker in the data dir. */
export function fileSecretStore(dataDir: string): SecretStore {
  return {
    description: `a file only you can read (in ${dataDir})`,
    read: (broker = 'projectx') =>
      Promise.resolve().then(() => readCredentials(credentialsFile(dataDir, broker), broker)),
    write: (credentials) =>
      Promise.resolve().then(() => {
        writeCredentials(credentialsFile(dataDir, storedBroker(credentials)), credentials);
      }),
  };
}
