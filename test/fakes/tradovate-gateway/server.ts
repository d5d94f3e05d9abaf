// A fake Tradovate gateway on real sockets: REST under /v1, the user WebSocket at /v1/websocket and the market-data
// WebSocket at /md/v1/websocket on one port, on an injectable clock. Tests (and `npm run fake-gateway -- --broker
// tradovate`) trade, move quotes, fail calls, hand out penalty tickets, drop and refuse sockets, and read every call.
// For chaos: pushes delayed, duplicated or reordered per socket kind (../projectx-gateway/link-faults.ts), sockets
// half-closed, quiet or flapping, actions run at the moment a call arrives, and a log of what each command did.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { systemClock, type Clock } from '../../../main/platform/clock';
import { createOutbox, noStats, seededRandom, type LinkFaults } from '../projectx-gateway/link-faults';
import { createTokens } from './auth';
import { createModel, type PropsEvent } from './model';
import { createPipeline, type Call, type Outcome } from './pipeline';
import type { Credentials, Effect, Reply, RestContext } from './rest';
import { APP, USER } from './seed';
import { serveTradovateSocket } from './socket-protocol';
import {
  handleSocketRequest,
  type MarketData,
  type Session,
  type SocketContext,
  type SocketKind,
} from './sockets';
import { createTrading } from './trading';
import { gatewayCommands } from './commands';

export type FakeTradovateOptions = {
  port?: number;
  clock?: Clock;
  tokenLifetimeMs?: number;
  heartbeatMs?: number;
  /** A client that sends nothing for this long is closed with `c[1008,"Heartbeat timeout"]`. */
  silenceMs?: number;
  credentials?: Credentials;
  /** Seeds the link faults' random choices. */
  seed?: number;
  /**
   * Told of each call (over HTTP or the user socket) as soon as it has been read, before it is answered (a
   * benchmark's stopwatch).
   */
  onCall?: (call: Call) => void;
};
/** How each socket connection attempt went. */
export type Upgrade = { kind: SocketKind; outcome: 'accepted' | 'refused' | 'flapping'; at: number };

export const FAKE_CREDENTIALS: Credentials = { name: USER.name, password: USER.password, ...APP };
export const PATHS = { rest: '/v1', user: '/v1/websocket', md: '/md/v1/websocket' } as const;

export async function startFakeTradovate(options: FakeTradovateOptions = {}) {
  const clock = options.clock ?? systemClock;
  const model = createModel();
  const trading = createTrading(model, clock);
  const tokens = createTokens(clock, options.tokenLifetimeMs ?? 90 * 60_000);
  const sessions = new Set<Session>();
  const signals = new EventEmitter();
  const faults = {
    heartbeating: true,
    marketData: 'live' as MarketData,
    refuse: { user: 0, md: 0 },
    flap: { user: 0, md: 0 },
    links: { user: {}, md: {} } as Record<SocketKind, LinkFaults>,
  };
  const random = seededRandom(options.seed ?? 17);
  const linkStats = { user: noStats(), md: noStats() };
  const effects: Effect[] = [];
  const upgrades: Upgrade[] = [];

  /** One gateway action's `props` pushes: to each synced user socket of their user, as one frame. */
  const push = (events: PropsEvent[]): void => {
    for (const s of sessions) {
      const mine = events.filter((e) => s.kind === 'user' && s.synced && s.userId === e.userId);
      s.outbox.post(
        mine.map(({ entityType, eventType, entity }) => ({
          e: 'props',
          d: { entityType, eventType, entity },
        })),
      );
    }
  };
  const ctx: RestContext = {
    model,
    trading,
    tokens,
    credentials: options.credentials ?? FAKE_CREDENTIALS,
    push,
    effect: (effect) => effects.push(effect),
  };
  const pipeline = createPipeline(ctx, clock, options.onCall);
  const later = (ms: number, run: () => void) => void clock.setTimeout(run, ms);
  const socketCtx: SocketContext = {
    model,
    tokens,
    pipeline,
    marketData: () => faults.marketData,
    later,
    now: () => clock.now(),
  };

  const http = createServer((request, response) => onHttp(request, response));
  function onHttp(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      if (!url.pathname.startsWith(`${PATHS.rest}/`)) {
        reply(response, { status: 404 });
        return;
      }
      pipeline.arrive(url.pathname.slice(PATHS.rest.length + 1));
      const auth = request.headers.authorization;
      const token = auth?.startsWith('Bearer ') === true ? auth.slice(7) : null;
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        reply(response, { status: 400, body: { errorText: 'Malformed JSON' } });
        return;
      }
      const outcome = pipeline.dispatch({
        via: 'http',
        endpoint: url.pathname.slice(PATHS.rest.length + 1),
        query: url.search.slice(1),
        body,
        userId: tokens.userOf(token),
        at: clock.now(),
      });
      signals.emit('call');
      answerHttp(response, outcome);
    });
  }
  const answerHttp = (response: ServerResponse, outcome: Outcome) => {
    if (outcome.hang) return;
    if (outcome.delayMs > 0) later(outcome.delayMs, () => reply(response, outcome.reply));
    else reply(response, outcome.reply);
  };

  const wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const kind: SocketKind | null = path === PATHS.user ? 'user' : path === PATHS.md ? 'md' : null;
    if (kind === null || faults.refuse[kind] > 0) {
      if (kind !== null) faults.refuse[kind] -= 1;
      if (kind !== null) upgrades.push({ kind, outcome: 'refused', at: clock.now() });
      const status = kind === null ? '404 Not Found' : '503 Service Unavailable';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      signals.emit('refused', kind);
      return;
    }
    const flapping = faults.flap[kind] > 0;
    if (flapping) faults.flap[kind] -= 1;
    upgrades.push({ kind, outcome: flapping ? 'flapping' : 'accepted', at: clock.now() });
    wss.handleUpgrade(request, socket, head, (ws) => {
      const session: Session = {
        kind,
        peer: undefined as never,
        userId: null,
        synced: false,
        quotes: new Set(),
        requests: [],
        outbox: createOutbox<unknown>({
          send: (messages) => {
            session.peer.send([...messages]);
          },
          faults: () => faults.links[kind],
          streamOf: (message) => {
            const { e, d } = message as { e: string; d?: { entityType?: string } };
            return `${e}:${d?.entityType ?? ''}`;
          },
          random,
          stats: linkStats[kind],
        }),
        revoked: false,
        flapping,
      };
      session.peer = serveTradovateSocket(
        ws,
        {
          onRequest: (r) => {
            handleSocketRequest(socketCtx, session, r);
            signals.emit('request', session, r);
          },
          onMalformed: (text) => signals.emit('malformed', session, text),
          onClose: () => {
            session.outbox.stop();
            sessions.delete(session);
            signals.emit('close', session);
          },
        },
        {
          clock,
          heartbeatMs: options.heartbeatMs ?? 2_500,
          silenceMs: options.silenceMs ?? 10_000,
          heartbeating: () => faults.heartbeating,
        },
      );
      sessions.add(session);
      signals.emit('open', session);
    });
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;

  return {
    ...gatewayCommands({ model, trading, tokens, pipeline, sessions, faults, push, clock }),
    /** What each command did at the broker, in order. */
    effects,
    /** Every socket connection attempt, and how it went. */
    upgrades,
    /** What the link faults did per socket kind so far (batches posted, reordered, duplicated, delayed). */
    linkStats,
    port,
    /** REST base, user socket and market-data socket: the three URLs the client is configured with. */
    urls: {
      api: `http://127.0.0.1:${port}${PATHS.rest}`,
      ws: `ws://127.0.0.1:${port}${PATHS.user}`,
      md: `ws://127.0.0.1:${port}${PATHS.md}`,
    },
    model,
    clock,
    /** Emits `open`, `close`, `request` (session, request), `malformed`, `refused` and `call` (HTTP). */
    signals,
    calls: pipeline.calls,
    callsTo: (endpoint: string) => pipeline.calls.filter((c) => c.endpoint === endpoint),
    ticketResends: pipeline.ticketResends,
    counts: tokens.counts,
    async stop() {
      for (const s of sessions) s.outbox.stop();
      for (const s of sessions) s.peer.drop();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function reply(response: ServerResponse, answer: Reply): void {
  if (response.destroyed) return;
  response.writeHead(answer.status, { 'content-type': 'application/json' });
  response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

export type FakeTradovate = Awaited<ReturnType<typeof startFakeTradovate>>;
