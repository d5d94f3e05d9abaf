// The REST client's warm line against a real HTTP server on loopback, its waits on a manual clock: a ping opens a
// connection as soon as the idle one closes, but one the gateway answered with 429 (too many requests) makes the
// next wait twice the gap, even though its connection stayed open.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { onConnectionClosed, openConnections } from '../../../../main/broker/json-request';
import { createRateLimiter } from '../../../../main/broker/projectx/rate-limiter';
import { createRestClient, type RestClient } from '../../../../main/broker/projectx/rest-client';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';

const running: { server: Server; rest: RestClient }[] = [];
afterEach(async () => {
  for (const { server, rest } of running.splice(0)) {
    rest.keepWarm(false);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A gateway answering each ping with the next status of `statuses` (200 once they run out). */
async function gateway(statuses: number[]) {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.statusCode = statuses.shift() ?? 200;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clock = createManualClock(0);
  const rest = createRestClient({
    baseUrl,
    limiter: createRateLimiter(clock),
    logger: memoryLogger(),
    clock,
    warmLineMinGapMs: 2000,
  });
  running.push({ server, rest });
  return { seen, server, clock, rest, url: `${baseUrl}/api/Status/ping` };
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The server lets its idle connection go; resolves once the client has seen it close. */
function closeIdle(g: Awaited<ReturnType<typeof gateway>>): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    const stop = onConnectionClosed(g.url, () => {
      stop();
      resolve();
    });
  });
  g.server.closeIdleConnections();
  return closed;
}

describe("the ProjectX REST client's warm line", () => {
  it('pings again at once when a connection that lasted closes', async () => {
    const g = await gateway([]);
    g.rest.keepWarm(true);
    await until('the first ping answered', () => g.seen.length === 1 && openConnections(g.url) === 1);
    g.clock.advance(3000);
    await closeIdle(g);
    await until('the second ping', () => g.seen.length === 2);
    expect(g.seen).toEqual(['GET /api/Status/ping', 'GET /api/Status/ping']);
  });

  it('after a ping answered 429, waits twice the gap before the next', async () => {
    const g = await gateway([429]);
    g.rest.keepWarm(true);
    await until('the refused ping answered', () => g.seen.length === 1 && openConnections(g.url) === 1);
    g.clock.advance(3000);
    await closeIdle(g);
    // Not at once, as after a ping answered 200: the line waits until 4 s after the 429.
    expect(g.clock.pendingTimers()).toBe(1);
    expect(g.seen).toHaveLength(1);
    g.clock.advance(1000);
    await until('the next ping', () => g.seen.length === 2);
    expect(g.seen).toEqual(['GET /api/Status/ping', 'GET /api/Status/ping']);
  });
});
