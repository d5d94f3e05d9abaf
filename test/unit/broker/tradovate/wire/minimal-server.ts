// The server side of Tradovate's framing, just enough for the socket client's tests: a real `ws` server on
// 127.0.0.1 that greets with `o`, answers `authorize` as told, and records every text it receives so that a test
// waits for what it expects instead of sleeping.
import { WebSocketServer, type WebSocket } from 'ws';
import { vi } from 'vitest';

export type MinimalServer = {
  url: string;
  /** Every text received from the client, heartbeats included, in order. */
  received: string[];
  /** The received texts that are requests (not heartbeats). */
  requests(): string[];
  heartbeats(): number;
  /** Waits until the client has sent `count` requests, and returns them. */
  waitForRequests(count: number): Promise<string[]>;
  send(text: string): void;
  /** Answers request `id` with status `status` and payload `d` (left out when undefined). */
  answer(id: number, status: number, d?: unknown): void;
  /** Closes the client's socket from the server's side. */
  drop(code: number, reason: string): void;
  /** Settles when a client has connected (before any frame). */
  clientCame(): Promise<void>;
  /** Settles when the client's socket has closed on the server's side. */
  clientGone(): Promise<void>;
  stop(): Promise<void>;
};

export type MinimalServerOptions = {
  /** The `authorize` answer: status (200 by default) and payload. */
  authorize?: { status: number; d?: unknown };
  /** Do not greet with `o` (a server that never opens). */
  silentOpen?: boolean;
};

export async function startMinimalServer(options: MinimalServerOptions = {}): Promise<MinimalServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  const received: string[] = [];
  let client: WebSocket | null = null;
  let gone: Promise<void> = Promise.resolve();
  const came = new Promise<void>((resolve) => server.once('connection', () => resolve()));

  const requests = () => received.filter((text) => text !== '[]');
  const send = (text: string): void => {
    if (client === null) throw new Error('no client connected');
    client.send(text);
  };
  const answer = (id: number, status: number, d?: unknown): void => {
    send(`a${JSON.stringify([d === undefined ? { i: id, s: status } : { i: id, s: status, d }])}`);
  };

  server.on('connection', (socket) => {
    client = socket;
    gone = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data) => {
      // The default binaryType, nodebuffer, gives one Buffer per message.
      const text = (data as Buffer).toString('utf8');
      received.push(text);
      if (text.startsWith('authorize\n')) answer(0, options.authorize?.status ?? 200, options.authorize?.d);
    });
    if (options.silentOpen !== true) socket.send('o');
  });

  return {
    url: `ws://127.0.0.1:${address.port}/v1/websocket`,
    received,
    requests,
    heartbeats: () => received.filter((text) => text === '[]').length,
    async waitForRequests(count) {
      await vi.waitFor(
        () => {
          if (requests().length < count) throw new Error(`${requests().length} of ${count} requests so far`);
        },
        { timeout: 5_000 },
      );
      return requests();
    },
    send,
    answer,
    drop(code, reason) {
      client?.close(code, reason);
    },
    clientCame: () => came,
    clientGone: () => gone,
    async stop() {
      for (const socket of server.clients) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
