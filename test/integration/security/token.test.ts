// docs/SECURITY.md, "The token": every endpoint but /api/health needs it, as a Bearer header, ?token= or the
// cookie; anything else (missing, empty, a near miss) is 401 with nothing of the state in the answer; the compare
// runs in constant time over fixed-size digests; and a failed request is logged without the token.
import type * as Crypto from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataFiles } from '../../../main/platform/paths';
import { rendererDir, serveInProcess, type Served } from '../../helpers/serve';
import { bodyOf, exchange, get } from './wire';

/** Every timingSafeEqual call's buffer lengths, as the server's token check makes them. */
const compared = vi.hoisted(() => [] as [number, number][]);
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push([a.byteLength, b.byteLength]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

let served: Served;
let port: number;
let token: string;

beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
  port = served.server.port;
  token = served.token;
});
afterAll(async () => {
  await served.stop();
});

const UNAUTHORIZED = {
  ok: false,
  error: 'missing or wrong token: open the URL printed by `warden serve`',
};

function post(path: string, headers: Record<string, string>, body = '{"all":true}') {
  const lines = Object.entries({
    host: `127.0.0.1:${port}`,
    connection: 'close',
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  return exchange(port, `POST ${path} HTTP/1.1\r\n${lines.join('')}\r\n${body}`);
}

describe('the token', () => {
  const asset = () =>
    `/assets/${readdirSync(join(rendererDir, 'assets')).find((f) => f.endsWith('.js')) ?? ''}`;

  it.each([
    ['GET', '/api/state'],
    ['GET', '/api/config'],
    ['GET', '/api/history'],
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', 'ASSET'],
    ['GET', '/no/such/file'],
    ['POST', '/api/commands/flatten'],
    ['POST', '/api/commands/notify-secrets'],
  ])('%s %s without the token: 401, and nothing of the state or the page', async (method, path) => {
    const target = path === 'ASSET' ? asset() : path;
    const answer = method === 'GET' ? await get(port, target) : await post(target, {});
    expect(answer.status).toBe(401);
    expect(JSON.parse(bodyOf(answer.text))).toEqual(UNAUTHORIZED);
    expect(answer.text).not.toContain('SIM-50K');
  });

  it('lets /api/health answer without it, with nothing about the accounts', async () => {
    const answer = await get(port, '/api/health');
    expect(answer.status).toBe(200);
    expect(Object.keys(JSON.parse(bodyOf(answer.text)) as object).sort()).toEqual([
      'broker',
      'name',
      'ok',
      'status',
      'version',
    ]);
  });

  it.each([
    ['an Authorization: Bearer header', '/api/state', () => ({ authorization: `Bearer ${token}` })],
    ['?token= in the URL', '/api/state?token=TOKEN', () => ({})],
    ['the warden_token cookie', '/api/state', () => ({ cookie: `theme=dark; warden_token=${token}` })],
  ])('takes it as %s', async (_how, path, headers) => {
    const answer = await get(port, path.replace('TOKEN', token), headers());
    expect(answer.status).toBe(200);
    expect(bodyOf(answer.text)).toContain('"id":"SIM-50K"');
  });

  it.each([
    ['an empty ?token=', () => ({ path: '/api/state?token=' })],
    ['an empty Bearer', () => ({ headers: { authorization: 'Bearer ' } })],
    [
      'the token without its last character',
      () => ({ headers: { authorization: `Bearer ${token.slice(0, -1)}` } }),
    ],
    ['the token with one more character', () => ({ headers: { authorization: `Bearer ${token}x` } })],
    [
      'the token with its last character changed',
      () => ({ path: `/api/state?token=${token.slice(0, -1)}X` }),
    ],
    ['the token in upper case', () => ({ headers: { cookie: `warden_token=${token.toUpperCase()}` } })],
    [
      'the token as Basic credentials',
      () => ({ headers: { authorization: `Basic ${btoa(`warden:${token}`)}` } }),
    ],
    ['the token under another cookie name', () => ({ headers: { cookie: `token=${token}` } })],
    ['an 8,000-character token', () => ({ headers: { authorization: `Bearer ${'x'.repeat(8_000)}` } })],
  ])('refuses %s (401)', async (_case, request) => {
    const { path = '/api/state', headers = {} } = request() as {
      path?: string;
      headers?: Record<string, string>;
    };
    const answer = await get(port, path, headers);
    expect(answer.status).toBe(401);
    expect(JSON.parse(bodyOf(answer.text))).toEqual(UNAUTHORIZED);
  });

  it('judges the Authorization header first: a wrong one is not rescued by a right cookie or query', async () => {
    const wrongHeader = { authorization: 'Bearer wrong', cookie: `warden_token=${token}` };
    expect((await get(port, '/api/state', wrongHeader)).status).toBe(401);
    expect((await get(port, `/api/state?token=${token}`, { authorization: 'Bearer wrong' })).status).toBe(
      401,
    );
    expect((await get(port, '/api/state?token=wrong', { cookie: `warden_token=${token}` })).status).toBe(401);
  });

  it('compares in constant time: every presented token, whatever its length, as a 32-byte digest', async () => {
    compared.length = 0;
    for (const presented of ['x', token.slice(0, -1), `${token.slice(0, -1)}X`, token, 'y'.repeat(4_000)])
      await get(port, '/api/state', { authorization: `Bearer ${presented}` });
    expect(compared).toEqual(Array.from({ length: 5 }, () => [32, 32]));
  });

  it('logs a failed request by its path, never with the token of its query', async () => {
    const { core } = served;
    const command = core.command.bind(core);
    core.command = () => Promise.reject(new Error('disk on fire'));
    try {
      const answer = await get(port, `/api/config?token=${token}&x=1`);
      expect(answer.status).toBe(500);
      expect(JSON.parse(bodyOf(answer.text))).toEqual({ ok: false, error: 'internal error' });
    } finally {
      core.command = command;
    }
    const log = readFileSync(dataFiles(served.dataDir).log, 'utf8');
    expect(log).toContain('"path":"/api/config"');
    expect(log).toContain('disk on fire');
    expect(log).not.toContain(token);
  });
});
