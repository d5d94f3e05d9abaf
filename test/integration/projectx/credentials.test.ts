// Credentials entered in the UI, end to end: `warden serve` on the ProjectX broker with none starts "missing";
// POST /api/commands/credentials stores them (a 0600 file) and reconnects the adapter to the fake gateway with
// them; a wrong key says "login failed (...)"; the key is in no log line, no state push, no alert, no answer.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_CREDENTIALS } from '../../../main/broker/projectx';
import { startCore } from '../../../main/core/start';
import type { PushMessage, WardenCore } from '../../../main/core/types';
import { createLogger } from '../../../main/platform/logger';
import { credentialsFile } from '../../../main/platform/secrets';
import { startServer } from '../../../main/server/server';
import { FAKE_CREDENTIALS, startFakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, seedDemo } from '../../fakes/projectx-gateway/seed';
import { rendererDir } from '../../helpers/serve';
import { waitFor } from './harness';

const WRONG_KEY = 'wrong-key-SECRET-777';
const TOKEN = 'test-token-0123456789';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

async function setup() {
  const gateway = await startFakeGateway({ pingMs: 200 });
  seedDemo(gateway.model);
  cleanup.push(() => gateway.stop());
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-creds-'));
  const logFile = join(dataDir, 'test.log');
  const logger = createLogger({ level: 'debug', file: logFile, console: false });
  const core = await startCore({ dataDir, broker: 'projectx', demo: false, logger });
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
  cleanup.push(async () => {
    await server.close();
    await core.stop();
  });
  const post = async (body: unknown) => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/commands/credentials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };
  return { gateway, core, dataDir, logFile, pushes, post };
}

const connection = (core: WardenCore) => core.view().connection;

describe('credentials from the UI', () => {
  it('are stored 0600, used at once, never echoed or logged; a wrong key says login failed', async () => {
    const { gateway, core, dataDir, logFile, pushes, post } = await setup();
    expect(connection(core)).toEqual({
      broker: 'projectx',
      status: 'disconnected',
      detail: NO_CREDENTIALS,
      credentials: 'missing',
      login: null,
    });
    const urls = { apiUrl: `${gateway.url}/`, rtcUrl: gateway.url };

    const wrong = await post({ userName: 'trader', apiKey: WRONG_KEY, ...urls });
    expect(wrong.status).toBe(200);
    expect(JSON.parse(wrong.text)).toEqual({
      ok: true,
      result: {
        credentials: 'stored',
        broker: 'projectx',
        userName: 'trader',
        apiUrl: gateway.url,
        rtcUrl: gateway.url,
      },
    });
    await waitFor('the login refusal', () => connection(core).detail?.startsWith('login failed') === true);
    expect(connection(core)).toEqual({
      broker: 'projectx',
      status: 'disconnected',
      detail: 'login failed (Auth/loginKey refused: invalid credentials (check the user name and API key))',
      credentials: 'stored',
      login: { broker: 'projectx', userName: 'trader', apiUrl: gateway.url, rtcUrl: gateway.url },
    });

    const right = await post({ userName: 'trader', apiKey: FAKE_CREDENTIALS.apiKey, ...urls });
    expect(right.status).toBe(200);
    await waitFor('connected', () => connection(core).status === 'connected');
    expect(connection(core)).toEqual({
      broker: 'projectx',
      status: 'connected',
      detail: null,
      credentials: 'stored',
      login: { broker: 'projectx', userName: 'trader', apiUrl: gateway.url, rtcUrl: gateway.url },
    });
    expect(core.view().accounts.map((a) => [a.id, a.metrics.balance])).toEqual([
      [String(ACCOUNT_ID), '50000'],
    ]);
    expect(gateway.callsTo('Auth/loginKey').map((c) => c.body)).toEqual([
      { userName: 'trader', apiKey: WRONG_KEY },
      { userName: 'trader', apiKey: FAKE_CREDENTIALS.apiKey },
    ]);

    const file = credentialsFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      userName: 'trader',
      apiKey: FAKE_CREDENTIALS.apiKey,
      apiUrl: gateway.url,
      rtcUrl: gateway.url,
    });

    // Nowhere else: not in the answers, the pushes (states and alerts), the view, or the log.
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('broker credentials stored; reconnecting with them');
    for (const key of [WRONG_KEY, FAKE_CREDENTIALS.apiKey]) {
      expect(wrong.text + right.text).not.toContain(key);
      expect(JSON.stringify(pushes)).not.toContain(key);
      expect(JSON.stringify(core.view())).not.toContain(key);
      expect(log).not.toContain(key);
    }
    expect(pushes.some((p) => p.type === 'alert')).toBe(true);
  });

  it('a restart uses the stored credentials and their gateway', async () => {
    const first = await setup();
    await first.post({
      userName: 'trader',
      apiKey: FAKE_CREDENTIALS.apiKey,
      apiUrl: first.gateway.url,
      rtcUrl: first.gateway.url,
    });
    await waitFor('connected', () => connection(first.core).status === 'connected');
    await first.core.stop();
    const logger = createLogger({ level: 'warn', console: false });
    const again = await startCore({ dataDir: first.dataDir, broker: 'projectx', demo: false, logger });
    cleanup.push(() => again.stop());
    expect(connection(again)).toEqual({
      broker: 'projectx',
      status: 'connected',
      detail: null,
      credentials: 'stored',
      login: { broker: 'projectx', userName: 'trader', apiUrl: first.gateway.url, rtcUrl: first.gateway.url },
    });
  });

  it('are refused with the reason when invalid or on the simulated broker, naming no value', async () => {
    const { core, post } = await setup();
    const bad = await post({ userName: ' ', apiKey: WRONG_KEY, apiUrl: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({
      ok: false,
      error:
        'invalid setCredentials: userName: user name is required; apiUrl: must be an http(s) URL such as https://api.topstepx.com',
    });
    expect(connection(core).credentials).toBe('missing');

    const dataDir = mkdtempSync(join(tmpdir(), 'warden-creds-sim-'));
    const sim = await startCore({
      dataDir,
      broker: 'sim',
      demo: false,
      logger: createLogger({ level: 'warn', console: false }),
    });
    cleanup.push(() => sim.stop());
    expect(sim.view().connection).toEqual({ broker: 'sim', status: 'connected', detail: null });
    expect(await sim.command('setCredentials', { userName: 'trader', apiKey: WRONG_KEY })).toEqual({
      ok: false,
      error:
        'these are ProjectX credentials; this Warden runs the sim broker (start it with --broker projectx)',
    });
  });
});
