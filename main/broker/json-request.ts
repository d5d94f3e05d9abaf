// One JSON request to a broker's REST API over HTTP/1.1, on connections kept open per server, so a command goes out
// on a warm connection with no DNS lookup or TLS handshake of its own, written to the socket in the caller's turn.
// Not node:http, whose request took 0.2 to 0.65 ms from being made to its bytes being written on the breach path,
// nor fetch (1.2 ms); docs/ARCHITECTURE.md, "Breach to broker".
import { FIELD_NAME, type Answer } from './http/answer-reader';
import { KeptConnection, type Failure, type Server } from './http/kept-connection';

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

/**
 * Sends `request` and reads the whole answer. Rejects on a network error (its `code`, e.g. ECONNREFUSED), an
 * answer that breaks HTTP (code EBADANSWER, saying what was wrong) or an abort. A kept connection the server closed
 * just as the request went out (reset, or closed with nothing answered) is retried once on a fresh one: the server
 * never read it.
 */
export async function requestJson(request: JsonRequest): Promise<JsonAnswer> {
  if (request.signal.aborted) throw abortError(request.signal);
  try {
    return await once(request);
  } catch (error) {
    if (!(error instanceof StaleConnection)) throw error;
    return once(request);
  }
}

class StaleConnection extends Error {}

/** Where a URL sends a request. */
type Target = {
  /** The server a connection goes to (`http://host:port`): connections are kept per origin. */
  origin: string;
  server: Server;
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
  const secure = parsed.protocol === 'https:';
  if (!secure && parsed.protocol !== 'http:') throw new TypeError(`not an http(s) URL: ${url}`);
  const target: Target = {
    origin: parsed.origin,
    server: {
      secure,
      // An IPv6 literal without its brackets, as a socket wants it.
      hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: parsed.port === '' ? (secure ? 443 : 80) : Number(parsed.port),
    },
    path: `${parsed.pathname}${parsed.search}`,
    host: parsed.host,
  };
  if (targets.size >= MAX_TARGETS) targets.clear();
  targets.set(url, target);
  return target;
}

async function once({ method, url, headers, body, signal }: JsonRequest): Promise<JsonAnswer> {
  const target = targetOf(url);
  const text = requestText(method, target, headers, body);
  const connection = idleConnection(target.origin) ?? openConnection(target);
  const reused = connection.answered > 0;
  // The caller's timeout: the connection is closed under the request.
  const onAbort = () => {
    connection.close(abortError(signal));
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const answer = await connection.send(text);
    keep(target.origin, connection, answer);
    return jsonAnswer(answer);
  } catch (error) {
    const { code, answerStarted } = error as Failure;
    const closedUnder = code === 'ECONNRESET' || code === 'EPIPE';
    if (reused && closedUnder && answerStarted === false && !signal.aborted) throw new StaleConnection(code);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

// Per server: the connections waiting for a request (the last one used first: the warmest), the open ones that
// have carried an answer, and who wants to hear when one of those closes (warm-line.ts reads the last two).
const idle = new Map<string, KeptConnection[]>();
const connections = new Map<string, Set<KeptConnection>>();
const closedListeners = new Map<string, Set<() => void>>();

function idleConnection(origin: string): KeptConnection | undefined {
  const waiting = idle.get(origin);
  for (let connection = waiting?.pop(); connection !== undefined; connection = waiting?.pop())
    if (connection.open) return connection;
  return undefined;
}

function openConnection({ origin, server }: Target): KeptConnection {
  return new KeptConnection(server, (closed) => {
    const waiting = idle.get(origin);
    const at = waiting?.indexOf(closed) ?? -1;
    if (at !== -1) waiting?.splice(at, 1);
    if (connections.get(origin)?.delete(closed) !== true) return;
    for (const listener of closedListeners.get(origin) ?? []) listener();
  });
}

/**
 * After an answer: the connection waits for the next request, closing itself a second before the server's
 * `Keep-Alive: timeout` hint would (so a request never races the server's close), or at once under a hint of a
 * second or less.
 */
function keep(origin: string, connection: KeptConnection, answer: Answer): void {
  if (!connection.open) return;
  const hint = /(?:^|[\s,])timeout=(\d+)/i.exec(answer.headers.get('keep-alive') ?? '')?.[1];
  const restMs = hint === undefined ? null : (Number(hint) - 1) * 1000;
  if (restMs !== null && restMs <= 0) {
    connection.close();
    return;
  }
  let open = connections.get(origin);
  if (open === undefined) connections.set(origin, (open = new Set()));
  open.add(connection);
  let waiting = idle.get(origin);
  if (waiting === undefined) idle.set(origin, (waiting = []));
  waiting.push(connection);
  connection.rest(restMs);
}

/**
 * How many connections to `url`'s server are open now, idle or busy (counted from their first answer; one being
 * closed, as after an answer with `Connection: close`, is not).
 */
export function openConnections(url: string): number {
  let count = 0;
  for (const connection of connections.get(targetOf(url).origin) ?? []) if (connection.open) count += 1;
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

const FIELD_VALUE = /^[\t\x20-\x7e]*$/;

/** The request's head and body as written to the socket; a header that would break the head is refused. */
function requestText(method: string, target: Target, headers: Record<string, string>, body?: string): string {
  let head = `${method} ${target.path} HTTP/1.1\r\nhost: ${target.host}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    if (!FIELD_NAME.test(name) || !FIELD_VALUE.test(value))
      throw new TypeError(`the request header ${JSON.stringify(name)} has a character HTTP does not allow`);
    head += `${name}: ${value}\r\n`;
  }
  if (body === undefined) return `${head}\r\n`;
  return `${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function abortError(signal: AbortSignal): Error {
  const error = new Error('the request was aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

function jsonAnswer(answer: Answer): JsonAnswer {
  return {
    status: answer.status,
    header: (name) => answer.headers.get(name),
    text: answer.body.toString('utf8'),
  };
}
