// The `reconnect` command over `warden serve`'s real WebSocket (no per-command registration: a command frame):
// answered, the link pushed as reconnecting and then connected; bad arguments refused with their name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RECONNECT_REASON } from '../../main/core/commands/connection';
import type { ServerFrame } from '../../shared/ipc';
import { serveInProcess, type Served } from '../helpers/serve';

let served: Served;
beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
});
afterAll(async () => {
  await served.stop();
});

/** Resolves with the frames so far once `done(frames)` holds, re-checked at each frame; `ms` only fails the test. */
function framesUntil(
  ws: WebSocket,
  frames: ServerFrame[],
  done: (frames: ServerFrame[]) => boolean,
  ms = 10_000,
) {
  return new Promise<ServerFrame[]>((resolve, reject) => {
    const check = (): void => {
      if (!done(frames)) return;
      ws.off('message', check);
      clearTimeout(timer);
      resolve(frames);
    };
    const timer = setTimeout(() => {
      ws.off('message', check);
      reject(new Error(`the frames awaited did not come within ${ms} ms`));
    }, ms);
    ws.on('message', check);
    check();
  });
}

describe('reconnect over the WebSocket', () => {
  it('is answered, pushes reconnecting then connected, and refuses arguments', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${served.server.port}/ws?token=${served.token}`);
    const frames: ServerFrame[] = [];
    ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as ServerFrame));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    try {
      await framesUntil(ws, frames, (f) => f.some((frame) => frame.type === 'state'));
      const from = frames.length;
      ws.send(JSON.stringify({ id: 1, command: 'reconnect', args: {} }));
      ws.send(JSON.stringify({ id: 2, command: 'reconnect', args: { now: true } }));
      const links = () =>
        frames.slice(from).flatMap((f) => (f.type === 'state' ? [f.state.connection.status] : []));
      const responses = () => frames.flatMap((f) => (f.type === 'response' ? [[f.id, f.response]] : []));
      await framesUntil(
        ws,
        frames,
        () => responses().length === 2 && links().includes('reconnecting') && links().at(-1) === 'connected',
      );
      // Commands run concurrently: answers come in any order, matched by id.
      expect(responses().sort(([a], [b]) => Number(a) - Number(b))).toEqual([
        [1, { ok: true, result: { reconnecting: true } }],
        [2, { ok: false, error: 'invalid reconnect: (arguments): Unrecognized key: "now"' }],
      ]);
      // From the reconnect on (a clock tick may have pushed the link connected just before it).
      const changes = links().filter((status, i, all) => i === 0 || all[i - 1] !== status);
      expect(changes.slice(changes.indexOf('reconnecting'))).toEqual(['reconnecting', 'connected']);
      const reconnecting = frames
        .slice(from)
        .find((f) => f.type === 'state' && f.state.connection.status === 'reconnecting');
      expect(reconnecting?.type === 'state' && reconnecting.state.connection).toEqual({
        broker: 'sim',
        status: 'reconnecting',
        detail: `reconnecting: ${RECONNECT_REASON}`,
      });
      expect(served.core.view().connection).toEqual({ broker: 'sim', status: 'connected', detail: null });
    } finally {
      ws.close();
    }
  });
});
