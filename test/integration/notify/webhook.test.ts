// The webhook channel against a fake receiver over a real socket: the exact JSON body and headers, a signature
// the receiver verifies with node:crypto (and a tampered body fails), and each failure's words, never the secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteMessage } from '../../../main/notify/channel';
import { createWebhookChannel, signatureOf } from '../../../main/notify/webhook';
import { startFakeNotifyServer, type FakeNotifyServer } from '../../fakes/notify-server';

const SECRET = 'whsec-4f1c9a';
const HOOK = '/hooks/warden?id=7';

const critical: RemoteMessage = {
  event: 'level',
  level: 'critical',
  account: 'SIM-50K',
  rule: 'dailyLoss',
  title: 'SIM-50K daily loss critical · −951.20',
  message: '−951.20 of 1,000.00, 48.80 left',
  t: Date.parse('2026-06-05T12:30:00Z'),
  buttons: [[{ text: 'Flatten', data: 'flatten:SIM-50K' }]],
};
const CRITICAL_BODY =
  '{"event":"level","level":"critical","account":"SIM-50K","rule":"dailyLoss",' +
  '"title":"SIM-50K daily loss critical · −951.20","message":"−951.20 of 1,000.00, 48.80 left",' +
  '"t":"2026-06-05T12:30:00.000Z"}';
/** `printf '%s' "$CRITICAL_BODY" | openssl dgst -sha256 -hmac whsec-4f1c9a` */
const CRITICAL_SIGNATURE = 'sha256=079d0b5b84def2008489f72fb6e9e9dd608160ee4f6a647182c751df785e7d7a';

/** A receiver's check, as its documentation would show it: HMAC of the raw body, compared in constant time. */
function verifies(body: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let server: FakeNotifyServer;
beforeEach(async () => {
  server = await startFakeNotifyServer();
});
afterEach(async () => {
  await server.close();
});

describe('webhook: what is sent', () => {
  it('POSTs the JSON body in the documented key order, signed', async () => {
    const channel = createWebhookChannel({ url: server.origin + HOOK, secret: SECRET });
    expect(channel.id).toBe('webhook');
    await channel.send(critical);
    const [request] = await server.waitForRequests(1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(HOOK);
    expect(request?.body).toBe(CRITICAL_BODY);
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-warden-signature': CRITICAL_SIGNATURE,
      'content-length': String(Buffer.byteLength(CRITICAL_BODY)),
    });
    expect(request?.headers.authorization).toBeUndefined();
  });

  it.each([
    {
      message: {
        event: 'connection',
        level: 'warning',
        account: null,
        rule: null,
        title: 'Broker link down',
      },
      body: '{"event":"connection","level":"warning","account":null,"rule":null,"title":"Broker link down"',
    },
    {
      message: { event: 'daySummary', level: 'info', account: 'Apex 7', rule: null, title: 'Day summary' },
      body: '{"event":"daySummary","level":"info","account":"Apex 7","rule":null,"title":"Day summary"',
    },
  ] as const)('$message.event, $message.level: nulls kept, t in UTC', async (row) => {
    await createWebhookChannel({ url: server.origin + HOOK, secret: SECRET }).send({
      ...row.message,
      message: 'Net −120.50, 4 trades',
      t: Date.UTC(2026, 5, 5, 22, 0, 0, 5),
    });
    const [request] = await server.waitForRequests(1);
    expect(request?.body).toBe(
      `${row.body},"message":"Net −120.50, 4 trades","t":"2026-06-05T22:00:00.005Z"}`,
    );
    expect(verifies(request?.body ?? '', request?.headers['x-warden-signature'] as string, SECRET)).toBe(
      true,
    );
  });
});

describe('webhook: the receiver checks the signature', () => {
  it('signatureOf is the lowercase hex HMAC-SHA256 of the body with the secret', () => {
    expect(signatureOf(CRITICAL_BODY, SECRET)).toBe(CRITICAL_SIGNATURE);
    expect(signatureOf('', 'key')).toBe(
      'sha256=5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0',
    );
  });

  it('verifies the body as received, and fails for a tampered body, another secret or no signature', async () => {
    await createWebhookChannel({ url: server.origin + HOOK, secret: SECRET }).send(critical);
    const [request] = await server.waitForRequests(1);
    const header = request?.headers['x-warden-signature'] as string;
    const body = request?.body ?? '';
    expect(verifies(body, header, SECRET)).toBe(true);
    expect(verifies(body.replace('−951.20 of', '−51.20 of'), header, SECRET)).toBe(false);
    expect(verifies(body.replace('"critical"', '"info"'), header, SECRET)).toBe(false);
    expect(verifies(body, header, 'whsec-other')).toBe(false);
    expect(verifies(body, undefined, SECRET)).toBe(false);
  });
});

describe('webhook: failures in words, never with the secret', () => {
  const send = (options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
    createWebhookChannel({ url: server.origin + HOOK, secret: SECRET, ...options }).send(
      critical,
      options.signal,
    );

  async function failure(sending: Promise<void>): Promise<string> {
    const error = await sending.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    const words = (error as Error).message;
    expect(words).not.toContain(SECRET);
    return words;
  }

  it.each([
    { answer: { status: 403, body: 'forbidden' }, words: 'webhook answered 403: forbidden' },
    {
      answer: { status: 500, body: 'Internal Server Error' },
      words: 'webhook answered 500: Internal Server Error',
    },
    { answer: { status: 404, body: '' }, words: 'webhook answered 404: Not Found' },
    {
      answer: { status: 401, body: `{"error":"bad signature for secret ${SECRET}"}` },
      words: 'webhook answered 401: bad signature for secret [redacted]',
    },
  ])('$answer.status → $words', async ({ answer, words }) => {
    server.answer(HOOK, { kind: 'status', ...answer });
    expect(await failure(send())).toBe(words);
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    server.answer(HOOK, { kind: 'hang' });
    expect(await failure(send({ timeoutMs: 150 }))).toBe('webhook timed out after 0.15 s');
  });

  it('says the host and the cause when the connection is dropped or refused', async () => {
    server.answer(HOOK, { kind: 'close' });
    const host = server.origin.slice('http://'.length);
    expect(await failure(send())).toBe(`cannot reach ${host}: other side closed`);
    await server.close();
    expect(await failure(send())).toBe(`cannot reach ${host}: ECONNREFUSED`);
    server = await startFakeNotifyServer();
  });

  it('abandons the send when the caller aborts it', async () => {
    server.answer(HOOK, { kind: 'hang' });
    const controller = new AbortController();
    const sending = failure(send({ signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort();
    expect(await sending).toBe('webhook send aborted');
  });
});
