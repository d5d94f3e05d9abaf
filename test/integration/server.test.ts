// `warden serve` over real HTTP and a real WebSocket: token auth, the state shape, commands and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AlertView, ServerFrame } from '../../shared/ipc';
import { createManualClock } from '../helpers/manual-clock';
import { serveInProcess, type Served } from '../helpers/serve';
import { TUESDAY_MORNING } from '../helpers/sim-core';

let served: Served;
let base: string;

beforeAll(async () => {
  served = await serveInProcess();
  base = `http://127.0.0.1:${served.server.port}`;
});
afterAll(async () => {
  await served.stop();
});

const auth = () => ({ authorization: `Bearer ${served.token}` });
const post = (path: string, body: string, headers: Record<string, string> = auth()) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });

function socket(
  query: string,
  port = served.server.port,
): Promise<{ ws: WebSocket; frames: ServerFrame[]; closed: Promise<number> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`);
  const frames: ServerFrame[] = [];
  ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as ServerFrame));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('error', reject);
  });
}

/** `read()`'s first value, read again as each frame arrives on `ws`; `ms` only fails the test. */
function until<T>(ws: WebSocket, read: () => T | undefined, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      ws.off('message', check);
      clearTimeout(timer);
    };
    const check = (): void => {
      const value = read();
      if (value === undefined) return;
      done();
      resolve(value);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no such frame within ${ms} ms`));
    }, ms);
    ws.on('message', check);
    check();
  });
}

describe('HTTP API', () => {
  it('answers /api/health without a token', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, broker: 'sim', status: 'connected' });
  });

  it('refuses /api/state without the token, and with a wrong one', async () => {
    expect((await fetch(`${base}/api/state`)).status).toBe(401);
    expect((await fetch(`${base}/api/state`, { headers: { authorization: 'Bearer nope' } })).status).toBe(
      401,
    );
  });

  it('serves the state of docs/API.md with money as decimal strings', async () => {
    const state = (await (await fetch(`${base}/api/state`, { headers: auth() })).json()) as Record<
      string,
      unknown
    >;
    expect(state).toMatchObject({
      connection: { broker: 'sim', status: 'connected' },
      accounts: [
        {
          id: 'SIM-50K',
          name: 'Sim 50K',
          tradingState: 'active',
          lockedUntil: null,
          lockReason: null,
          metrics: { balance: '50000', equity: '50000', dailyNetPnl: '0', marginLevel: null },
          positions: [],
          orders: [],
        },
      ],
    });
  });

  it('places an order, names the bad field of a bad one, and flattens', async () => {
    const bad = await post(
      '/api/commands/order',
      JSON.stringify({ account: 'SIM-50K', symbol: 'ES', side: 'up', qty: 1 }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^invalid placeOrder: side: /);

    const notJson = await post('/api/commands/order', '{"account":');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/not JSON/);

    const placed = await post(
      '/api/commands/order',
      JSON.stringify({ account: 'SIM-50K', symbol: 'ES', side: 'sell', qty: 2, kind: 'market' }),
    );
    expect(placed.status).toBe(200);
    expect(served.core.view().accounts[0]?.positions.map((p) => [p.symbol, p.qty])).toEqual([['ES', -2]]);

    const pushedAlerts: AlertView[] = [];
    const unsubscribe = served.core.subscribe((m) => {
      if (m.type === 'alert') pushedAlerts.push(m.payload);
    });
    const flattened = await post('/api/commands/flatten', JSON.stringify({ all: true }));
    unsubscribe();
    expect(pushedAlerts).toMatchObject([
      { level: 'info', account: 'SIM-50K', title: 'Flatten complete', notify: true },
    ]);
    const body = (await flattened.json()) as {
      ok: boolean;
      result: { reports: { flat: boolean; closedPositions: number }[] };
    };
    expect(body).toMatchObject({
      ok: true,
      result: { reports: [{ account: 'SIM-50K', flat: true, closedPositions: 1 }] },
    });
    expect(served.core.view().accounts[0]?.positions).toEqual([]);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(
        {
          host: '127.0.0.1',
          port: served.server.port,
          path: '/api/health',
          headers: { host: 'evil.example' },
        },
        (r) => resolve(r.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
  });
});

describe('WebSocket', () => {
  it('closes an unauthenticated socket with 4401', async () => {
    const { closed } = await socket('');
    expect(await closed).toBe(4401);
  });

  it('sends a new socket the recent alerts first, then the state', async () => {
    const { ws, frames } = await socket(`?token=${served.token}`);
    await until(ws, () => frames.find((f) => f.type === 'state'));
    expect(frames.slice(0, 2).map((f) => f.type)).toEqual(['alerts', 'state']);
    ws.close();
  });

  it('pushes state, answers commands by id, and survives garbage', async () => {
    const { ws, frames } = await socket(`?token=${served.token}`);
    await until(ws, () => frames.find((f) => f.type === 'state'));
    ws.send('this is not json');
    ws.send(JSON.stringify({ id: 1, command: 'launchMissiles', args: {} }));
    ws.send(
      JSON.stringify({
        id: 2,
        command: 'placeOrder',
        args: { account: 'SIM-50K', symbol: 'MES', side: 'buy', qty: 0 },
      }),
    );
    ws.send(
      JSON.stringify({
        id: 3,
        command: 'placeOrder',
        args: { account: 'SIM-50K', symbol: 'MES', side: 'buy', qty: 1 },
      }),
    );
    const answer = (id: number) => frames.find((f) => f.type === 'response' && f.id === id);
    expect(await until(ws, () => frames.find((f) => f.type === 'error'))).toEqual({
      type: 'error',
      error: 'frame is not JSON',
    });
    expect(await until(ws, () => answer(1))).toMatchObject({
      response: { ok: false, error: 'unknown command "launchMissiles"' },
    });
    expect(await until(ws, () => answer(2))).toMatchObject({
      response: { ok: false, error: expect.stringMatching(/qty: must be at least 1/) as string },
    });
    expect(await until(ws, () => answer(3))).toMatchObject({ response: { ok: true } });
    const withPosition = await until(ws, () =>
      frames.find(
        (f) => f.type === 'state' && f.state.accounts[0]?.positions.some((p) => p.symbol === 'MES'),
      ),
    );
    expect(withPosition.type).toBe('state');
    ws.close();
  });

  it('coalesces pushes to at most about 20 a second', async () => {
    // A market quoting every 10 ms, on a clock the test moves: 2 s of it, 200 quotes. A command answered after
    // them on the same socket proves every push of those 2 s has arrived.
    const clock = createManualClock(TUESDAY_MORNING);
    const fast = await serveInProcess({ clock, tickIntervalMs: 10 });
    try {
      const { ws, frames } = await socket(`?token=${fast.token}`, fast.server.port);
      await until(ws, () => frames.find((f) => f.type === 'state'));
      clock.advance(2000);
      ws.send(JSON.stringify({ id: 1, command: 'afterTwoSeconds', args: {} }));
      await until(ws, () => frames.find((f) => f.type === 'response' && f.id === 1));
      const states = frames.filter((f) => f.type === 'state').length;
      ws.close();
      expect(states).toBeGreaterThan(5);
      expect(states).toBeLessThanOrEqual(42);
    } finally {
      await fast.stop();
    }
  });
});
