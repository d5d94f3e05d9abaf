// The SignalR JSON hub protocol, server side, over a `ws` socket: records end with 0x1e; the client's handshake
// {"protocol":"json","version":1} is answered {}; invocations (type 1) get completions (type 3); pings (type 6)
// are sent on a timer so the client's server timeout holds; close (type 7) ends a connection in words. For chaos a
// connection can also half-close (its write side ended, reading on) or go quiet (nothing sent, reading on).
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

export const RS = '\u001e';

export type Invocation = { invocationId?: string; target: string; arguments: unknown[] };

export type HubPeer = {
  /** Calls a client method: `{type:1, target, arguments}`. */
  invoke(target: string, args: unknown[]): void;
  /** Sends text as it is (a malformed frame, a partial record). */
  sendRaw(text: string): void;
  /** A graceful close: `{type:7}`, then the socket closes. */
  close(error?: string, allowReconnect?: boolean): void;
  /** An abrupt drop: the TCP connection ends without a close frame. */
  drop(): void;
  /** TCP half-close: the server's write side ends (FIN, no close frame); what the client sends is still read. */
  halfClose(): void;
  /** The server sends nothing more (no pings, events or answers) and still reads what comes. */
  quiet(): void;
};

export type HubSession = {
  /** Answers an invocation: a result, or an error text (the client's invoke rejects with it). */
  onInvocation(invocation: Invocation): { result: unknown } | { error: string };
  onClose(): void;
};

export function serveHubProtocol(socket: WebSocket, session: HubSession, pingMs: number): HubPeer {
  let handshaken = false;
  /** Half-closed or quiet: nothing more is written. */
  let silent = false;
  const write = (message: object) => {
    if (!silent && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message) + RS);
  };
  const ping = setInterval(() => {
    write({ type: 6 });
  }, pingMs);

  socket.on('message', (data: Buffer) => {
    for (const record of data.toString('utf8').split(RS)) {
      if (record === '') continue;
      let message: { type?: number; protocol?: string } & Partial<Invocation>;
      try {
        message = JSON.parse(record) as typeof message;
      } catch {
        socket.close(1002, 'not JSON');
        return;
      }
      if (!handshaken) {
        handshaken = true;
        if (!silent)
          socket.send(message.protocol === 'json' ? `{}${RS}` : `{"error":"unsupported protocol"}${RS}`);
        continue;
      }
      if (message.type !== 1 || typeof message.target !== 'string') continue;
      const answer = session.onInvocation({
        target: message.target,
        arguments: Array.isArray(message.arguments) ? message.arguments : [],
        ...(message.invocationId === undefined ? {} : { invocationId: message.invocationId }),
      });
      if (message.invocationId !== undefined)
        write({ type: 3, invocationId: message.invocationId, ...answer });
    }
  });
  socket.on('close', () => {
    clearInterval(ping);
    session.onClose();
  });
  socket.on('error', () => undefined);

  return {
    invoke(target, args) {
      write({ type: 1, target, arguments: args });
    },
    sendRaw(text) {
      if (!silent && socket.readyState === socket.OPEN) socket.send(text);
    },
    close(error, allowReconnect) {
      write({
        type: 7,
        ...(error === undefined ? {} : { error }),
        ...(allowReconnect ? { allowReconnect } : {}),
      });
      socket.close(1000);
    },
    drop() {
      socket.terminate();
    },
    halfClose() {
      silent = true;
      clearInterval(ping);
      (socket as unknown as { _socket: Socket })._socket.end();
    },
    quiet() {
      silent = true;
      clearInterval(ping);
    },
  };
}
