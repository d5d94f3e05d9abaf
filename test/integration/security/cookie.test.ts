// docs/SECURITY.md, "The cookie": opening the page with ?token= sets the token as a cookie that scripts cannot read
// (HttpOnly), that no other site's request carries (SameSite=Strict) and that covers the whole server (Path=/);
// it is set only for a page opened with the right token, and on its own it runs no command from another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveInProcess, type Served } from '../../helpers/serve';
import { bodyOf, exchange, get, headerOf } from './wire';

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

/** The Set-Cookie header's name=value and its attributes, as sent. */
function cookieOf(text: string): { pair: string; attributes: string[] } | null {
  const header = headerOf(text, 'set-cookie');
  if (header === null) return null;
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  return { pair, attributes };
}

describe('the token cookie', () => {
  it('is set by the page opened with ?token=: HttpOnly, SameSite=Strict, Path=/, a session cookie', async () => {
    const answer = await get(port, `/?token=${token}`);
    expect(answer.status).toBe(200);
    expect(cookieOf(answer.text)).toEqual({
      pair: `warden_token=${token}`,
      attributes: ['HttpOnly', 'SameSite=Strict', 'Path=/'],
    });
  });

  it.each([
    ['a wrong ?token=', () => '/?token=wrong'],
    ['the page opened without ?token= (by the cookie)', () => '/'],
    ['an API answer', () => `/api/state?token=${token}`],
    ['the health check', () => `/api/health?token=${token}`],
  ])('is not set for %s', async (_case, path) => {
    const answer = await get(port, path(), { cookie: `warden_token=${token}` });
    expect(cookieOf(answer.text)).toBeNull();
  });

  it('then stands for the token: a reload and a read need nothing else', async () => {
    const cookie = { cookie: `warden_token=${token}` };
    expect((await get(port, '/', cookie)).status).toBe(200);
    expect(bodyOf((await get(port, '/api/state', cookie)).text)).toContain('"id":"SIM-50K"');
  });

  it("runs no command for another origin's page even though the browser sends it along (403)", async () => {
    const body = '{"enabled":true}';
    const answer = await exchange(
      port,
      [
        'POST /api/commands/demo HTTP/1.1',
        `host: 127.0.0.1:${port}`,
        'origin: http://127.0.0.1:5173',
        `cookie: warden_token=${token}`,
        'content-type: application/json',
        `content-length: ${body.length}`,
        'connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    expect(answer.status).toBe(403);
    expect(served.core.view().demo).toBe(false);
  });

  it("opens no WebSocket for another origin's page either (403), but does for our own page", async () => {
    const open = (origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, {
          origin,
          headers: { cookie: `warden_token=${token}` },
        });
        ws.once('message', () => {
          resolve('open');
          ws.close();
        });
        ws.once('unexpected-response', (_request, response) => {
          resolve(String(response.statusCode));
        });
        ws.once('error', () => resolve('error'));
      });
    expect(await open('http://127.0.0.1:5173')).toBe('403');
    expect(await open(`http://127.0.0.1:${port}`)).toBe('open');
  });
});
