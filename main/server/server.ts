// `warden serve`: the core under plain Node. HTTP (API + the built renderer) and a WebSocket carrying the same
// contract as the Electron IPC, on 127.0.0.1 by default, every endpoint but /api/health behind the token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { recentAlerts } from '../core/subscribers';
import type { WardenCore } from '../core/types';
import type { Logger } from '../platform/logger';
import { allowedHost, allowedOrigin, isAuthorized, sameOriginRequest, tokenCookie } from './auth';
import { health, postCommand, sendJson } from './http-api';
import { serveStatic } from './static-files';
import { attachSocket } from './socket';

export type ServeOptions = {
  core: WardenCore;
  host: string;
  port: number;
  token: string;
  rendererDir: string;
  logger: Logger;
  version: string;
};

export type RunningServer = { url: string; port: number; close(): Promise<void> };

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const logger = options.logger.child('server');
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      logger.error('request failed', { url: request.url, reason: (error as Error).message });
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'internal error' });
    });
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws' || !allowedHost(request.headers.host, options.host)) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    if (!allowedOrigin(request.headers.origin, request.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // A browser cannot read an HTTP status on a failed upgrade; a close code it can show (4401) is clearer.
      if (!isAuthorized(request, url, options.token)) ws.close(4401, 'unauthorized');
      else attachSocket(ws, options.core, logger);
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

async function handle(
  options: ServeOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!allowedHost(request.headers.host, options.host)) {
    sendJson(response, 421, { ok: false, error: 'unexpected Host header' });
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
    else await postCommand(options.core, command, request, response);
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
