// The Tradovate socket's life against a real `ws` server on 127.0.0.1: authorize accepted or refused, a server
// that never opens, `[]` every 2.5 s of the manual clock (frames counted on the server), silence reported as a
// dead link, the server's `c` frame or a dropped socket reported once, and `close()` ending it quietly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectSocket } from '../../../../../main/broker/tradovate/wire/socket';
import { memoryLogger } from '../../../../../main/platform/logger';
import { createManualClock } from '../../../../helpers/manual-clock';
import { barrier, connectToMinimalServer, socketOf, stopAll, TOKEN } from './connected-socket';
import { startMinimalServer } from './minimal-server';

afterEach(stopAll);

describe('connecting a Tradovate socket', () => {
  it('waits for o, authorizes with request id 0 and the token, and is connected on 200', async () => {
    const connected = await connectToMinimalServer();
    expect(connected.connect.ok).toBe(true);
    expect(connected.server.received).toEqual([`authorize\n0\n\n${TOKEN}`]);
  });

  it('says the token was refused on 401, and hangs up', async () => {
    const connected = await connectToMinimalServer({ authorize: { status: 401, d: 'Access is denied' } });
    expect(connected.connect).toEqual({
      ok: false,
      error: 'authorize: the token was refused (401)',
      unauthorized: true,
    });
    await connected.server.clientGone();
    expect(connected.ends).toEqual([]);
  });

  it('gives up on a server that never sends o, on the clock', async () => {
    const server = await startMinimalServer({ silentOpen: true });
    const clock = createManualClock(0);
    const connecting = connectSocket({
      url: server.url,
      token: TOKEN,
      clock,
      logger: memoryLogger(),
      onPush: () => undefined,
      onEnd: () => undefined,
    });
    await server.clientCame();
    clock.advance(10_000);
    expect(await connecting).toEqual({
      ok: false,
      error: `no authorized link to ${server.url} in 10000 ms`,
      unauthorized: false,
    });
    expect(server.received).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
    await server.stop();
  });

  it('fails, without throwing, on a URL it cannot dial', async () => {
    const connect = await connectSocket({
      url: 'demo.tradovateapi.com/v1/websocket',
      token: TOKEN,
      clock: createManualClock(0),
      logger: memoryLogger(),
      onPush: () => undefined,
      onEnd: () => undefined,
    });
    expect(connect).toMatchObject({ ok: false, unauthorized: false });
    expect(connect.ok ? '' : connect.error).toMatch(/^demo\.tradovateapi\.com\/v1\/websocket: Invalid URL/);
  });

  it('tells a refused connection apart', async () => {
    const server = await startMinimalServer();
    await server.stop(); // the port is now closed
    const connect = await connectSocket({
      url: server.url,
      token: TOKEN,
      clock: createManualClock(0),
      logger: memoryLogger(),
      onPush: () => undefined,
      onEnd: () => undefined,
    });
    expect(connect).toMatchObject({ ok: false, unauthorized: false });
    expect(connect.ok ? '' : connect.error).toMatch(/ECONNREFUSED/);
  });
});

describe('keeping a Tradovate socket alive', () => {
  it('sends [] every 2.5 s of the clock, and none before', async () => {
    const connected = await connectToMinimalServer({}, { silenceMs: 60_000 });
    connected.clock.advance(2_499);
    await barrier(connected);
    expect(connected.server.heartbeats()).toBe(0);
    connected.clock.advance(1);
    await barrier(connected);
    expect(connected.server.heartbeats()).toBe(1);
    connected.clock.advance(7_500);
    await barrier(connected);
    expect(connected.server.received).toEqual([
      `authorize\n0\n\n${TOKEN}`,
      'barrier\n1\n\n',
      '[]',
      'barrier\n2\n\n',
      '[]',
      '[]',
      '[]',
      'barrier\n3\n\n',
    ]);
  });

  it('reports a dead link after 10 s with nothing from the server, and hangs up', async () => {
    const connected = await connectToMinimalServer();
    connected.clock.advance(9_999);
    expect(connected.ends).toEqual([]);
    connected.clock.advance(1);
    expect(connected.ends).toEqual([
      { code: 1006, reason: 'nothing from Tradovate in 10 s: the link is dead', cause: 'silence' },
    ]);
    await connected.server.clientGone();
    await socketOf(connected).closed;
    expect(connected.ends).toHaveLength(1);
    expect(connected.clock.pendingTimers()).toBe(0);
  });

  it('counts a server heartbeat as life: 10 s are counted from the last frame', async () => {
    const connected = await connectToMinimalServer();
    connected.clock.advance(5_000);
    // A push after the h: once it is delivered, the h before it has been read too.
    connected.server.send('h');
    connected.server.send('a[{"e":"md","d":{"quotes":[]}}]');
    await waitForPushes(connected, 1);
    connected.clock.advance(9_999);
    expect(connected.ends).toEqual([]);
    connected.clock.advance(1);
    expect(connected.ends.map((end) => end.cause)).toEqual(['silence']);
  });
});

describe('the end of a Tradovate socket', () => {
  it('reports the server’s c[1000,"bye"] once, though the socket then closes too; requests waiting end', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    const waiting = socket.request('order/list');
    await connected.server.waitForRequests(2);
    connected.server.send('c[1000,"bye"]');
    connected.server.drop(1000, 'bye');
    expect(await waiting).toEqual({
      kind: 'closed',
      error: 'order/list: Tradovate closed the link (1000 bye)',
    });
    await socket.closed;
    expect(connected.ends).toEqual([{ code: 1000, reason: 'bye', cause: 'close-frame' }]);
  });

  it('reports a socket the server closed without a c frame, with its code and reason', async () => {
    const connected = await connectToMinimalServer();
    connected.server.drop(4001, 'maintenance');
    await socketOf(connected).closed;
    expect(connected.ends).toEqual([{ code: 4001, reason: 'maintenance', cause: 'socket-closed' }]);
  });

  it('close() ends quietly, twice is harmless, and requests before and after it end as closed', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    const waiting = socket.request('order/list');
    await connected.server.waitForRequests(2);
    socket.close();
    socket.close();
    expect(await waiting).toEqual({ kind: 'closed', error: 'order/list: the socket was closed by Warden' });
    expect(await socket.request('fill/list')).toEqual({
      kind: 'closed',
      error: 'fill/list: the socket was closed by Warden',
    });
    await socket.closed;
    await connected.server.clientGone();
    expect(connected.ends).toEqual([]);
    expect(connected.clock.pendingTimers()).toBe(0);
  });
});

async function waitForPushes(connected: { pushes: unknown[] }, count: number): Promise<void> {
  await vi.waitFor(
    () => {
      expect(connected.pushes).toHaveLength(count);
    },
    { timeout: 5_000 },
  );
}
