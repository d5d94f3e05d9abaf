// docs/SECURITY.md, "What the token allows": whoever holds the token is, to the API, the trader. This is the table
// of what it lets them do and what it refuses, on `warden serve` as the CLI composes it (startCore: the file
// secret store, the remote alerts), over real HTTP as a script would send it (Bearer header, no Origin).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/start';
import type { WardenCore } from '../../../main/core/types';
import { createLogger } from '../../../main/platform/logger';
import { dataFiles } from '../../../main/platform/paths';
import { startServer, type RunningServer } from '../../../main/server/server';
import { startFakeNotifyServer, type FakeNotifyServer } from '../../fakes/notify-server';
import { rendererDir } from '../../helpers/serve';

const TOKEN = 'token-holder-0123456789abcdef';
const NTFY_TOKEN = 'tk_ntfy-SECRET-7b1e';
const WEBHOOK_SECRET = 'whsec-SECRET-42a9';

const config = (receiver: string) => `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  ACTIVE: { startingBalance: 50000, rules: { dailyLoss: { amount: 1000, basis: net } } }
  LOCKED: { startingBalance: 50000, rules: { dailyLoss: { amount: 1000, basis: net } } }
  SETTINGS: { startingBalance: 50000, rules: { dailyLoss: { amount: 1000, basis: net } } }
notify:
  minLevel: critical
  ntfy: { url: "${receiver}/warden-topic" }
  webhook: { url: "${receiver}/hook" }
`;

let dataDir: string;
let core: WardenCore;
let server: RunningServer;
let receiver: FakeNotifyServer;
let attacker: FakeNotifyServer;
let base: string;

beforeAll(async () => {
  receiver = await startFakeNotifyServer();
  attacker = await startFakeNotifyServer();
  dataDir = mkdtempSync(join(tmpdir(), 'warden-token-holder-'));
  writeFileSync(dataFiles(dataDir).config, config(receiver.origin));
  const logger = createLogger({ level: 'info', file: dataFiles(dataDir).log, console: false });
  core = await startCore({ dataDir, broker: 'sim', demo: false, logger, newsUrl: null });
  server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    rendererDir,
    logger,
    version: 'test',
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await core.stop();
  await receiver.close();
  await attacker.close();
});

type Answer = {
  status: number;
  body: { ok?: boolean; error?: string; result?: unknown } & Record<string, unknown>;
};

async function call(name: string, args: unknown): Promise<Answer> {
  const response = await fetch(`${base}/api/commands/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function read(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return { status: response.status, text: await response.text() };
}

type Document = { accounts: Record<string, { rules: { dailyLoss: Record<string, unknown> } }> } & Record<
  string,
  unknown
>;

/** The config in force, changed by `edit`. */
async function configWith(edit: (document: Document) => void): Promise<Document> {
  const { config: document } = JSON.parse((await read('/api/config')).text) as { config: Document };
  edit(document);
  return document;
}

const dailyLoss = (account: string, amount: string) =>
  configWith((document) => {
    const rule = document.accounts[account]?.rules.dailyLoss;
    if (rule === undefined) throw new Error(`no dailyLoss on ${account}`);
    rule.amount = amount;
  });

const state = () => core.view();
const account = (id: string) => state().accounts.find((a) => a.id === id);

describe('a token holder can', () => {
  it('store the remote alerts’ secrets (setNotifySecrets), and is told only their names', async () => {
    const answer = await call('notify-secrets', { ntfyToken: NTFY_TOKEN, webhookSecret: WEBHOOK_SECRET });
    expect(answer).toEqual({
      status: 200,
      body: { ok: true, result: { stored: ['ntfyToken', 'webhookSecret'] } },
    });
  });

  it('read the state, the config and the history: the secrets’ names, never their values', async () => {
    for (const path of ['/api/state', '/api/config', '/api/history?days=5']) {
      const { status, text } = await read(path);
      expect(status).toBe(200);
      expect(text).not.toContain(NTFY_TOKEN);
      expect(text).not.toContain(WEBHOOK_SECRET);
    }
    expect(state().notify?.secrets).toEqual(['ntfyToken', 'webhookSecret']);
    expect(readFileSync(dataFiles(dataDir).log, 'utf8')).not.toContain(NTFY_TOKEN);
  });

  it('place an order and flatten (the simulated broker)', async () => {
    const order = { account: 'ACTIVE', symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' };
    expect((await call('order', order)).status).toBe(200);
    const flattened = await call('flatten', { account: 'ACTIVE' });
    expect(flattened.status).toBe(200);
    expect(flattened.body.result).toMatchObject({ reports: [{ account: 'ACTIVE', flat: true }] });
  });

  it('lock an account for the day, and lock an account’s settings', async () => {
    expect((await call('lock', { account: 'LOCKED', until: 'dayEnd' })).status).toBe(200);
    expect(account('LOCKED')?.tradingState).toBe('halted');
    const settings = await call('settings-lock', { account: 'SETTINGS' });
    expect(settings.status).toBe(200);
    expect(settings.body.result).toEqual({
      lockedUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
    });
  });

  it('tighten the rules of any account, locked or not', async () => {
    const answer = await call('config', { config: await dailyLoss('LOCKED', '800') });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({ changes: ['LOCKED dailyLoss.amount: "1000" → "800"'] });
  });

  it('loosen the rules of an account that is active and whose settings are not locked (as the trader may)', async () => {
    const answer = await call('config', { config: await dailyLoss('ACTIVE', '5000') });
    expect(answer.status).toBe(200);
  });
});

describe('a token holder cannot', () => {
  it.each([
    [
      'loosen a locked account’s daily loss',
      () => dailyLoss('LOCKED', '5000'),
      /^LOCKED is halted .*may only tighten/,
    ],
    [
      'loosen an account whose settings are locked',
      () => dailyLoss('SETTINGS', '5000'),
      /^SETTINGS has its settings locked/,
    ],
    [
      'turn a locked account’s rule off',
      () =>
        configWith((d) => void Object.assign(d.accounts.LOCKED?.rules.dailyLoss ?? {}, { enabled: false })),
      /^LOCKED is halted .*may only tighten/,
    ],
    [
      'drop a locked account from the config',
      () =>
        configWith((d) => {
          delete d.accounts.LOCKED;
        }),
      /^LOCKED is halted .*may only tighten/,
    ],
    [
      'change the session (the trading day’s bounds)',
      () => configWith((d) => void Object.assign(d.session as object, { dayStart: '09:00' })),
      /^the session .* cannot change while Warden runs/,
    ],
  ])('%s (400, nothing changes)', async (_case, document, refusal) => {
    const before = await read('/api/config');
    const answer = await call('config', { config: await document() });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(refusal);
    expect(await read('/api/config')).toEqual(before);
  });

  it('lift a timed lock: resetLock lifts only manual ones, the account stays halted', async () => {
    const answer = await call('reset', { account: 'LOCKED' });
    expect(answer.body).toEqual({ ok: true, result: { lifted: 0 } });
    expect(account('LOCKED')?.tradingState).toBe('halted');
  });

  it('trade on a locked account', async () => {
    const answer = await call('order', {
      account: 'LOCKED',
      symbol: 'MNQ',
      side: 'buy',
      qty: 1,
      kind: 'market',
    });
    expect(answer.status).toBe(400);
    expect(account('LOCKED')?.positions).toEqual([]);
  });

  it.each([
    ['store broker credentials on the simulator', 'credentials', { userName: 'x', apiKey: 'y' }],
    ['leave an account unguarded on the simulator', 'guard-account', { account: 'ACTIVE', guarded: false }],
    ['send a command with fields the contract does not have', 'flatten', { account: 'ACTIVE', force: true }],
  ])('%s (400)', async (_case, name, args) => {
    expect((await call(name, args)).status).toBe(400);
  });

  it('run a command that is not in the contract (404)', async () => {
    expect((await call('eval', { code: '1' })).status).toBe(404);
  });

  it('have the ntfy token sent elsewhere: it goes only to the server it was saved for', async () => {
    const moved = await configWith((d) => {
      d.notify = { ...(d.notify as object), ntfy: { url: `${attacker.origin}/stolen` } };
    });
    expect((await call('config', { config: moved })).status).toBe(200);
    expect((await call('test-notify', { channel: 'ntfy' })).body.ok).toBe(true);
    const stolen = attacker.requests.filter((r) => r.path === '/stolen');
    expect(stolen.map((r) => r.headers.authorization)).toEqual([undefined]);
    expect(state().notify?.problems).toContain(
      `ntfy: the access token was saved for ${receiver.origin}, not ${attacker.origin}; it is not sent (save it again for this server)`,
    );
    // Back to the trader's server, the token goes with the messages again.
    const back = await configWith((d) => {
      d.notify = { ...(d.notify as object), ntfy: { url: `${receiver.origin}/warden-topic` } };
    });
    expect((await call('config', { config: back })).status).toBe(200);
    expect((await call('test-notify', { channel: 'ntfy' })).body.ok).toBe(true);
    const mine = receiver.requests.filter((r) => r.path === '/warden-topic');
    expect(mine.at(-1)?.headers.authorization).toBe(`Bearer ${NTFY_TOKEN}`);
  });

  it('have the webhook secret sent anywhere: a receiver of its choosing gets a signature, not the secret', async () => {
    const moved = await configWith((d) => {
      d.notify = { ...(d.notify as object), webhook: { url: `${attacker.origin}/hook` } };
    });
    expect((await call('config', { config: moved })).status).toBe(200);
    expect((await call('test-notify', { channel: 'webhook' })).body.ok).toBe(true);
    // Delivered (the test answered ok) means the receiver has it.
    const request = attacker.requests.find((r) => r.path === '/hook');
    expect(request?.headers['x-warden-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.stringify(request)).not.toContain(WEBHOOK_SECRET);
  });
});
