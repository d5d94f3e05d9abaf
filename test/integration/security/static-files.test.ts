// docs/SECURITY.md, "Static file paths": the UI's files are served from their folder and from nowhere else. Dot
// segments (plain, percent-encoded, with encoded slashes), absolute paths, null bytes, malformed escapes and
// symlinks that lead out of the folder all get 400/404 and never a byte of a file outside; the requests are sent
// raw, as an attacker would, since fetch would tidy the paths first.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/platform/logger';
import { startServer, type RunningServer } from '../../../main/server/server';
import { serveInProcess, type Served } from '../../helpers/serve';
import { bodyOf, exchange, get, headerOf } from './wire';

const SECRET = 'TOP-SECRET-outside-the-renderer';

let served: Served;
let server: RunningServer;
let port: number;
let token: string;

/**
 * <dir>/secret.txt and <dir>/private/notes.txt lie outside the root <dir>/renderer, which holds index.html,
 * assets/app.js, a link to app.js (inside: served), and links to the secret and the private folder (out: never).
 */
function rendererTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warden-static-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets', 'empty'), { recursive: true });
  mkdirSync(join(dir, 'private'));
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'private', 'notes.txt'), SECRET);
  writeFileSync(join(dir, 'renderer-old.txt'), SECRET); // a sibling whose name starts like the root's
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Warden</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("warden")');
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'assets', 'same.js'));
  symlinkSync(join(dir, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync('../../secret.txt', join(root, 'assets', 'relative-leak.txt'));
  symlinkSync(join(dir, 'private'), join(root, 'private'));
  return root;
}

beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
  token = served.token;
  server = await startServer({
    core: served.core,
    host: '127.0.0.1',
    port: 0,
    token,
    rendererDir: rendererTree(),
    logger: createLogger({ level: 'error', console: false }),
    version: 'test',
  });
  port = server.port;
});
afterAll(async () => {
  await server.close();
  await served.stop();
});

const authorized = () => ({ authorization: `Bearer ${token}` });

describe('static file paths', () => {
  it.each([
    ['/', '<!doctype html><title>Warden</title>', 'text/html; charset=utf-8', 'no-store'],
    ['/index.html', '<!doctype html><title>Warden</title>', 'text/html; charset=utf-8', 'no-store'],
    ['/assets/app.js', 'console.log("warden")', 'text/javascript; charset=utf-8', 'public, max-age=3600'],
    ['/assets/same.js', 'console.log("warden")', 'text/javascript; charset=utf-8', 'public, max-age=3600'],
    ['/assets/./app.js', 'console.log("warden")', 'text/javascript; charset=utf-8', 'public, max-age=3600'],
  ])('serves %s from the folder, with its CSP and nosniff', async (path, body, type, cache) => {
    const answer = await get(port, path, authorized());
    expect(answer.status).toBe(200);
    expect(bodyOf(answer.text)).toBe(body);
    expect(headerOf(answer.text, 'content-type')).toBe(type);
    expect(headerOf(answer.text, 'cache-control')).toBe(cache);
    expect(headerOf(answer.text, 'x-content-type-options')).toBe('nosniff');
    expect(headerOf(answer.text, 'content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.each([
    '/../secret.txt',
    '/../../../../../../etc/passwd',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2E/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/../renderer-old.txt',
    '/%2e%2e/renderer-old.txt',
    '/etc/passwd',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/%2F%2Fetc%2Fpasswd',
    'http://127.0.0.1/../secret.txt',
    '/index.html%00.png',
    '/%00',
    '/assets/%E0%A4%A',
    '/%',
    '/leak.txt',
    '/assets/relative-leak.txt',
    '/private/notes.txt',
    '/private/',
    '/assets/empty',
    '/assets/',
    '/assets',
  ])('refuses %s with 400 or 404, and nothing from outside', async (path) => {
    const answer = await get(port, path, authorized());
    expect([400, 404]).toContain(answer.status);
    expect(answer.text).not.toContain(SECRET);
    expect(answer.text).not.toContain('root:');
  });

  it('answers none of them with a 500, and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/%00', '/%ff%fe', '//', '///'])
      expect((await get(port, path, authorized())).status).not.toBe(500);
    expect((await get(port, '//', authorized())).status).toBe(400);
    expect((await get(port, '/', authorized())).status).toBe(200);
  });

  it('serves nothing at all without the token, not even index.html', async () => {
    const answer = await get(port, '/');
    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain('<title>Warden</title>');
  });

  it('gives the API paths to the API, never to the file server', async () => {
    const answer = await exchange(
      port,
      `GET /api/../index.html HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    );
    // The URL parser resolves the dot segment first: this is /index.html, served as the page it is.
    expect(answer.status).toBe(200);
    expect((await get(port, '/api/index.html', authorized())).status).toBe(404);
  });
});
