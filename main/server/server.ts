// `warden serve`: the core under plain Node. HTTP (API + the built renderer) and a WebSocket carrying the same
// contract as the Electron IPC, on 127.0.0.1 by default, every endpoint but /api/health behind the token.
// docs/SECURITY.md says what each check here stops.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { recentAlerts } from '../core/subscribers';
import type { WardenCore } from '../core/types';
import type { Logger } from '../platform/logger';
import { allowedHost, allowedOrigin, isAuthorized, sameOriginRequest, tokenCookie } from './auth';
import { health, postCommand, sendJson } from './http-api';
import { serveStatic } from './static-files';
import { attachSocket } from './socket';

/** How long and how much a client may take: slow or greedy clients are cut off, not waited for. */
export type ServerLimits = {
  /** The request line and headers must have arrived within this (a slowloris trickling headers). */
  headersTimeoutMs: number;
  /** The whole request, body included, within this (a body trickled a byte at a time). */
  requestTimeoutMs: number;
  /** How often the two timeouts above are checked (Node checks them on a timer, 30 s by default). */
  timeoutCheckMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A command body larger than this is refused (413) without being read. */
  maxBodyBytes: number;
  /** A WebSocket frame larger than this closes the socket (1009). */
  maxFrameBytes: number;
  /** A WebSocket client that lets this much of our output pile up unread is dropped. */
  maxUnreadBytes: number;
};

export const defaultServerLimits: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  timeoutCheckMs: 1_000,
  keepAliveTimeoutMs: 5_000,
  maxBodyBytes: 64 * 1024,
  maxFrameBytes: 64 * 1024,
  maxUnreadBytes: 8 * 1024 * 1024,
};

export type ServeOptions = {
  core: WardenCore;
  host: string;
  port: number;
  token: string;
  rendererDir: string;
  logger: Logger;
  version: string;
  /** Tests shorten these; `warden serve` uses defaultServerLimits. */
  limits?: Partial<ServerLimits>;
};

export type RunningServer = { url: string; port: number; close(): Promise<void> };

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const logger = options.logger.child('server');
  const limits = { ...defaultServerLimits, ...options.limits };
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    },
    (request, response) => {
      handle(options, limits, request, response).catch((error: unknown) => {
        // The path only: the query may carry the token.
        logger.error('request failed', { path: pathOf(request), reason: (error as Error).message });
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'internal error' });
      });
    },
  );
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without an error listener: a client resetting it must not crash the server.
    socket.on('error', () => undefined);
    const url = parseRequestUrl(request);
    if (url === null || url.pathname !== '/ws' || !allowedHost(request.headers.host, options.host)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!allowedOrigin(request.headers.origin, request.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // A browser cannot read an HTTP status on a failed upgrade; a close code it can show (4401) is clearer.
      if (!isAuthorized(request, url, options.token)) ws.close(4401, 'unauthorized');
      else attachSocket(ws, options.core, logger, { maxUnreadBytes: limits.maxUnreadBytes });
    });
  });
  await listen(server, options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/?token=${encodeURIComponent(options.token)}`,
    port,
    close: () => closeServer(server, sockets),
  };
}

/** The request's URL, or null when it cannot be parsed (e.g. `//`, which a page can ask for). */
function parseRequestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '').split('?')[0] ?? '';
}

async function handle(
  options: ServeOptions,
  limits: ServerLimits,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!allowedHost(request.headers.host, options.host)) {
    sendJson(response, 421, { ok: false, error: 'unexpected Host header' });
    return;
  }
  const url = parseRequestUrl(request);
  if (url === null) {
    sendJson(response, 400, { ok: false, error: 'the request URL cannot be read' });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/api/health') {
    sendJson(response, 200, health(options.core, options.version));
    return;
  }
  if (!isAuthorized(request, url, options.token)) {
    sendJson(response, 401, {
      ok: false,
      error: 'missing or wrong token: open the URL printed by `warden serve`',
    });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/api/state') {
    // One read for a script: the state with the recent alerts (a screen gets them as pushes instead).
    sendJson(response, 200, { ...options.core.view(), alerts: recentAlerts(options.core) });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/api/history') {
    // Read-only: ?account=ID&days=N (default 30)&equityDay=today|YYYY-MM-DD, the same view as getHistory.
    const account = url.searchParams.get('account');
    const days = url.searchParams.get('days');
    const equityDay = url.searchParams.get('equityDay');
    const answer = await options.core.command('getHistory', {
      ...(account === null ? {} : { account }),
      ...(days === null ? {} : { days: Number(days) }),
      ...(equityDay === null ? {} : { equityDay }),
    });
    sendJson(response, answer.ok ? 200 : 400, answer.ok ? answer.result : answer);
    return;
  }
  if (request.method === 'GET' && url.pathname === '/api/config') {
    const answer = await options.core.command('getConfig', {});
    sendJson(response, answer.ok ? 200 : 500, answer.ok ? answer.result : answer);
    return;
  }
  const command = /^\/api\/commands\/([a-zA-Z-]+)$/.exec(url.pathname)?.[1];
  if (command !== undefined) {
    if (request.method !== 'POST') sendJson(response, 405, { ok: false, error: 'use POST' });
    else if (!sameOriginRequest(request))
      sendJson(response, 403, { ok: false, error: 'commands are accepted only from Warden’s own page' });
    else await postCommand(options.core, command, request, response, limits.maxBodyBytes);
    return;
  }
  if (request.method === 'GET' && !url.pathname.startsWith('/api/')) {
    if (url.searchParams.has('token')) response.setHeader('set-cookie', tokenCookie(options.token));
    if (await serveStatic(options.rendererDir, url.pathname, response)) return;
  }
  sendJson(response, 404, { ok: false, error: `no such endpoint: ${request.method ?? ''} ${url.pathname}` });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeServer(server: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
