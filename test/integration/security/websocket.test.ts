// docs/SECURITY.md, "The WebSocket handshake": without the right token the socket is closed at once with 4401,
// before any frame of ours and without running anything it sent; a malformed upgrade is refused by status, an
// unreadable path (which any page can ask for) answers 404 instead of crashing the server, a client resetting a
// refused upgrade does no harm, and a frame over 64 KiB closes the socket (1009) unread.
import { type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveInProcess, type Served } from '../../helpers/serve';
import { exchange, get, pause } from './wire';

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

type Session = { frames: string[]; code: number; reason: string };

/** Opens a socket, runs `whenOpen`, and collects the frames until it closes. */
function session(
  query: string,
  options: WebSocket.ClientOptions = {},
  whenOpen: (ws: WebSocket) => void = () => undefined,
): Promise<Session> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, options);
    const frames: string[] = [];
    ws.on('message', (data: Buffer) => frames.push(data.toString()));
    ws.once('open', () => whenOpen(ws));
    ws.once('close', (code, reason) => resolve({ frames, code, reason: reason.toString() }));
    ws.once('error', reject);
  });
}

async function healthy(): Promise<void> {
  expect((await get(port, '/api/health')).status).toBe(200);
}

const upgradeHead = (lines: Record<string, string>, requestLine = `GET /ws?token=TOKEN HTTP/1.1`) =>
  [
    requestLine.replace('TOKEN', token),
    ...Object.entries({
      Host: `127.0.0.1:${port}`,
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version': '13',
      ...lines,
    })
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');

describe('the WebSocket token', () => {
  it.each([
    ['no token', ''],
    ['an empty token', '?token='],
    ['a wrong token', '?token=wrong'],
    ['the token without its last character', '?token=SHORT'],
  ])('closes a socket with %s at once (4401), having sent it nothing', async (_case, query) => {
    const closed = await session(query.replace('SHORT', token.slice(0, -1)));
    expect(closed).toEqual({ frames: [], code: 4401, reason: 'unauthorized' });
  });

  it('runs nothing an unauthorized socket sends in its first breath', async () => {
    const closed = await session('?token=wrong', {}, (ws) => {
      ws.send(JSON.stringify({ id: 1, command: 'setDemo', args: { enabled: true } }));
      ws.send(JSON.stringify({ id: 2, command: 'flatten', args: { all: true } }));
    });
    expect(closed.code).toBe(4401);
    expect(closed.frames).toEqual([]);
    expect(served.core.view().demo).toBe(false);
  });

  it('takes the token as a Bearer header from a client that is not a browser', async () => {
    const opened = await session('', { headers: { authorization: `Bearer ${token}` } }, (ws) => {
      setTimeout(() => ws.close(1000), 100);
    });
    expect(opened.code).toBe(1000);
    expect(opened.frames.map((frame) => (JSON.parse(frame) as { type: string }).type)).toContain('state');
  });
});

describe('malformed upgrades', () => {
  it.each([
    ['no Sec-WebSocket-Key', 400, { 'Sec-WebSocket-Key': '' }, undefined],
    ['a key that is not 16 bytes of base64', 400, { 'Sec-WebSocket-Key': 'short' }, undefined],
    ['a protocol version it does not speak', 400, { 'Sec-WebSocket-Version': '99' }, undefined],
    ['no protocol version', 400, { 'Sec-WebSocket-Version': '' }, undefined],
    ['another protocol than websocket', 400, { Upgrade: 'h2c' }, undefined],
    ['a POST', 405, {}, 'POST /ws?token=TOKEN HTTP/1.1'],
    ['another path', 404, {}, 'GET /api/state?token=TOKEN HTTP/1.1'],
    [
      'a path no URL parser reads ("//", what new WebSocket("ws://host//") asks for)',
      404,
      {},
      'GET // HTTP/1.1',
    ],
    ['another unreadable path', 404, {}, 'GET /\\\\ HTTP/1.1'],
  ] as const)('refuses %s with %i and goes on serving', async (_case, status, lines, requestLine) => {
    const answer = await exchange(port, upgradeHead(lines, requestLine), { waitMs: 2_000 });
    expect(answer.status).toBe(status);
    expect(answer.text).not.toContain('101 Switching Protocols');
    await healthy();
  });

  it('survives clients that reset the connection in the middle of a refused upgrade', async () => {
    for (const requestLine of ['GET /elsewhere HTTP/1.1', 'GET // HTTP/1.1']) {
      for (let i = 0; i < 20; i += 1) {
        await exchange(port, upgradeHead({ Origin: 'https://evil.example' }, requestLine), {
          waitMs: 200,
          then: (socket: Socket) => socket.resetAndDestroy(),
        });
      }
    }
    await pause(100);
    await healthy();
  });
});

describe('frames', () => {
  it('closes a socket that sends a frame over 64 KiB (1009), without running it', async () => {
    const padded = JSON.stringify({ id: 1, command: 'setDemo', args: { enabled: true } }).padEnd(
      64 * 1024 + 1,
    );
    const closed = await session(`?token=${token}`, {}, (ws) => ws.send(padded));
    expect(closed.code).toBe(1009);
    expect(served.core.view().demo).toBe(false);
    await healthy();
  });

  it('answers a binary frame with an error and runs nothing', async () => {
    const closed = await session(`?token=${token}`, {}, (ws) => {
      ws.send(Buffer.from(JSON.stringify({ id: 1, command: 'setDemo', args: { enabled: true } })));
      setTimeout(() => ws.close(1000), 200);
    });
    expect(closed.frames.map((frame) => JSON.parse(frame) as unknown)).toContainEqual({
      type: 'error',
      error: 'binary frames are not accepted',
    });
    expect(served.core.view().demo).toBe(false);
  });
});
