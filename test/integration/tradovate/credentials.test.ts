// The Tradovate login end to end, through `warden serve`'s HTTP API: a Warden on the Tradovate broker with no login
// starts "missing"; POST /api/commands/credentials stores one (a 0600 file of its own) and connects with it to the
// fake gateway at once; a wrong password says "login failed (...)"; the password and the API secret are in no
// answer, push, view or log line; a restart uses the stored login; WARDEN_TRADOVATE_* give a login that wins.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_TRADOVATE_CREDENTIALS } from '../../../main/broker/tradovate';
import { deviceIdFor } from '../../../main/core/broker-choice';
import { startCore } from '../../../main/core/start';
import type { PushMessage, WardenCore } from '../../../main/core/types';
import { createLogger } from '../../../main/platform/logger';
import { credentialsFile, fileSecretStore } from '../../../main/platform/secrets';
import { startServer } from '../../../main/server/server';
import type { FakeTradovate } from '../../fakes/tradovate-gateway/server';
import { FAKE_CREDENTIALS } from '../../fakes/tradovate-gateway/server';
import { ACCOUNT_A, ACCOUNT_B } from '../../fakes/tradovate-gateway/seed';
import { rendererDir } from '../../helpers/serve';
import { seededGateway, until } from './core-harness';

const WRONG_PASSWORD = 'wrong-password-SECRET-777';
const TOKEN = 'test-token-0123456789';
const SECRETS = [WRONG_PASSWORD, FAKE_CREDENTIALS.password, FAKE_CREDENTIALS.sec];
const ENV_NAMES = [
  'WARDEN_TRADOVATE_USERNAME',
  'WARDEN_TRADOVATE_PASSWORD',
  'WARDEN_TRADOVATE_CID',
  'WARDEN_TRADOVATE_SECRET',
  'WARDEN_TRADOVATE_APP_ID',
  'WARDEN_TRADOVATE_ENV',
  'WARDEN_TRADOVATE_API_URL',
  'WARDEN_TRADOVATE_WS_URL',
  'WARDEN_TRADOVATE_MD_URL',
];

const cleanup: (() => Promise<void>)[] = [];
beforeEach(() => {
  // No login from the machine's own environment: each test sets what it needs; afterEach puts it all back.
  for (const name of ENV_NAMES) vi.stubEnv(name, undefined);
});
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
  vi.unstubAllEnvs();
});

/** What Warden answers as the login in use for the fake's URLs. */
const loginOn = (gateway: FakeTradovate) => ({
  broker: 'tradovate',
  userName: 'warden-trader',
  environment: 'custom',
  apiUrl: gateway.urls.api,
  wsUrl: gateway.urls.ws,
  mdUrl: gateway.urls.md,
});

async function gateway(): Promise<FakeTradovate> {
  const started = await seededGateway();
  cleanup.push(() => started.stop());
  return started;
}

/** A Warden core on the Tradovate broker over `dataDir` (the same dir again is a restart), logging to a file. */
async function tradovateWarden(dataDir: string) {
  const logFile = join(dataDir, 'test.log');
  const logger = createLogger({ level: 'debug', file: logFile, console: false });
  const core = await startCore({ dataDir, broker: 'tradovate', demo: false, logger });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= core.stop());
  cleanup.push(stop);
  return { core, logFile, logger, stop };
}

/** `warden serve` on a fresh data dir: its core, every push it made, and a POST of credentials. */
async function serve() {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-tradovate-creds-'));
  const { core, logFile, logger, stop: stopCore } = await tradovateWarden(dataDir);
  const pushes: PushMessage[] = [];
  core.subscribe((message) => pushes.push(message));
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    rendererDir,
    logger,
    version: 'test',
  });
  let closed: Promise<void> | undefined;
  const stop = async () => {
    await (closed ??= server.close());
    await stopCore();
  };
  cleanup.push(stop);
  const post = async (body: unknown) => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/commands/credentials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };
  return { core, dataDir, logFile, pushes, post, stop };
}

/** The login form's fields pointing at the fake, with `password`. */
const entered = (fake: FakeTradovate, password: string) => ({
  broker: 'tradovate',
  userName: 'warden-trader',
  password,
  cid: FAKE_CREDENTIALS.cid,
  secret: FAKE_CREDENTIALS.sec,
  apiUrl: `${fake.urls.api}/`,
  wsUrl: fake.urls.ws,
  mdUrl: fake.urls.md,
});

const connection = (core: WardenCore) => core.view().connection;

describe('Tradovate credentials from the UI', () => {
  it('are stored 0600, used at once, never echoed or logged; a wrong password says login failed', async () => {
    const fake = await gateway();
    const { core, dataDir, logFile, pushes, post } = await serve();
    expect(connection(core)).toEqual({
      broker: 'tradovate',
      status: 'disconnected',
      detail: NO_TRADOVATE_CREDENTIALS,
      credentials: 'missing',
      login: null,
      pnlSource: { source: 'quotes' },
    });

    const wrong = await post(entered(fake, WRONG_PASSWORD));
    expect(wrong.status).toBe(200);
    expect(JSON.parse(wrong.text)).toEqual({
      ok: true,
      result: { credentials: 'stored', ...loginOn(fake) },
    });
    await until(() => expect(connection(core).detail).toMatch(/^login failed \(/));
    expect(connection(core)).toEqual({
      broker: 'tradovate',
      status: 'disconnected',
      detail:
        'login failed (Tradovate refused the user name or password (Tradovate said: "Incorrect username or password. Please try again."))',
      credentials: 'stored',
      login: loginOn(fake),
      pnlSource: { source: 'quotes' },
    });

    const right = await post(entered(fake, FAKE_CREDENTIALS.password));
    expect(right.status).toBe(200);
    expect(JSON.parse(right.text)).toEqual({
      ok: true,
      result: { credentials: 'stored', ...loginOn(fake) },
    });
    await until(() => expect(connection(core).status).toBe('connected'));
    expect(connection(core)).toEqual({
      broker: 'tradovate',
      status: 'connected',
      detail: null,
      credentials: 'stored',
      login: loginOn(fake),
      pnlSource: { source: 'quotes' },
    });
    expect(core.view().accounts.map((a) => [a.id, a.name, a.metrics.balance])).toEqual([
      [String(ACCOUNT_A), 'DEMO3187041', '50000'],
      [String(ACCOUNT_B), 'DEMO3187042', '50000'],
    ]);
    const sent = { name: 'warden-trader', appId: 'Warden', appVersion: '1.0', cid: 8_123 };
    expect(fake.callsTo('auth/accesstokenrequest').map((c) => c.body)).toEqual([
      { ...sent, password: WRONG_PASSWORD, sec: FAKE_CREDENTIALS.sec, deviceId: deviceIdFor(dataDir) },
      {
        ...sent,
        password: FAKE_CREDENTIALS.password,
        sec: FAKE_CREDENTIALS.sec,
        deviceId: deviceIdFor(dataDir),
      },
    ]);

    const file = credentialsFile(dataDir, 'tradovate');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      broker: 'tradovate',
      userName: 'warden-trader',
      password: FAKE_CREDENTIALS.password,
      appId: 'Warden',
      appVersion: '1.0',
      cid: 8_123,
      secret: FAKE_CREDENTIALS.sec,
      environment: 'demo',
      apiUrl: fake.urls.api,
      wsUrl: fake.urls.ws,
      mdUrl: fake.urls.md,
    });
    expect(existsSync(credentialsFile(dataDir, 'projectx'))).toBe(false);

    // Nowhere else: not in the answers, the pushes (states and alerts), the view, or the log.
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('broker credentials stored; reconnecting with them');
    for (const secret of SECRETS) {
      expect(wrong.text + right.text).not.toContain(secret);
      expect(JSON.stringify(pushes)).not.toContain(secret);
      expect(JSON.stringify(core.view())).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    expect(pushes.some((p) => p.type === 'alert')).toBe(true);
  });

  it('a restart connects with the stored login and its URLs', async () => {
    const fake = await gateway();
    const first = await serve();
    await first.post(entered(fake, FAKE_CREDENTIALS.password));
    await until(() => expect(connection(first.core).status).toBe('connected'));
    await first.stop();

    const again = await tradovateWarden(first.dataDir);
    await until(() => expect(connection(again.core).status).toBe('connected'));
    expect(connection(again.core)).toEqual({
      broker: 'tradovate',
      status: 'connected',
      detail: null,
      credentials: 'stored',
      login: loginOn(fake),
      pnlSource: { source: 'quotes' },
    });
    expect(again.core.view().accounts.map((a) => a.id)).toEqual([String(ACCOUNT_A), String(ACCOUNT_B)]);
    // One login per run, both with the stored password.
    expect(fake.callsTo('auth/accesstokenrequest').map((c) => c.body.password)).toEqual([
      FAKE_CREDENTIALS.password,
      FAKE_CREDENTIALS.password,
    ]);
  });

  it('are refused with the reason when they are ProjectX-shaped or a field is wrong, naming no value', async () => {
    const fake = await gateway();
    const { core, dataDir, post } = await serve();
    const projectX = await post({ userName: 'trader', apiKey: WRONG_PASSWORD, apiUrl: fake.urls.api });
    expect(projectX.status).toBe(400);
    expect(JSON.parse(projectX.text)).toEqual({
      ok: false,
      error:
        'these are ProjectX credentials; this Warden runs the tradovate broker (start it with --broker projectx)',
    });

    const badCid = await post({ ...entered(fake, WRONG_PASSWORD), cid: 1.5 });
    expect(badCid.status).toBe(400);
    expect(JSON.parse(badCid.text)).toEqual({
      ok: false,
      error: 'invalid setCredentials: cid: must be the whole number shown as CID',
    });
    const wordCid = await post({ ...entered(fake, WRONG_PASSWORD), cid: 'abc' });
    expect([wordCid.status, JSON.parse(wordCid.text)]).toEqual([
      400,
      { ok: false, error: 'invalid setCredentials: cid: must be the whole number shown as CID' },
    ]);
    for (const answer of [projectX, badCid, wordCid]) expect(answer.text).not.toContain(WRONG_PASSWORD);
    expect(connection(core)).toMatchObject({ credentials: 'missing', login: null });
    expect(existsSync(credentialsFile(dataDir, 'tradovate'))).toBe(false);
    expect(existsSync(credentialsFile(dataDir, 'projectx'))).toBe(false);
    expect(fake.callsTo('auth/accesstokenrequest')).toEqual([]);
  });

  it('WARDEN_TRADOVATE_* give a login that connects without stored credentials and wins over stored ones', async () => {
    const fake = await gateway();
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-tradovate-env-'));
    // A stored login with the wrong password: the environment's must be the one used.
    await fileSecretStore(dataDir).write({
      broker: 'tradovate',
      userName: 'warden-trader',
      password: WRONG_PASSWORD,
      appId: 'Warden',
      appVersion: '1.0',
      cid: FAKE_CREDENTIALS.cid,
      secret: FAKE_CREDENTIALS.sec,
      environment: 'demo',
      apiUrl: fake.urls.api,
      wsUrl: fake.urls.ws,
      mdUrl: fake.urls.md,
    });
    const env = {
      WARDEN_TRADOVATE_USERNAME: 'warden-trader',
      WARDEN_TRADOVATE_PASSWORD: FAKE_CREDENTIALS.password,
      WARDEN_TRADOVATE_CID: String(FAKE_CREDENTIALS.cid),
      WARDEN_TRADOVATE_SECRET: FAKE_CREDENTIALS.sec,
      WARDEN_TRADOVATE_API_URL: fake.urls.api,
      WARDEN_TRADOVATE_WS_URL: fake.urls.ws,
      WARDEN_TRADOVATE_MD_URL: fake.urls.md,
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);

    const { core, logFile } = await tradovateWarden(dataDir);
    await until(() => expect(connection(core).status).toBe('connected'));
    expect(connection(core)).toEqual({
      broker: 'tradovate',
      status: 'connected',
      detail: null,
      credentials: 'stored',
      login: loginOn(fake),
      pnlSource: { source: 'quotes' },
    });
    expect(core.view().accounts.map((a) => a.id)).toEqual([String(ACCOUNT_A), String(ACCOUNT_B)]);
    expect(fake.callsTo('auth/accesstokenrequest').map((c) => c.body.password)).toEqual([
      FAKE_CREDENTIALS.password,
    ]);
    const log = readFileSync(logFile, 'utf8');
    for (const secret of SECRETS) {
      expect(JSON.stringify(core.view())).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  });
});
