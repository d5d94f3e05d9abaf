// The Tradovate REST client and login against a tiny local HTTP server: refusals in plain words, renewal before
// expiry on the manual clock, exactly one login after a renewal that kept failing, 429 and penalty tickets.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APPROVAL_PENDING,
  createTradovateAuth,
  type AuthChange,
  type TradovateCredentials,
} from '../../../../main/broker/tradovate/auth';
import { CAPTCHA_CLOSED } from '../../../../main/broker/tradovate/penalty';
import { createRestClient } from '../../../../main/broker/tradovate/rest';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock, type ManualClock } from '../../../helpers/manual-clock';

type Seen = { method: string; path: string; authorization: string | undefined; body: unknown };
/** What the server answers: a status and a JSON body, or null to never answer. */
type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | null;

const T0 = Date.parse('2026-03-19T13:00:00Z');
const MINUTE = 60_000;
const credentials: TradovateCredentials = {
  name: 'trader7',
  password: 'hunter2',
  appId: 'Warden',
  appVersion: '0.1.0',
  cid: 8123,
  sec: 'f3a1-secret',
  deviceId: 'c0ffee-device',
};
const grant = (token: string, expiresAt: number, md?: string) => ({
  accessToken: token,
  ...(md === undefined ? {} : { mdAccessToken: md }),
  expirationTime: new Date(expiresAt).toISOString(),
  userId: 2417,
  userStatus: 'Active',
  name: 'trader7',
  hasLive: false,
});

let server: Server;
let seen: Seen[];
let replies: Map<string, Reply[]>;
let clock: ManualClock;
let logger: ReturnType<typeof memoryLogger>;
let baseUrl: string;

/** Answers for a path, used in turn; the last one repeats. */
const answer = (path: string, ...list: Reply[]) => replies.set(path, list);

beforeEach(async () => {
  seen = [];
  replies = new Map();
  clock = createManualClock(T0);
  logger = memoryLogger();
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const path = (request.url ?? '').replace(/^\/v1\//, '');
      seen.push({
        method: request.method ?? '',
        path,
        authorization: request.headers.authorization,
        body: text === '' ? undefined : JSON.parse(text),
      });
      const list = replies.get(path.split('?')[0] ?? '') ?? [{ status: 404, body: {} }];
      const reply = list.length > 1 ? list.shift() : list[0];
      if (reply === null || reply === undefined) return;
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const rest = () => createRestClient({ baseUrl, clock, logger });
const auth = () =>
  createTradovateAuth({ rest: rest(), clock, logger, renewRetryMs: MINUTE, renewRetryMaxMs: 2 * MINUTE });
const count = (path: string) => seen.filter((s) => s.path.startsWith(path)).length;
const warnings = (message: string) => logger.lines.filter((l) => l.message === message).length;

describe('login', () => {
  it('sends the API key once and keeps both tokens', async () => {
    answer('auth/accesstokenrequest', { body: grant('tok-1', T0 + 90 * MINUTE, 'md-1') });
    const login = auth();
    const result = await login.login(credentials);
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      { method: 'POST', path: 'auth/accesstokenrequest', authorization: undefined, body: credentials },
    ]);
    expect([login.accessToken(), login.mdAccessToken()]).toEqual(['tok-1', 'md-1']);
    login.stop();
  });

  it.each([
    [
      'Incorrect username or password. Please try again.',
      'credentials',
      'Tradovate refused the user name or password (Tradovate said: "Incorrect username or password. Please try again.")',
    ],
    [
      'Please verify your new device: a code was sent to your e-mail',
      'approvalPending',
      `${APPROVAL_PENDING} (Tradovate said: "Please verify your new device: a code was sent to your e-mail")`,
    ],
    [
      'The app is not registered',
      'credentials',
      'Tradovate refused the API key: check the CID and secret in Settings → API Access (Tradovate said: "The app is not registered")',
    ],
    ['Something odd', 'refused', 'Tradovate refused the login (Tradovate said: "Something odd")'],
  ])('an errorText %j (HTTP 200) is a %s refusal in plain words', async (errorText, reason, error) => {
    answer('auth/accesstokenrequest', { body: { errorText } });
    const login = auth();
    expect(await login.login(credentials)).toEqual({ ok: false, reason, error });
    expect(login.accessToken()).toBeNull();
  });

  it('a 401 to the login says that an approval is probably pending', async () => {
    answer('auth/accesstokenrequest', { status: 401, body: {} });
    expect(await auth().login(credentials)).toEqual({
      ok: false,
      reason: 'approvalPending',
      error: APPROVAL_PENDING,
    });
  });

  it('never logs in twice within the spacing', async () => {
    answer('auth/accesstokenrequest', { body: { errorText: 'Incorrect username or password' } });
    const login = auth();
    await login.login(credentials);
    const again = await login.login(credentials);
    expect(again).toMatchObject({ ok: false, reason: 'tooSoon' });
    expect(count('auth/accesstokenrequest')).toBe(1);
  });
});

describe('renewal', () => {
  it('renews 5 minutes before expiry and uses the new token', async () => {
    const expiresAt = T0 + 90 * MINUTE;
    answer('auth/accesstokenrequest', { body: grant('tok-1', expiresAt, 'md-1') });
    answer('auth/renewaccesstoken', { body: grant('tok-2', expiresAt + 90 * MINUTE) });
    const login = auth();
    const changes: AuthChange[] = [];
    login.onChange((change) => changes.push(change));
    await login.login(credentials);
    clock.set(expiresAt - 5 * MINUTE - 1);
    expect(count('auth/renewaccesstoken')).toBe(0);
    clock.advance(1);
    await vi.waitFor(() => expect(login.accessToken()).toBe('tok-2'));
    expect(seen.at(-1)).toEqual({
      method: 'GET',
      path: 'auth/renewaccesstoken',
      authorization: 'Bearer tok-1',
      body: undefined,
    });
    expect(login.mdAccessToken()).toBe('md-1'); // the renewal named none: the login's stays
    expect(changes.map((c) => c.kind === 'token' && c.how)).toEqual(['login', 'renewal']);
    // The next renewal is scheduled from the new expiry, with the new token.
    clock.set(expiresAt + 85 * MINUTE);
    await vi.waitFor(() => expect(count('auth/renewaccesstoken')).toBe(2));
    expect(seen.at(-1)?.authorization).toBe('Bearer tok-2');
    login.stop();
  });

  it('a renewal failing until the token expires leads to exactly one login, never a loop', async () => {
    const expiresAt = T0 + 90 * MINUTE;
    answer(
      'auth/accesstokenrequest',
      { body: grant('tok-1', expiresAt) },
      { body: { errorText: 'Too many sessions' } },
    );
    answer('auth/renewaccesstoken', { status: 503, body: {} });
    const login = auth();
    const changes: AuthChange[] = [];
    login.onChange((change) => changes.push(change));
    await login.login(credentials);
    // Renewal at 85:00, then retries 1 and 2 minutes later, then the expiry at 90:00.
    for (const [at, failures] of [
      [85, 1],
      [86, 2],
      [88, 3],
    ] as const) {
      clock.set(T0 + at * MINUTE);
      await vi.waitFor(() => expect(warnings('Tradovate token renewal failed')).toBe(failures));
    }
    expect(count('auth/accesstokenrequest')).toBe(1);
    clock.set(expiresAt);
    await vi.waitFor(() => expect(changes.at(-1)?.kind).toBe('expired'));
    expect(count('auth/accesstokenrequest')).toBe(2);
    expect(changes.at(-1)).toEqual({
      kind: 'expired',
      error:
        'the Tradovate login expired and logging in again failed: Tradovate refused the login (Tradovate said: "Too many sessions")',
    });
    expect(login.accessToken()).toBeNull();
    clock.advance(180 * MINUTE);
    expect(clock.pendingTimers()).toBe(0);
    expect([count('auth/accesstokenrequest'), count('auth/renewaccesstoken')]).toEqual([2, 3]);
  });
});

describe('REST answers', () => {
  it('a 429 is a typed rate-limited outcome, never retried', async () => {
    answer('position/list', { status: 429, body: {}, headers: { 'retry-after': '30' } });
    expect(await rest().get('position/list', {}, 'tok-1')).toEqual({
      kind: 'rateLimited',
      error: 'position/list: rate limited by Tradovate (HTTP 429)',
      retryAfterMs: 30_000,
    });
    expect(count('position/list')).toBe(1);
  });

  it('a penalty ticket is waited for on the clock, then the same body is sent with the ticket', async () => {
    const body = { accountId: 400123, contractId: 3570918, admin: false, isAutomated: true };
    answer(
      'order/liquidateposition',
      { body: { 'p-ticket': 'tk-77', 'p-time': 3 } },
      { body: { orderId: 880009 } },
    );
    const outcome = rest().post('order/liquidateposition', body, 'tok-1');
    await vi.waitFor(() => expect(warnings('penalty ticket: waiting before sending again')).toBe(1));
    clock.advance(2999);
    expect(count('order/liquidateposition')).toBe(1);
    clock.advance(1);
    expect(await outcome).toEqual({ kind: 'ok', body: { orderId: 880009 } });
    expect(seen.map((s) => s.body)).toEqual([body, { ...body, 'p-ticket': 'tk-77' }]);
  });

  it('penalties are honoured a few times at most, then rate limited', async () => {
    answer('order/cancelorder', { body: { 'p-ticket': 'again', 'p-time': 1 } });
    const client = createRestClient({ baseUrl, clock, logger, maxTickets: 2 });
    const outcome = client.post('order/cancelorder', { orderId: 1, isAutomated: true }, 'tok-1');
    for (let waited = 1; waited <= 2; waited += 1) {
      await vi.waitFor(() => expect(warnings('penalty ticket: waiting before sending again')).toBe(waited));
      clock.advance(1000);
    }
    expect(await outcome).toEqual({
      kind: 'rateLimited',
      error: 'order/cancelorder: Tradovate asked to wait 1 s (penalty 3)',
      retryAfterMs: 1000,
    });
    expect(count('order/cancelorder')).toBe(3);
  });

  it('a captcha penalty closes the API: typed, not retried', async () => {
    answer('auth/accesstokenrequest', { body: { 'p-ticket': 'x', 'p-time': 60, 'p-captcha': true } });
    expect(await rest().post('auth/accesstokenrequest', {}, null)).toEqual({
      kind: 'captcha',
      error: CAPTCHA_CLOSED,
    });
    expect(count('auth/accesstokenrequest')).toBe(1);
  });

  it('HTTP 200 with errorText is a refusal with its text', async () => {
    answer('order/placeorder', { body: { errorText: 'Access is denied' } });
    expect(await rest().post('order/placeorder', {}, 'tok-1')).toEqual({
      kind: 'refused',
      errorText: 'Access is denied',
    });
  });

  it('no answer in time is an uncertain failure (the order may have been placed)', async () => {
    answer('order/placeorder', null);
    const outcome = rest().post('order/placeorder', {}, 'tok-1');
    await vi.waitFor(() => expect(count('order/placeorder')).toBe(1));
    clock.advance(10_000);
    expect(await outcome).toEqual({
      kind: 'failed',
      error: 'order/placeorder: no answer in 10000 ms',
      uncertain: true,
    });
  });
});
