// docs/SECURITY.md, "Body and header limits": a command body over 64 KiB is refused with 413 as soon as that is
// known (its Content-Length, or the 64 KiB streamed), without reading the rest, and the connection is closed; a
// body of exactly 64 KiB still runs. Headers over Node's 16 KiB are refused with 431.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInProcess, type Served } from '../../helpers/serve';
import { bodyOf, exchange } from './wire';

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

const LIMIT = 64 * 1024;
const TOO_LARGE = { ok: false, error: `request body larger than ${LIMIT} bytes` };

const head = (extra: string[]) =>
  [
    'POST /api/commands/demo HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    `Authorization: Bearer ${token}`,
    'Content-Type: application/json',
    ...extra,
    '',
    '',
  ].join('\r\n');

/** `{"enabled":true}` padded with spaces to exactly `size` bytes: valid JSON of any length. */
const padded = (size: number) => `{"enabled":true}`.padEnd(size, ' ');

describe('the body limit', () => {
  it('refuses a declared 100 MB body with 413 at once, having read none of it, and closes', async () => {
    const answer = await exchange(port, `${head(['Content-Length: 104857600'])}${'x'.repeat(1024)}`);
    expect(answer.status).toBe(413);
    expect(JSON.parse(bodyOf(answer.text))).toEqual(TOO_LARGE);
    expect(answer.closedByServer).toBe(true);
    expect(answer.ms).toBeLessThan(2_000);
    expect(served.core.view().demo).toBe(false);
  });

  it('refuses a streamed body (chunked, no length) with 413 once 64 KiB are in, without waiting for its end', async () => {
    // 72 KiB in 8 KiB chunks, and then nothing: the body never ends, so only a server that counts as it reads
    // answers at all (one that reads to the end would wait for ever).
    const chunk = `2000\r\n${' '.repeat(8 * 1024)}\r\n`;
    const answer = await exchange(port, head(['Transfer-Encoding: chunked']) + chunk.repeat(9), {
      waitMs: 5_000,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(bodyOf(answer.text))).toEqual(TOO_LARGE);
    expect(answer.closedByServer).toBe(true);
    expect(served.core.view().demo).toBe(false);
  });

  it('runs a body of exactly 64 KiB, and refuses one byte more', async () => {
    const send = (body: string) =>
      exchange(port, `${head([`Content-Length: ${body.length}`, 'Connection: close'])}${body}`);
    const atLimit = await send(padded(LIMIT));
    expect(atLimit.status).toBe(200);
    expect(served.core.view().demo).toBe(true);
    const over = await send(padded(LIMIT + 1).replace('true', 'false'));
    expect(over.status).toBe(413);
    expect(served.core.view().demo).toBe(true);
    await served.core.command('setDemo', { enabled: false });
  });

  it('refuses headers over 16 KiB with 431, before any token or route is looked at', async () => {
    const answer = await exchange(
      port,
      head([`X-Filler: ${'a'.repeat(20 * 1024)}`, 'Content-Length: 2']) + '{}',
    );
    expect(answer.status).toBe(431);
    expect(answer.closedByServer).toBe(true);
  });
});
