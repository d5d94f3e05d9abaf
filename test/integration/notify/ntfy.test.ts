// The ntfy channel against a fake ntfy server over a real socket: the exact request for each level, the access
// token, a title with "−" and "·" decoded intact, and each failure's words, which never hold the token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteLevel, RemoteMessage } from '../../../main/notify/channel';
import { createNtfyChannel } from '../../../main/notify/ntfy';
import { startFakeNotifyServer, type FakeNotifyServer } from '../../fakes/notify-server';

const TOKEN = 'tk_7eevizlsiwf9yi4uxsrs83r4352o0';
const TOPIC = '/warden-alerts-7f3k';

function message(level: RemoteLevel, title: string): RemoteMessage {
  return {
    event: 'level',
    level,
    account: 'SIM-50K',
    rule: 'dailyLoss',
    title,
    message: '−951.20 of 1,000.00, 48.80 left',
    t: Date.parse('2026-06-05T12:30:00Z'),
  };
}

/** What ntfy does with a header (Go's mime.WordDecoder): runs of encoded-words decoded, the spaces between dropped. */
function decodeHeader(value: string): string {
  const word = /=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/gi;
  return value.replace(new RegExp(`${word.source}(?:\\s+${word.source})*`, 'gi'), (run) =>
    Buffer.concat([...run.matchAll(word)].map((match) => Buffer.from(match[1] ?? '', 'base64'))).toString(
      'utf8',
    ),
  );
}

let server: FakeNotifyServer;
beforeEach(async () => {
  server = await startFakeNotifyServer();
});
afterEach(async () => {
  await server.close();
});

describe('ntfy: what is sent', () => {
  it.each([
    { level: 'info', priority: '3', tags: 'information_source' },
    { level: 'warning', priority: '4', tags: 'warning' },
    { level: 'critical', priority: '5', tags: 'rotating_light' },
  ] as const)('$level: POST of the text to the topic, priority $priority, tags $tags', async (row) => {
    const channel = createNtfyChannel({ url: server.origin + TOPIC });
    expect(channel.id).toBe('ntfy');
    await channel.send(message(row.level, `SIM-50K daily loss ${row.level}`));
    const [request] = await server.waitForRequests(1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(TOPIC);
    expect(request?.body).toBe('−951.20 of 1,000.00, 48.80 left');
    expect(request?.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      title: `SIM-50K daily loss ${row.level}`,
      priority: row.priority,
      tags: row.tags,
    });
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('sends the access token as a Bearer authorization', async () => {
    await createNtfyChannel({ url: server.origin + TOPIC, token: TOKEN }).send(message('critical', 'x'));
    const [request] = await server.waitForRequests(1);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends a title with "−" and "·" as an RFC 2047 encoded-word that decodes to the same text', async () => {
    const title = 'SIM-50K daily loss critical · −951.20';
    await createNtfyChannel({ url: server.origin + TOPIC }).send(message('critical', title));
    const [request] = await server.waitForRequests(1);
    expect(request?.headers.title).toBe(
      '=?UTF-8?B?U0lNLTUwSyBkYWlseSBsb3NzIGNyaXRpY2FsIMK3IOKIkjk1MS4yMA==?=',
    );
    expect(decodeHeader(request?.headers.title as string)).toBe(title);
  });

  it('splits a long title into encoded-words of at most 75 characters, never inside a character', async () => {
    const title = 'Apex 7 · daily loss −951.20 of 1,000.00 · 48.80 left · trailing drawdown';
    await createNtfyChannel({ url: server.origin + TOPIC }).send(message('warning', title));
    const [request] = await server.waitForRequests(1);
    const header = request?.headers.title as string;
    expect(header).toBe(
      '=?UTF-8?B?QXBleCA3IMK3IGRhaWx5IGxvc3Mg4oiSOTUxLjIwIG9mIDEsMDAwLjAwIMK3?= ' +
        '=?UTF-8?B?IDQ4LjgwIGxlZnQgwrcgdHJhaWxpbmcgZHJhd2Rvd24=?=',
    );
    for (const word of header.split(' ')) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(decodeHeader(header)).toBe(title);
  });

  it('encodes an ASCII title that would otherwise be read as an encoded-word', async () => {
    await createNtfyChannel({ url: server.origin + TOPIC }).send(message('info', 'a =?x?= b'));
    const [request] = await server.waitForRequests(1);
    expect(request?.headers.title).toBe('=?UTF-8?B?YSA9P3g/PSBi?=');
    expect(decodeHeader(request?.headers.title as string)).toBe('a =?x?= b');
  });
});

describe('ntfy: failures in words, never with the token', () => {
  const send = (options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
    createNtfyChannel({ url: server.origin + TOPIC, token: TOKEN, ...options }).send(
      message('critical', 'SIM-50K daily loss critical'),
      options.signal,
    );

  async function failure(sending: Promise<void>): Promise<string> {
    const error = await sending.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    const words = (error as Error).message;
    expect(words).not.toContain(TOKEN);
    return words;
  }

  it.each([
    {
      answer: {
        status: 403,
        body: '{"code":40301,"http":403,"error":"forbidden","link":"https://ntfy.sh/docs"}',
      },
      words: 'ntfy answered 403: forbidden',
    },
    {
      answer: { status: 500, body: 'Internal Server Error\n' },
      words: 'ntfy answered 500: Internal Server Error',
    },
    { answer: { status: 502, body: '' }, words: 'ntfy answered 502: Bad Gateway' },
    { answer: { status: 301, body: '' }, words: 'ntfy answered 301: Moved Permanently' },
  ])('$answer.status → $words', async ({ answer, words }) => {
    server.answer(TOPIC, { kind: 'status', ...answer });
    expect(await failure(send())).toBe(words);
  });

  it('cuts a long answer to one line of 120 characters', async () => {
    server.answer(TOPIC, { kind: 'status', status: 500, body: `line one\n${'x'.repeat(200)}` });
    expect(await failure(send())).toBe(`ntfy answered 500: line one ${'x'.repeat(110)}…`);
  });

  it('hides the token when the server echoes it', async () => {
    server.answer(TOPIC, { kind: 'status', status: 401, body: `bad token Bearer ${TOKEN}` });
    expect(await failure(send())).toBe('ntfy answered 401: bad token Bearer [redacted]');
  });

  it('gives up on a server that never answers after the timeout', async () => {
    server.answer(TOPIC, { kind: 'hang' });
    expect(await failure(send({ timeoutMs: 200 }))).toBe('ntfy timed out after 0.2 s');
    expect(server.requests).toHaveLength(1);
  });

  it('says the host and the cause when the connection is dropped or refused', async () => {
    server.answer(TOPIC, { kind: 'close' });
    const host = server.origin.slice('http://'.length);
    expect(await failure(send())).toBe(`cannot reach ${host}: other side closed`);
    await server.close();
    expect(await failure(send())).toBe(`cannot reach ${host}: ECONNREFUSED`);
    server = await startFakeNotifyServer();
  });

  it('abandons the send when the caller aborts it', async () => {
    server.answer(TOPIC, { kind: 'hang' });
    const controller = new AbortController();
    const sending = failure(send({ signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort();
    expect(await sending).toBe('ntfy send aborted');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const aborted = AbortSignal.abort();
    expect(await failure(send({ signal: aborted }))).toBe('ntfy send aborted');
    await send();
    const requests = await server.waitForRequests(1);
    expect(requests).toHaveLength(1);
  });
});
