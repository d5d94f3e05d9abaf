// The WebSocket api against a real `ws` server: requests matched to responses by id, pushes delivered, pending
// requests failed on a drop, reconnect with backoff, and 4401 reported as a token problem without retrying.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { createWsApi, UNAUTHORIZED_MESSAGE, webSocketFactory } from '../../../renderer/src/api';
import type { HostApi, LinkStatus } from '../../../renderer/src/api';
import type { ClientFrame, ServerFrame } from '../../../shared/ipc';
import { buildFixtureState, fixtureAlerts } from '../../helpers/fixture-state';

type TestServer = {
  url: string;
  frames: ClientFrame[];
  sockets: ServerSocket[];
  connected(): Promise<ServerSocket>;
  nextFrame(): Promise<ClientFrame>;
  close(): Promise<void>;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(onConnect?: (socket: ServerSocket, url: string) => void): Promise<TestServer> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/ws' });
  await new Promise((done) => wss.once('listening', done));
  const frames: ClientFrame[] = [];
  const sockets: ServerSocket[] = [];
  let frameWaiters: ((frame: ClientFrame) => void)[] = [];
  let connectWaiters: ((socket: ServerSocket) => void)[] = [];
  wss.on('connection', (socket, req) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      const frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '{}') as ClientFrame;
      frames.push(frame);
      const waiters = frameWaiters;
      frameWaiters = [];
      for (const waiter of waiters) waiter(frame);
    });
    onConnect?.(socket, req.url ?? '');
    const waiters = connectWaiters;
    connectWaiters = [];
    for (const waiter of waiters) waiter(socket);
  });
  const server: TestServer = {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ws?token=t0k`,
    frames,
    sockets,
    connected: () => new Promise((done) => connectWaiters.push(done)),
    nextFrame: () => new Promise((done) => frameWaiters.push(done)),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of wss.clients) socket.terminate();
        wss.close(() => {
          done();
        });
      }),
  };
  cleanups.push(() => server.close());
  return server;
}

function send(socket: ServerSocket, frame: ServerFrame): void {
  socket.send(JSON.stringify(frame));
}

/** Resolves once `condition()` holds, checked again at each link change of `api`; `timeoutMs` only fails. */
function waitUntil(api: HostApi, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!condition()) return;
      stop();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error('condition not met in time'));
    }, timeoutMs);
    const stop = api.onLink(check);
    check();
  });
}

function connect(
  url: string,
  requestTimeoutMs = 2000,
): { api: HostApi; links: LinkStatus[]; opened: () => Promise<void> } {
  const api = createWsApi({
    url,
    // The `ws` client implements the WHATWG WebSocket surface the factory uses (onopen, onmessage, onclose, …).
    createSocket: webSocketFactory(NodeWebSocket as unknown as typeof WebSocket),
    backoff: { initialMs: 20, maxMs: 80 },
    requestTimeoutMs,
  });
  const links: LinkStatus[] = [];
  let openWaiters: (() => void)[] = [];
  api.onLink((status) => {
    links.push(status);
    if (status.kind === 'open') {
      const waiters = openWaiters;
      openWaiters = [];
      for (const waiter of waiters) waiter();
    }
  });
  cleanups.push(() => {
    api.close();
  });
  return { api, links, opened: () => new Promise((done) => openWaiters.push(done)) };
}

describe('ws api', () => {
  it('answers each request with the response carrying its id, whatever the order', async () => {
    const server = await startServer();
    const { api, opened } = connect(server.url);
    await opened();
    const first = api.cancelOrder({ account: 'SIM-50K', orderId: 'A' });
    const firstFrame = await server.nextFrame();
    const second = api.setDemo({ enabled: true });
    const secondFrame = await server.nextFrame();
    expect(firstFrame).toEqual({
      id: firstFrame.id,
      command: 'cancelOrder',
      args: { account: 'SIM-50K', orderId: 'A' },
    });
    expect(secondFrame.command).toBe('setDemo');
    expect(secondFrame.id).not.toBe(firstFrame.id);
    const socket = server.sockets[0];
    if (socket === undefined) throw new Error('no socket');
    send(socket, { type: 'response', id: secondFrame.id, response: { ok: true, result: { demo: true } } });
    send(socket, { type: 'response', id: firstFrame.id, response: { ok: false, error: 'no such order' } });
    expect(await second).toEqual({ ok: true, result: { demo: true } });
    expect(await first).toEqual({ ok: false, error: 'no such order' });
  });

  it('delivers state and alert pushes, and turns server error frames into a warning alert', async () => {
    const server = await startServer((socket) => {
      send(socket, { type: 'state', state: buildFixtureState({ seq: 3 }) });
      socket.send('not json');
      send(socket, { type: 'error', error: 'frame too large' });
    });
    const { api } = connect(server.url);
    const state = new Promise<number>((done) => api.onState((s) => done(s.seq)));
    const alert = new Promise<string>((done) => api.onAlert((a) => done(`${a.level}: ${a.message}`)));
    expect(await state).toBe(3);
    expect(await alert).toBe('warning: frame too large');
  });

  it('delivers the recent alerts a connection starts with apart from the new ones', async () => {
    const server = await startServer((socket) => {
      send(socket, { type: 'alerts', alerts: fixtureAlerts() });
    });
    const { api } = connect(server.url);
    const alone: string[] = [];
    api.onAlert((a) => alone.push(a.id));
    const recent = await new Promise<string[]>((done) => api.onAlerts((list) => done(list.map((a) => a.id))));
    expect([recent, alone]).toEqual([['alert-2', 'alert-1'], []]);
  });

  it('sends the token from the URL', async () => {
    let seenUrl = '';
    const server = await startServer((_socket, url) => {
      seenUrl = url;
    });
    const { opened } = connect(server.url);
    await opened();
    expect(seenUrl).toBe('/ws?token=t0k');
  });

  it('fails a request at once when not connected, without sending it', async () => {
    const { api } = connect('ws://127.0.0.1:9/ws');
    const response = await api.flatten({ all: true });
    expect(response).toEqual({
      ok: false,
      error: expect.stringContaining('Not connected to Warden') as unknown,
    });
  });

  it('fails pending requests on a drop, reports reconnecting, and reconnects by itself', async () => {
    const server = await startServer();
    const { api, links, opened } = connect(server.url);
    await opened();
    const pending = api.flatten({ all: true });
    await server.nextFrame();
    const reconnected = server.connected();
    server.sockets[0]?.terminate();
    const response = await pending;
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error).toContain('Connection to Warden lost before flatten was answered');
    await reconnected;
    await opened();
    expect(links.map((l) => l.kind)).toEqual(['open', 'reconnecting', 'open']);
    expect(links[1]).toEqual({ kind: 'reconnecting', attempt: 1, retryInMs: 20 });
    const again = api.getState({});
    const frame = await server.nextFrame();
    const socket = server.sockets[1];
    if (socket === undefined) throw new Error('no second socket');
    send(socket, { type: 'response', id: frame.id, response: { ok: true, result: buildFixtureState() } });
    expect((await again).ok).toBe(true);
  });

  it('backs off while the server is down, doubling up to the cap', async () => {
    const server = await startServer();
    const { api, links, opened } = connect(server.url);
    await opened();
    await server.close();
    await waitUntil(api, () => links.filter((l) => l.kind === 'reconnecting').length >= 4);
    const delays = links.filter((l) => l.kind === 'reconnecting').map((l) => l.retryInMs);
    expect(delays.slice(0, 4)).toEqual([20, 40, 80, 80]);
  });

  it('stops and reports a token problem when the server closes with 4401', async () => {
    const server = await startServer((socket) => {
      socket.close(4401, 'unauthorized');
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the client's timers, moved by the test
    cleanups.push(() => {
      vi.useRealTimers();
    });
    const { api, links } = connect(server.url);
    await waitUntil(api, () => links.length >= 2);
    // The server has seen the close too; a timer left in the client now could only be a reconnect: it fires,
    // and the connection it makes reaches the server before the checks.
    const closing = server.sockets[0];
    if (closing !== undefined && closing.readyState !== closing.CLOSED)
      await new Promise((done) => closing.once('close', done));
    if (vi.getTimerCount() > 0) {
      const reconnected = server.connected();
      vi.runAllTimers();
      await reconnected;
    }
    // The server accepts the upgrade and then closes with 4401, so the link is briefly open first.
    expect(links).toEqual([{ kind: 'open' }, { kind: 'unauthorized' }]);
    expect(server.sockets).toHaveLength(1);
    expect(api.link()).toEqual({ kind: 'unauthorized' });
    expect(await api.getState({})).toEqual({ ok: false, error: UNAUTHORIZED_MESSAGE });
  });

  it('times out a request the server never answers', async () => {
    const server = await startServer();
    const { api, opened } = connect(server.url, 50);
    await opened();
    expect(await api.closePosition({ account: 'SIM-50K', symbol: 'ES' })).toEqual({
      ok: false,
      error: 'No answer from Warden to closePosition within 0.05 s.',
    });
  });
});
