// For servers in tests that answer HTTP by hand: cuts a connection's bytes into whole requests (head, then as many
// body bytes as its Content-Length says) and hands each one's head to `onRequest`.
import type { Socket } from 'node:net';

export function onEachRequest(socket: Socket, onRequest: (head: string) => void): void {
  let bytes = '';
  socket.on('data', (chunk: Buffer) => {
    bytes += chunk.toString('latin1');
    for (;;) {
      const headEnd = bytes.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const length = Number(/content-length: *(\d+)/i.exec(bytes.slice(0, headEnd))?.[1] ?? 0);
      const end = headEnd + 4 + length;
      if (bytes.length < end) return;
      const request = bytes.slice(0, end);
      bytes = bytes.slice(end);
      onRequest(request);
    }
  });
}
