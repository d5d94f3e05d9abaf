// docs/SECURITY.md, "The Host check" (DNS rebinding): a page whose own domain was made to resolve to 127.0.0.1
// sends its domain as Host, and is refused (421 for HTTP, 404 for the WebSocket) before the token is even looked
// at. Bound to every address, any name reaches the server and the token alone stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHost } from '../../../main/server/auth';
import { createLogger } from '../../../main/platform/logger';
import { startServer, type RunningServer } from '../../../main/server/server';
import { rendererDir, serveInProcess, type Served } from '../../helpers/serve';
import { bodyOf, exchange, get } from './wire';

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

const upgrade = (serverPort: number, host: string) =>
  exchange(
    serverPort,
    [
      `GET /ws?token=${token} HTTP/1.1`,
      `Host: ${host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
    { waitMs: 1_000 },
  );

describe('the Host check', () => {
  const foreign = [
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1.evil.example:PORT',
    'localhost.evil.example',
    'localhost.:PORT',
    'LOCALHOST:PORT',
    '0.0.0.0:PORT',
    '192.168.1.50:PORT',
    '',
  ];

  it.each(foreign)('refuses Host "%s" with 421, even with the token', async (host) => {
    for (const path of ['/api/health', '/api/state', '/']) {
      const answer = await get(port, path, {
        host: host.replace('PORT', String(port)),
        authorization: `Bearer ${token}`,
      });
      expect(answer.status).toBe(421);
      expect(JSON.parse(bodyOf(answer.text))).toEqual({ ok: false, error: 'unexpected Host header' });
    }
  });

  it.each(foreign)('refuses a WebSocket upgrade with Host "%s" (404)', async (host) => {
    const answer = await upgrade(port, host.replace('PORT', String(port)));
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain('101 Switching Protocols');
  });

  it('refuses a request with no Host at all (HTTP/1.0)', async () => {
    const answer = await exchange(port, `GET /api/state HTTP/1.0\r\nAuthorization: Bearer ${token}\r\n\r\n`);
    expect(answer.status).toBe(421);
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', '[::1]:PORT', '127.0.0.1', 'localhost'])(
    'takes the loopback name "%s"',
    async (host) => {
      const answer = await get(port, '/api/state', {
        host: host.replace('PORT', String(port)),
        authorization: `Bearer ${token}`,
      });
      expect(answer.status).toBe(200);
    },
  );

  it.each([
    // [listening on, Host, allowed]
    ['127.0.0.1', '192.168.1.50:4870', false],
    ['127.0.0.1', 'localhost:4870', true],
    ['192.168.1.50', '192.168.1.50:4870', true],
    ['192.168.1.50', 'evil.example:4870', false],
    ['192.168.1.50', 'tradingbox.local:4870', false],
    ['0.0.0.0', 'evil.example:4870', true],
    ['::', 'evil.example:4870', true],
    ['::', '[fe80::1]:4870', true],
    ['::1', '[::1]:4870', true],
    ['::1', 'evil.example:4870', false],
  ] as const)('listening on %s, Host %s is allowed: %s', (listen, host, allowed) => {
    expect(allowedHost(host, listen)).toBe(allowed);
  });
});

describe('bound beyond loopback', () => {
  let wide: RunningServer;

  beforeAll(async () => {
    wide = await startServer({
      core: served.core,
      host: '0.0.0.0',
      port: 0,
      token,
      rendererDir,
      logger: createLogger({ level: 'error', console: false }),
      version: 'test',
    });
  });
  afterAll(async () => {
    await wide.close();
  });

  it('answers any name, so the token is what stands: 401 without it, 200 with it', async () => {
    const host = `192.168.1.50:${wide.port}`;
    expect((await get(wide.port, '/api/state', { host })).status).toBe(401);
    expect((await get(wide.port, '/api/state', { host: `evil.example:${wide.port}` })).status).toBe(401);
    expect((await get(wide.port, '/api/state', { host, authorization: `Bearer ${token}` })).status).toBe(200);
  });
});
