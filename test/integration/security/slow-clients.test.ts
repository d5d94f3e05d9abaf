// docs/SECURITY.md, "Slow and greedy clients": a client that trickles its headers (slowloris) or its body, or that
// connects and says nothing, is cut off by the server's timeouts rather than held open; a WebSocket client that
// stops reading is dropped before our output piles up in memory; and none of them keeps a good client waiting.
// The timeouts are shortened here (the production values are asserted at the end).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { memoryLogger } from '../../../main/platform/logger';
import { defaultServerLimits, startServer, type RunningServer } from '../../../main/server/server';
import { rendererDir, serveInProcess, type Served } from '../../helpers/serve';
import { exchange, get, pause } from './wire';

let served: Served;
let server: RunningServer;
let port: number;
const logger = memoryLogger();

/** How late a timeout may fire on a loaded machine: still far from Node's defaults (60 s, 300 s). */
const SLACK_MS = 2_500;

const limits = {
  headersTimeoutMs: 600,
  requestTimeoutMs: 1_500,
  timeoutCheckMs: 100,
  keepAliveTimeoutMs: 500,
  maxUnreadBytes: 256 * 1024,
};

beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
  server = await startServer({
    core: served.core,
    host: '127.0.0.1',
    port: 0,
    token: served.token,
    rendererDir,
    logger,
    version: 'test',
    limits,
  });
  port = server.port;
});
afterAll(async () => {
  await server.close();
  await served.stop();
});

/** Writes `line` every `everyMs` until the socket closes. */
function trickle(socket: Socket, line: () => string, everyMs: number): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) clearInterval(timer);
    else socket.write(line());
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

describe('slow clients', () => {
  it('cuts off a slowloris that trickles header lines forever (408, closed)', async () => {
    let n = 0;
    const answer = await exchange(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, {
      waitMs: 5_000,
      then: (socket) => trickle(socket, () => `X-Slow-${n++}: a\r\n`, 100),
    });
    expect(answer.closedByServer).toBe(true);
    expect(answer.status).toBe(408);
    expect(answer.ms).toBeLessThan(limits.headersTimeoutMs + SLACK_MS);
  });

  it('cuts off a request line trickled a byte at a time', async () => {
    const line = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
    let at = 0;
    const answer = await exchange(port, line.slice(0, 1), {
      waitMs: 5_000,
      then: (socket) => trickle(socket, () => line.charAt(++at % (line.length - 4)), 150),
    });
    expect(answer.closedByServer).toBe(true);
    expect(answer.ms).toBeLessThan(limits.headersTimeoutMs + SLACK_MS);
  });

  it('cuts off a connection that sends nothing at all', async () => {
    const answer = await exchange(port, '', { waitMs: 5_000 });
    expect(answer.closedByServer).toBe(true);
    expect(answer.ms).toBeLessThan(limits.headersTimeoutMs + SLACK_MS);
  });

  it('cuts off a command whose body trickles in, and does not run it (408)', async () => {
    const body = '{"enabled":true}'.padEnd(400, ' ');
    let at = 0;
    const head = [
      'POST /api/commands/demo HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Authorization: Bearer ${served.token}`,
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
      '',
      '',
    ].join('\r\n');
    const answer = await exchange(port, head, {
      waitMs: 6_000,
      then: (socket) => trickle(socket, () => body.charAt(at++), 50),
    });
    expect(answer.closedByServer).toBe(true);
    expect(answer.status).toBe(408);
    expect(answer.ms).toBeLessThan(limits.requestTimeoutMs + SLACK_MS);
    expect(served.core.view().demo).toBe(false);
  });

  it('closes an idle kept-alive connection after the keep-alive timeout (Node adds a second)', async () => {
    const answer = await exchange(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, {
      waitMs: 5_000,
    });
    expect(answer.status).toBe(200);
    expect(answer.closedByServer).toBe(true);
    expect(answer.ms).toBeLessThan(limits.keepAliveTimeoutMs + 1_000 + SLACK_MS);
  });

  it('keeps answering good clients while 50 slowloris connections are open', async () => {
    let firstCutOff = Infinity;
    const sockets = Array.from({ length: 50 }, (_, i) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => (firstCutOff = Math.min(firstCutOff, Date.now())));
      socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
      trickle(socket, () => `X-Slow-${i}: a\r\n`, 100);
      return socket;
    });
    try {
      await pause(100);
      const answer = await get(port, '/api/health');
      const answeredAt = Date.now();
      expect(answer.status).toBe(200);
      // Answered while they were all still there, not once the server had cut them off.
      expect(answeredAt).toBeLessThan(firstCutOff);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

describe('a WebSocket client that stops reading', () => {
  it('is dropped once our unread output passes the limit, and the server goes on', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${served.token}`);
    await new Promise((resolve, reject) => {
      ws.once('message', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    // The client reads nothing more, and asks for the whole state over and over.
    const raw = (ws as unknown as { _socket: Socket })._socket;
    raw.pause();
    const dropped = () => logger.lines.some((line) => line.message === 'dropped a client that does not read');
    for (let id = 1; id <= 20_000 && !dropped(); id += 1) {
      ws.send(JSON.stringify({ id, command: 'getState', args: {} }));
      if (id % 500 === 0) await pause(20);
    }
    for (let waited = 0; waited < 5_000 && !dropped(); waited += 50) await pause(50);
    expect(dropped()).toBe(true);
    raw.resume();
    expect(await closed).toBe(1006);
    expect((await get(port, '/api/health')).status).toBe(200);
  });
});

describe('the production limits', () => {
  it('time out headers within 10 s and a whole request within 30 s, checked every second', () => {
    expect(defaultServerLimits).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      timeoutCheckMs: 1_000,
      keepAliveTimeoutMs: 5_000,
      maxBodyBytes: 64 * 1024,
      maxFrameBytes: 64 * 1024,
      maxUnreadBytes: 8 * 1024 * 1024,
    });
  });
});
