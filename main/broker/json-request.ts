// One JSON request to a broker's REST API over node:http(s), on connections kept alive per origin, so a command
// goes out on a warm connection with no DNS lookup or TLS handshake of its own. Not fetch: on this path undici's
// fetch took 1.2 ms from the call to the server having read the request, node:http 0.45 ms (docs/ARCHITECTURE.md,
// "Breach to broker").
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';

export type JsonAnswer = {
  status: number;
  /** A response header, lower-case name; undefined when absent. */
  header(name: string): string | undefined;
  /** The body as text (the caller parses it: a broker's error page is not JSON). */
  text: string;
};

export type JsonRequest = {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborting rejects with an AbortError (the caller's timeout, on its clock). */
  signal: AbortSignal;
};

// Sockets stay open while idle; the server's Keep-Alive hint decides how long.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/**
 * Sends `request` and reads the whole answer. Rejects on a network error (its `code`, e.g. ECONNREFUSED) or an
 * abort. A kept-alive connection the server closed just as the request went out (ECONNRESET on a reused socket,
 * nothing answered) is retried once on a fresh one: the server never read it.
 */
export async function requestJson(request: JsonRequest): Promise<JsonAnswer> {
  try {
    return await once(request);
  } catch (error) {
    if (!(error instanceof StaleConnection)) throw error;
    return once(request);
  }
}

class StaleConnection extends Error {}

/** Where a URL sends a request, as node:http wants it. */
type Target = {
  /** The server a connection goes to (`http://host:port`): connections are kept per origin. */
  origin: string;
  secure: boolean;
  protocol: string;
  hostname: string;
  port: number | undefined;
  path: string;
  host: string;
};

// Each URL is parsed once: on the breach path, which runs about once a second, `new URL` took 0.06 to 0.33 ms a
// call (docs/ARCHITECTURE.md, "Breach to broker"). A broker's endpoints are few; the bound only keeps URLs with a
// query string from growing it.
const targets = new Map<string, Target>();
const MAX_TARGETS = 256;

function targetOf(url: string): Target {
  const known = targets.get(url);
  if (known !== undefined) return known;
  const parsed = new URL(url);
  const target: Target = {
    origin: parsed.origin,
    secure: parsed.protocol === 'https:',
    protocol: parsed.protocol,
    // An IPv6 literal without its brackets, as node:http wants it.
    hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? undefined : Number(parsed.port),
    path: `${parsed.pathname}${parsed.search}`,
    host: parsed.host,
  };
  if (targets.size >= MAX_TARGETS) targets.clear();
  targets.set(url, target);
  return target;
}

function once({ method, url, headers, body, signal }: JsonRequest): Promise<JsonAnswer> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  const target = targetOf(url);
  const { secure } = target;
  const send = secure ? httpsRequest : httpRequest;
  return new Promise<JsonAnswer>((resolve, reject) => {
    const outgoing = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method,
        agent: secure ? agents.https : agents.http,
        // A flat list of names and values goes straight into the request's head (Host included), with no
        // header object built and read back first.
        headers: headerList(target.host, headers, body),
      },
      (response) => {
        // Counted once the server has answered on it, so off the path to the server.
        track(target.origin, response.socket);
        readAnswer(response).then(settled(resolve), settled(reject));
      },
    );
    // The caller's timeout: the request is torn down. Not node:http's own `signal` option, which costs a stream
    // watcher per request on the way to the socket.
    const onAbort = () => outgoing.destroy(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const settled =
      <T>(next: (value: T) => void) =>
      (value: T) => {
        signal.removeEventListener('abort', onAbort);
        next(value);
      };
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const stale = outgoing.reusedSocket && error.code === 'ECONNRESET' && !signal.aborted;
      settled(reject)(stale ? new StaleConnection(error.message) : error);
    });
    outgoing.end(body);
  });
}

// The connections open to each origin that have carried an answer, and who wants to hear when one closes: what
// keeps a line to the broker warm (warm-line.ts) reads these.
const connections = new Map<string, Set<Socket>>();
const closedListeners = new Map<string, Set<() => void>>();

function track(origin: string, socket: Socket): void {
  let sockets = connections.get(origin);
  if (sockets === undefined) connections.set(origin, (sockets = new Set()));
  if (sockets.has(socket) || socket.destroyed) return;
  const held = sockets;
  held.add(socket);
  socket.once('close', () => {
    held.delete(socket);
    for (const listener of closedListeners.get(origin) ?? []) listener();
  });
}

/**
 * How many connections to `url`'s server are open now, idle or busy (counted from their first answer; one being
 * closed, as after an answer with `Connection: close`, is not).
 */
export function openConnections(url: string): number {
  let count = 0;
  for (const socket of connections.get(targetOf(url).origin) ?? [])
    if (!socket.destroyed && socket.writable) count += 1;
  return count;
}

/** Calls `listener` each time a connection to `url`'s server closes; answers the function that stops it. */
export function onConnectionClosed(url: string, listener: () => void): () => void {
  const { origin } = targetOf(url);
  let listeners = closedListeners.get(origin);
  if (listeners === undefined) closedListeners.set(origin, (listeners = new Set()));
  // A wrapper of its own, so that the same function subscribed twice is stopped once per subscription.
  const own = () => {
    listener();
  };
  listeners.add(own);
  return () => {
    closedListeners.get(origin)?.delete(own);
  };
}

function headerList(host: string, headers: Record<string, string>, body: string | undefined): string[] {
  const list = ['host', host];
  for (const [name, value] of Object.entries(headers)) list.push(name, value);
  if (body !== undefined) list.push('content-length', String(Buffer.byteLength(body)));
  return list;
}

function abortError(signal: AbortSignal): Error {
  const error = new Error('the request was aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

function readAnswer(response: IncomingMessage): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('close', () => {
      if (!response.complete) reject(new Error('the answer was cut off'));
    });
    response.on('end', () => {
      resolve({
        status: response.statusCode ?? 0,
        header: (name) => {
          const value = response.headers[name];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        text: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}
