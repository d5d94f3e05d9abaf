// docs/SECURITY.md, "The Origin check": a page of another origin in the trader's browser (another local port,
// another site, a sandboxed frame) can neither open the WebSocket nor read an answer: the upgrade is refused
// with 403 whatever token or cookie comes with it, and no answer carries a CORS header that would let it read.
// (Commands over HTTP: test/integration/server-origin.test.ts and, in Chromium, test/e2e/cross-origin.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveInProcess, type Served } from '../../helpers/serve';
import { exchange, get } from './wire';

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

/** 'open' when the socket opened and the state arrived, else the HTTP status the upgrade got. */
function openSocket(origin: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, {
      ...(origin === undefined ? {} : { origin }),
      headers: { cookie: `warden_token=${token}` },
    });
    ws.once('message', () => {
      resolve('open');
      ws.close();
    });
    ws.once('unexpected-response', (_request, response) => {
      resolve(String(response.statusCode));
    });
    ws.once('error', (error) => resolve(`error: ${error.message}`));
  });
}

describe('the Origin check on the WebSocket', () => {
  it.each([
    ['another local port', 'http://127.0.0.1:5173'],
    ['another name for this server', 'http://localhost:PORT'],
    ['another site', 'https://evil.example'],
    ['a sandboxed frame or file: page (opaque)', 'null'],
    ['a file: URL', 'file:///home/trader/attack.html'],
    ['something that is not a URL', 'not an origin'],
  ])('refuses %s with 403, token and cookie notwithstanding', async (_case, origin) => {
    expect(await openSocket(origin.replace('PORT', String(port)))).toBe('403');
  });

  it('opens for our own page, and for a client that sends no Origin (a script)', async () => {
    expect(await openSocket(`http://127.0.0.1:${port}`)).toBe('open');
    expect(await openSocket(undefined)).toBe('open');
  });
});

describe('no cross-origin reads', () => {
  it('answers a read from another origin without any Access-Control-Allow-* header', async () => {
    const answer = await get(port, '/api/state', {
      origin: 'https://evil.example',
      authorization: `Bearer ${token}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.text.toLowerCase()).not.toContain('access-control-allow');
    expect(answer.text.toLowerCase()).toContain('x-content-type-options: nosniff');
  });

  it('answers a CORS preflight for a JSON command with no permission (a preflight carries no token: 401)', async () => {
    const answer = await exchange(
      port,
      [
        'OPTIONS /api/commands/flatten HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Origin: https://evil.example',
        'Access-Control-Request-Method: POST',
        'Access-Control-Request-Headers: content-type, authorization',
        'Connection: close',
        '',
        '',
      ].join('\r\n'),
    );
    expect(answer.status).toBe(401);
    expect(answer.text.toLowerCase()).not.toContain('access-control-allow');
  });
});
