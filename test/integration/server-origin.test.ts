// `warden serve` takes state-changing requests only from its own page (Origin, else Referer) or from a client
// that is not a browser page (neither header), and command bodies only as JSON: over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInProcess, type Served } from '../helpers/serve';

let served: Served;
let base: string;

beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
  base = `http://127.0.0.1:${served.server.port}`;
});
afterAll(async () => {
  await served.stop();
});

/** Turns demo mode on or off: a harmless command whose effect shows in the state. */
async function postDemo(enabled: boolean, headers: Record<string, string>) {
  const response = await fetch(`${base}/api/commands/demo`, {
    method: 'POST',
    headers: { authorization: `Bearer ${served.token}`, ...headers },
    body: JSON.stringify({ enabled }),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string } };
}

const json = { 'content-type': 'application/json' };

describe('state-changing requests and their origin', () => {
  it.each([
    ['Origin of another local port', { origin: 'http://127.0.0.1:5173' }],
    ['Origin of another host name', { origin: 'http://localhost:PORT' }],
    ['an opaque Origin (sandboxed frame, file://)', { origin: 'null' }],
    ['no Origin, Referer of another port', { referer: 'http://127.0.0.1:5173/attack.html' }],
  ])('refuses a command with %s (403) and changes nothing', async (_case, headers) => {
    const port = String(served.server.port);
    const shown = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', port)]));
    const answer = await postDemo(true, { ...json, ...shown });
    expect(answer).toEqual({
      status: 403,
      body: { ok: false, error: 'commands are accepted only from Warden’s own page' },
    });
    expect(served.core.view().demo).toBe(false);
  });

  it("takes a command whose Origin or Referer is the server's own", async () => {
    expect((await postDemo(true, { ...json, origin: base })).status).toBe(200);
    expect(served.core.view().demo).toBe(true);
    expect((await postDemo(false, { ...json, referer: `${base}/?token=x` })).status).toBe(200);
    expect(served.core.view().demo).toBe(false);
  });

  it('takes a command from a client that sends neither header (curl, a script)', async () => {
    expect((await postDemo(true, json)).status).toBe(200);
    expect(served.core.view().demo).toBe(true);
    expect((await postDemo(false, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect(served.core.view().demo).toBe(false);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON under another type', { 'content-type': 'application/json-patch+json' }],
  ])('refuses a command body sent as %s (415), even from its own page', async (_case, headers) => {
    const answer = await postDemo(true, { ...headers, origin: base });
    expect(answer).toEqual({
      status: 415,
      body: { ok: false, error: 'send the command as JSON (Content-Type: application/json)' },
    });
    expect(served.core.view().demo).toBe(false);
  });
});
