// A fake ProjectX gateway on real sockets: the REST API and both SignalR hubs (/hubs/user, /hubs/market) over
// WebSocket, with a scriptable broker behind them. Tests (and `npm run fake-gateway`) push events, fail calls,
// answer 429, drop sockets, send malformed frames and expire tokens, and read back every call made. For chaos:
// frames delayed, duplicated or reordered per hub (link-faults.ts), sockets half-closed or quiet, REST calls hung
// or slowed, actions run at the moment a call arrives, reconnect storms, and a log of what each command did.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { serveHubProtocol, type HubPeer } from './hub-protocol';
import { createOutbox, noStats, seededRandom, type LinkFaults, type Outbox } from './link-faults';
import { createModel, type FakeOrder, type Quote, type UserEvent } from './model';
import { handleRest, type Effect, type RestReply } from './rest';

export type HubName = 'user' | 'market';
export type Call = {
  endpoint: string;
  body: Record<string, unknown>;
  token: string | null;
  at: number;
  /** Which REST connection carried it: 1 for the first the gateway read a call on, and so on. */
  connection: number;
};
/** How the next call(s) to an endpoint are answered instead of the normal way. */
export type Scripted = {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer this late (longer than the client waits = a timeout). */
  delayMs?: number;
  /** Carry the call out as usual, and only then answer as scripted (the answer is lost, the effect is not). */
  perform?: boolean;
  /** Never answer (the client's own timeout ends the wait). */
  hang?: boolean;
  times?: number;
};
/** One invocation sent to a client: its hub method and arguments. */
export type HubFrame = { target: string; args: unknown[] };
export type HubConnection = {
  hub: HubName;
  token: string;
  subscriptions: Set<string>;
  peer: HubPeer;
  outbox: Outbox<HubFrame>;
  /** Dropped at its first invocation (a reconnect storm's flapping connection). */
  flapping: boolean;
};
/** How each connection attempt to a hub went. */
export type Upgrade = { hub: HubName; outcome: 'accepted' | 'refused' | 'flapped'; at: number };
/** The next connection attempts in a storm: refused (HTTP 503), or accepted and dropped at its first invocation. */
export type StormStep = 'refuse' | 'flap';

export type FakeGatewayOptions = {
  port?: number;
  tokenLifetimeMs?: number;
  pingMs?: number;
  marketEntitled?: boolean;
  credentials?: { userName: string; apiKey: string };
  legacyContractShape?: boolean;
  /** Push user events bare (as the docs show) instead of wrapped in {action, data} (as the live feed does). */
  bareEvents?: boolean;
  /** Seeds the link faults' random choices. */
  seed?: number;
  /** Told of each REST call as soon as its body has been read, before it is answered (a benchmark's stopwatch). */
  onCall?: (call: Call) => void;
};

export const FAKE_CREDENTIALS = { userName: 'trader', apiKey: 'fake-api-key-0123' };

export async function startFakeGateway(options: FakeGatewayOptions = {}) {
  const model = createModel();
  const calls: Call[] = [];
  const pings: Call[] = [];
  const scripts = new Map<string, Scripted[]>();
  const connections = new Set<HubConnection>();
  const issued = new Map<string, number>();
  let tokenCount = 0;
  let marketEntitled = options.marketEntitled ?? true;
  const refusing = new Set<HubName>();
  const linkFaults: Record<HubName, LinkFaults> = { user: {}, market: {} };
  const linkStats = { user: noStats(), market: noStats() };
  const random = seededRandom(options.seed ?? 17);
  const storms: Record<HubName, StormStep[]> = { user: [], market: [] };
  const upgrades: Upgrade[] = [];
  const effects: Effect[] = [];
  const hooks = new Map<string, { action: () => void; times: number }[]>();
  let restLatencyMs = 0;
  const restConnections = new WeakMap<Socket, number>();
  let restConnectionCount = 0;
  const connectionOf = (socket: Socket): number => {
    let number = restConnections.get(socket);
    if (number === undefined) restConnections.set(socket, (number = ++restConnectionCount));
    return number;
  };

  const tokens = {
    issue(): string {
      tokenCount += 1;
      const exp = (Date.now() + (options.tokenLifetimeMs ?? 24 * 3_600_000)) / 1000;
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ exp, n: tokenCount })}.fake`;
      issued.set(token, exp * 1000);
      return token;
    },
    valid(token: string | null): boolean {
      const expires = token === null ? undefined : issued.get(token);
      return expires !== undefined && Date.now() < expires;
    },
  };

  const subscriptionFor = (event: UserEvent): string =>
    event.target === 'GatewayUserAccount'
      ? 'accounts'
      : `${{ GatewayUserTrade: 'trades', GatewayUserPosition: 'positions', GatewayUserOrder: 'orders' }[event.target] ?? '?'}:${event.accountId}`;

  /** One gateway action's user events: to each user connection, the ones it subscribed to, as one batch. */
  const push = (events: UserEvent[]): void => {
    for (const c of connections) {
      if (c.hub !== 'user') continue;
      const frames = events
        .filter((event) => c.subscriptions.has(subscriptionFor(event)))
        .map((event) => ({
          target: event.target,
          args: [options.bareEvents === true ? event.entity : { action: event.action, data: event.entity }],
        }));
      c.outbox.post(frames);
    }
  };
  const ctx = {
    model,
    tokens,
    credentials: options.credentials ?? FAKE_CREDENTIALS,
    legacyContractShape: options.legacyContractShape ?? false,
    push,
    effect: (effect: Effect) => effects.push(effect),
  };

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const endpoint = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      const auth = request.headers.authorization;
      const token = auth?.startsWith('Bearer ') === true ? auth.slice(7) : null;
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        answer(response, { status: 400 });
        return;
      }
      const call: Call = { endpoint, body, token, at: Date.now(), connection: connectionOf(request.socket) };
      // A keep-warm ping is background traffic, kept apart so that a test's list of calls is what it caused.
      if (endpoint === 'Status/ping') pings.push(call);
      else {
        calls.push(call);
        options.onCall?.(call);
      }
      const hook = hooks.get(endpoint)?.[0];
      if (hook !== undefined) {
        hook.times -= 1;
        if (hook.times <= 0) hooks.get(endpoint)?.shift();
        hook.action();
      }
      const queue = scripts.get(endpoint);
      const script = queue?.[0];
      if (script !== undefined && queue !== undefined) {
        script.times = (script.times ?? 1) - 1;
        if (script.times <= 0) queue.shift();
        if (script.perform === true) handleRest(ctx, endpoint, body, token);
        if (script.hang === true) return;
        const reply = {
          status: script.status ?? 200,
          body: script.body,
          ...(script.headers ? { headers: script.headers } : {}),
        };
        setTimeout(() => {
          answer(response, reply);
        }, script.delayMs ?? 0);
        return;
      }
      const reply = handleRest(ctx, endpoint, body, token);
      if (restLatencyMs > 0) setTimeout(() => answer(response, reply), restLatencyMs);
      else answer(response, reply);
    });
  };

  const http = createServer(onRequest);
  const wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const hub = url.pathname === '/hubs/user' ? 'user' : url.pathname === '/hubs/market' ? 'market' : null;
    const header = request.headers.authorization;
    const token =
      url.searchParams.get('access_token') ??
      (header?.startsWith('Bearer ') === true ? header.slice(7) : null);
    const status =
      hub === null
        ? 404
        : !tokens.valid(token) || refusing.has(hub) || (hub === 'market' && !marketEntitled)
          ? 401
          : 0;
    if (status !== 0 || hub === null || token === null) {
      socket.end(
        `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Unauthorized'}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    const step = storms[hub].shift();
    if (step === 'refuse') {
      upgrades.push({ hub, outcome: 'refused', at: Date.now() });
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    upgrades.push({ hub, outcome: step === 'flap' ? 'flapped' : 'accepted', at: Date.now() });
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection: HubConnection = {
        hub,
        token,
        subscriptions: new Set(),
        peer: undefined as unknown as HubPeer,
        outbox: createOutbox<HubFrame>({
          send: (frames) => {
            for (const frame of frames) connection.peer.invoke(frame.target, frame.args);
          },
          faults: () => linkFaults[hub],
          streamOf: (frame) => frame.target,
          random,
          stats: linkStats[hub],
        }),
        flapping: step === 'flap',
      };
      connection.peer = serveHubProtocol(
        ws,
        {
          onInvocation: (invocation) => {
            if (!connection.flapping) return subscribe(connection, invocation.target, invocation.arguments);
            connection.peer.drop();
            return { error: 'connection dropped' };
          },
          onClose: () => {
            connection.outbox.stop();
            connections.delete(connection);
          },
        },
        options.pingMs ?? 1000,
      );
      connections.add(connection);
    });
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const hubsOf = (hub?: HubName) => [...connections].filter((c) => hub === undefined || c.hub === hub);

  return {
    url,
    model,
    calls,
    /** The keep-warm pings (`GET /api/Status/ping`), not among `calls`. */
    pings,
    /** Calls made to one endpoint (or all), in order. */
    callsTo: (endpoint?: string) => calls.filter((c) => endpoint === undefined || c.endpoint === endpoint),
    script(endpoint: string, reply: Scripted) {
      scripts.set(endpoint, [...(scripts.get(endpoint) ?? []), reply]);
    },
    push,
    /** Closes the REST connections kept open with no request on them, as a server does after its idle time. */
    closeIdleConnections() {
      http.closeIdleConnections();
    },
    /** A raw invocation on every connection of a hub, subscribed or not. */
    invoke(hub: HubName, target: string, args: unknown[]) {
      for (const c of hubsOf(hub)) c.peer.invoke(target, args);
    },
    sendRaw(hub: HubName, text: string) {
      for (const c of hubsOf(hub)) c.peer.sendRaw(text);
    },
    dropSockets(hub?: HubName) {
      for (const c of hubsOf(hub)) c.peer.drop();
    },
    closeHubs(hub?: HubName, error?: string) {
      for (const c of hubsOf(hub)) c.peer.close(error, false);
    },
    /** Upgrades to this hub are refused with 401 while set (a dead token, a lost entitlement). */
    refuseConnections(hub: HubName, refuse: boolean) {
      if (refuse) refusing.add(hub);
      else refusing.delete(hub);
    },
    setMarketEntitled(entitled: boolean) {
      marketEntitled = entitled;
    },
    expireTokens() {
      for (const token of issued.keys()) issued.set(token, 0);
    },
    connections: hubsOf,
    quote(contractId: string, quote: Quote) {
      model.quotes.set(contractId, { ...model.quotes.get(contractId), ...quote });
      sendQuote(contractId, quote, Date.now());
    },
    /**
     * Quotes stamped `at`, sent in the order given (a burst out of timestamp order); the gateway's own latest
     * quote is the newest by timestamp.
     */
    quoteBurst(contractId: string, burst: readonly { quote: Quote; at: number }[]) {
      for (const { quote } of [...burst].sort((a, b) => a.at - b.at))
        model.quotes.set(contractId, { ...model.quotes.get(contractId), ...quote });
      for (const { quote, at } of burst) sendQuote(contractId, quote, at);
    },
    fill(accountId: number, contractId: string, side: 0 | 1, size: number, price: number) {
      const events = model.fill(accountId, contractId, side, size, price);
      push(events);
      return events;
    },
    placeOrder(order: Parameters<typeof model.placeOrder>[0]): FakeOrder {
      const placed = model.placeOrder(order);
      push(placed.events);
      return placed.order;
    },
    // Chaos.
    /** Frames to this hub's connections (now and later ones) go through these faults; `{}` heals the link. */
    setLinkFaults(hub: HubName, faults: LinkFaults) {
      linkFaults[hub] = faults;
    },
    /** What the link faults did per hub so far (batches posted, reordered, duplicated, delayed). */
    linkStats,
    /** The hub's sockets end their write side (FIN, no close frame) and read on. */
    halfClose(hub: HubName) {
      for (const c of hubsOf(hub)) c.peer.halfClose();
    },
    /** The hub's sockets go quiet: no pings, no events, no answers (what the client sends is still read). */
    quiet(hub: HubName) {
      for (const c of hubsOf(hub)) c.peer.quiet();
    },
    /** Runs `action` when the next `times` calls to `endpoint` arrive, before they are answered. */
    when(endpoint: string, action: () => void, times = 1) {
      hooks.set(endpoint, [...(hooks.get(endpoint) ?? []), { action, times }]);
    },
    /** Every REST answer this late (0: at once). */
    setRestLatency(ms: number) {
      restLatencyMs = ms;
    },
    /** The next connection attempts to a hub, one step each. */
    storm(hub: HubName, steps: readonly StormStep[]) {
      storms[hub] = [...steps];
    },
    /** Every connection attempt to a hub that got past the token check, and how it went. */
    upgrades,
    /** What each mutating call did at the broker, in order. */
    effects,
    async stop() {
      for (const c of connections) c.outbox.stop();
      for (const c of connections) c.peer.drop();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };

  function sendQuote(contractId: string, quote: Quote, at: number): void {
    const data = {
      symbol: model.contracts.get(contractId)?.symbolId,
      ...quote,
      timestamp: new Date(at).toISOString(),
    };
    for (const c of hubsOf('market'))
      if (c.subscriptions.has(`quotes:${contractId}`))
        c.outbox.post([{ target: 'GatewayQuote', args: [contractId, data] }]);
  }

  function subscribe(
    connection: HubConnection,
    target: string,
    args: unknown[],
  ): { result: unknown } | { error: string } {
    const match = /^(Subscribe|Unsubscribe)(Accounts|Orders|Positions|Trades|ContractQuotes)$/.exec(target);
    if (match === null) return { error: `Unknown hub method '${target}'` };
    const [, verb, what = ''] = match;
    const userHub = what !== 'ContractQuotes';
    if (userHub !== (connection.hub === 'user')) return { error: `Unknown hub method '${target}'` };
    let key: string;
    if (what === 'Accounts') {
      if (args.length !== 0) return { error: 'Invocation provides 1 argument(s) but target expects 0.' };
      key = 'accounts';
    } else if (what === 'ContractQuotes') {
      if (typeof args[0] !== 'string') return { error: 'contractId must be a string' };
      key = `quotes:${args[0]}`;
    } else {
      if (typeof args[0] !== 'number')
        return { error: 'Error binding arguments: accountId must be a number' };
      key = `${what.toLowerCase()}:${args[0]}`;
    }
    if (verb === 'Subscribe') connection.subscriptions.add(key);
    else connection.subscriptions.delete(key);
    return { result: 0 };
  }
}

function answer(response: ServerResponse, reply: RestReply): void {
  if (response.destroyed) return;
  response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}

export type FakeGateway = Awaited<ReturnType<typeof startFakeGateway>>;
