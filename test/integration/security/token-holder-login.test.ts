// docs/SECURITY.md, "What the token allows", the broker login (finding F2, fixed): on ProjectX a token holder can
// neither leave a locked account unguarded nor replace the login with another (its own account, or a gateway URL of
// its choosing) while the account is locked; the same login (a rotated key) is still taken.
import Decimal from 'decimal.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/start';
import type { WardenCore } from '../../../main/core/types';
import { createLogger } from '../../../main/platform/logger';
import { startServer, type RunningServer } from '../../../main/server/server';
import { FAKE_CREDENTIALS, startFakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, seedDemo } from '../../fakes/projectx-gateway/seed';
import { rendererDir } from '../../helpers/serve';
import { waitFor } from '../projectx/harness';

const TOKEN = 'token-holder-login-0123456789';
const OTHER_ACCOUNT = 77_000_001;

let traders: Awaited<ReturnType<typeof startFakeGateway>>;
let attackers: Awaited<ReturnType<typeof startFakeGateway>>;
let core: WardenCore;
let server: RunningServer;

beforeAll(async () => {
  traders = await startFakeGateway({ pingMs: 200 });
  seedDemo(traders.model);
  attackers = await startFakeGateway({ pingMs: 200 });
  seedDemo(attackers.model);
  attackers.model.accounts.delete(ACCOUNT_ID);
  attackers.model.accounts.set(OTHER_ACCOUNT, {
    id: OTHER_ACCOUNT,
    name: 'somebody else',
    balance: new Decimal(1000),
    canTrade: true,
    isVisible: true,
    simulated: true,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-token-login-'));
  const logger = createLogger({ level: 'error', file: join(dataDir, 'warden.log'), console: false });
  core = await startCore({ dataDir, broker: 'projectx', demo: false, logger, newsUrl: null });
  server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    rendererDir,
    logger,
    version: 'test',
  });
});
afterAll(async () => {
  await server.close();
  await core.stop();
  await traders.stop();
  await attackers.stop();
});

async function call(name: string, args: unknown): Promise<{ status: number; error?: string }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/commands/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, ...(body.error === undefined ? {} : { error: body.error }) };
}

const login = (gateway: { url: string }) => ({
  userName: FAKE_CREDENTIALS.userName,
  apiKey: FAKE_CREDENTIALS.apiKey,
  apiUrl: gateway.url,
  rtcUrl: gateway.url,
});
const watched = () => core.view().accounts.map((account) => account.id);

describe('a token holder and the broker login', () => {
  it('cannot leave a locked account unguarded', async () => {
    expect((await call('credentials', login(traders))).status).toBe(200);
    await waitFor('the trader’s account', () => watched().includes(String(ACCOUNT_ID)), 10_000);
    expect((await call('lock', { account: String(ACCOUNT_ID), until: 'dayEnd' })).status).toBe(200);
    const unguard = await call('guard-account', { account: String(ACCOUNT_ID), guarded: false });
    expect(unguard).toEqual({
      status: 400,
      error: `${ACCOUNT_ID} is halted: it stays guarded until the lock ends`,
    });
  });

  it('cannot replace the login with another while that account is locked; the same login again is taken', async () => {
    expect(core.view().accounts.find((a) => a.id === String(ACCOUNT_ID))?.tradingState).toBe('halted');
    expect(await call('credentials', login(attackers))).toEqual({
      status: 400,
      error: `${ACCOUNT_ID} is halted: Warden keeps the login it is guarded through until the lock ends`,
    });
    expect(await call('credentials', { ...login(traders), userName: 'somebody' })).toMatchObject({
      status: 400,
    });
    expect(core.view().connection.login).toMatchObject({ apiUrl: traders.url });
    // A new key for the same login (here the same one again) is taken: a rotated key must stay fixable.
    expect(await call('credentials', login(traders))).toEqual({ status: 200 });
    await waitFor('the trader’s account again', () => watched().includes(String(ACCOUNT_ID)), 10_000);
    expect(core.view().connection.login).toMatchObject({ apiUrl: traders.url });
  });
});
