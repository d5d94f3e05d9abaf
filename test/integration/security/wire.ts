// Raw HTTP over node:net for the security tests: requests exactly as written (no client normalising the path,
// adding headers or refusing a bad one), the answer read as it comes, and whether the server ended the connection.
import { connect, type Socket } from 'node:net';

export type RawAnswer = {
  /** Everything the server sent, as Latin-1 text. */
  text: string;
  /** The status of the first response line, null when none came. */
  status: number | null;
  /** True when the server closed the connection (rather than the wait running out). */
  closedByServer: boolean;
  /** Milliseconds from connecting to the close (or to the end of the wait). */
  ms: number;
};

export type ExchangeOptions = {
  /** How long to wait for the server to close before giving up (the answer then has closedByServer false). */
  waitMs?: number;
  /** Runs once the request is written, with the socket (to trickle more, or reset it). */
  then?: (socket: Socket) => void;
};

/** Sends `request` as written to 127.0.0.1:`port` and collects what comes back until the server closes. */
export function exchange(
  port: number,
  request: string | Buffer,
  options: ExchangeOptions = {},
): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, status: statusOf(text), closedByServer, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), options.waitMs ?? 5_000);
    socket.on('data', (data: Buffer) => (text += data.toString('latin1')));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(request, () => options.then?.(socket));
  });
}

/** A GET as a client would write it, closing after the answer; `headers` are added as given. */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const lines = Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...headers }).map(
    ([name, value]) => `${name}: ${value}\r\n`,
  );
  return exchange(port, `GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
}

export function statusOf(text: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return match === null ? null : Number(match[1]);
}

/** A response header's value (the first one of that name), or null. */
export function headerOf(text: string, name: string): string | null {
  const head = text.split('\r\n\r\n')[0] ?? '';
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (line.slice(0, colon).trim().toLowerCase() === name.toLowerCase()) return line.slice(colon + 1).trim();
  }
  return null;
}

/** The body of a response (chunked encoding undone). */
export function bodyOf(text: string): string {
  const at = text.indexOf('\r\n\r\n');
  const body = at < 0 ? '' : text.slice(at + 4);
  if (headerOf(text, 'transfer-encoding') !== 'chunked') return body;
  let rest = body;
  let out = '';
  for (;;) {
    const end = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, end), 16);
    if (end < 0 || Number.isNaN(size) || size === 0) return out;
    out += rest.slice(end + 2, end + 2 + size);
    rest = rest.slice(end + 2 + size + 2);
  }
}

/** Resolves after `ms`. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
