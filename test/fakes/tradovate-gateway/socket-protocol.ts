// Tradovate's WebSocket framing, server side, over a `ws` socket: `o` on open, `h` heartbeats on the injected clock,
// `a[...]` message arrays, `c[code,"reason"]` before a close. Client frames are `[]` (a heartbeat) or requests
// `endpoint\nid\nquery\nbody`; a client silent for `silenceMs` is closed. For chaos a socket can also half-close
// (its write side ended, reading on) or go quiet (nothing sent, requests still read and carried out).
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { Clock } from '../../../main/platform/clock';

export type SocketRequest = { endpoint: string; id: number; query: string; body: string };

export type SocketPeer = {
  /** Sends messages as one `a[...]` frame. */
  send(messages: unknown[]): void;
  /** Sends text as it is (a malformed frame). */
  sendRaw(text: string): void;
  /** `c[code,"reason"]`, then the socket closes. */
  close(code: number, reason: string): void;
  /** An abrupt drop: the TCP connection ends without a close frame. */
  drop(): void;
  /** TCP half-close: the server's write side ends (FIN, no close frame); requests are still read. */
  halfClose(): void;
  /** The server sends nothing more (no heartbeats, pushes or answers) and still reads and carries out requests. */
  quiet(): void;
};

export type SocketSession = {
  onRequest(request: SocketRequest): void;
  /** A frame that is neither `[]` nor a request. */
  onMalformed(text: string): void;
  onClose(): void;
};

export type FramingOptions = {
  clock: Clock;
  heartbeatMs: number;
  silenceMs: number;
  /** Read at every tick: false = the server has stopped sending heartbeats. */
  heartbeating(): boolean;
};

/** `endpoint\nid\nquery\nbody`: the body may hold newlines; a non-numeric id is malformed. */
export function parseRequest(text: string): SocketRequest | null {
  const [endpoint, id, query, ...body] = text.split('\n');
  if (endpoint === undefined || endpoint === '' || id === undefined || !/^\d+$/.test(id)) return null;
  return { endpoint, id: Number(id), query: query ?? '', body: body.join('\n') };
}

export function serveTradovateSocket(
  socket: WebSocket,
  session: SocketSession,
  options: FramingOptions,
): SocketPeer {
  const { clock } = options;
  let silent = false;
  const sendText = (text: string) => {
    if (!silent && socket.readyState === socket.OPEN) socket.send(text);
  };
  const peer: SocketPeer = {
    send: (messages) => sendText(`a${JSON.stringify(messages)}`),
    sendRaw: sendText,
    close(code, reason) {
      sendText(`c${JSON.stringify([code, reason])}`);
      socket.close(1000);
    },
    drop: () => socket.terminate(),
    halfClose() {
      silent = true;
      (socket as unknown as { _socket: Socket })._socket.end();
    },
    quiet() {
      silent = true;
    },
  };
  const stopHeartbeat = clock.setInterval(() => {
    if (options.heartbeating()) sendText('h');
  }, options.heartbeatMs);
  let stopSilence: () => void = () => undefined;
  const listen = () => {
    stopSilence();
    stopSilence = clock.setTimeout(() => peer.close(1008, 'Heartbeat timeout'), options.silenceMs);
  };
  listen();

  socket.on('message', (data: Buffer) => {
    listen();
    const text = data.toString('utf8');
    if (text === '[]') return;
    const request = parseRequest(text);
    if (request === null) session.onMalformed(text);
    else session.onRequest(request);
  });
  socket.on('close', () => {
    stopHeartbeat();
    stopSilence();
    session.onClose();
  });
  socket.on('error', () => undefined);
  sendText('o');
  return peer;
}
