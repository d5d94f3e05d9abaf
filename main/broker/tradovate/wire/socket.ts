// One Tradovate WebSocket (user or market data; docs/brokers/TRADOVATE.md section 4) over `ws`: opened, authorized
// with the token, kept alive with `[]` every 2.5 s on the injected clock, watched for silence, requests matched to
// their answers and pushes handed on in arrival order. Its end is reported once; reconnecting is the adapter's job.
import WebSocket from 'ws';
import type { Clock } from '../../../platform/clock';
import type { Logger } from '../../../platform/logger';
import { encodeAuthorize, HEARTBEAT, parseFrame, type PushMessage, type Request } from './frames';
import { readAnswer, type SocketOutcome } from './outcome';
import { createRequests, type Requests } from './requests';

export type SocketTiming = {
  heartbeatMs: number;
  /** Nothing at all (no `h`, no message) for this long: the link is dead. */
  silenceMs: number;
  /** From dialling to the authorize answer. */
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxPenaltyResends: number;
};

export const DEFAULT_SOCKET_TIMING: SocketTiming = {
  heartbeatMs: 2_500,
  silenceMs: 10_000,
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  maxPenaltyResends: 3,
};

/** How the link ended, when the client did not end it itself: a `c` frame, the socket closing, or silence. */
export type SocketEnd = { code: number; reason: string; cause: 'close-frame' | 'socket-closed' | 'silence' };

export type SocketOptions = {
  url: string;
  token: string;
  clock: Clock;
  logger: Logger;
  /** Each push in arrival order; a handler that throws is logged, the socket goes on. */
  onPush(push: PushMessage): void;
  /** Called at most once, never after `close()`. */
  onEnd(end: SocketEnd): void;
  timing?: Partial<SocketTiming>;
};

export type TradovateSocket = {
  request(
    endpoint: string,
    query?: Request['query'],
    body?: Record<string, unknown>,
    options?: { timeoutMs?: number },
  ): Promise<SocketOutcome>;
  /** Ends the link without reporting it; requests still waiting end as `closed`. Safe to call again. */
  close(): void;
  /** Settles when the underlying socket has fully closed, whoever ended it: a new one may then be opened. */
  readonly closed: Promise<void>;
};

export type SocketConnect =
  { ok: true; socket: TradovateSocket } | { ok: false; error: string; unauthorized: boolean };

/** No frame for this many ms: the code reported with a silence end, as a socket dropped without a close frame. */
const ABNORMAL_CLOSURE = 1006;

/** Resolves once authorized (or not); the socket's later life is told through `onPush` and `onEnd`. */
export function connectSocket(options: SocketOptions): Promise<SocketConnect> {
  let ws: WebSocket;
  try {
    ws = new WebSocket(options.url);
  } catch (error) {
    // A URL ws cannot dial (a typo in WARDEN_TRADOVATE_WS_URL) is a failed connect, not a crash.
    return Promise.resolve({ ok: false, error: `${options.url}: ${errorText(error)}`, unauthorized: false });
  }
  return run(ws, options);
}

function run(ws: WebSocket, options: SocketOptions): Promise<SocketConnect> {
  const timing = { ...DEFAULT_SOCKET_TIMING, ...options.timing };
  const { clock, logger } = options;
  const transmit = (text: string): boolean => {
    if (ws.readyState !== WebSocket.OPEN) return false;
    ws.send(text);
    return true;
  };
  const requests = createRequests({ clock, logger, transmit, maxPenaltyResends: timing.maxPenaltyResends });
  const stops: (() => void)[] = [];
  let lastHeardAt = clock.now();
  let phase: 'connecting' | 'open' | 'ended' = 'connecting';
  let greeted = false;
  let settleConnect: (result: SocketConnect) => void = () => undefined;
  const connected = new Promise<SocketConnect>((resolve) => {
    settleConnect = resolve;
  });
  const closed = new Promise<void>((resolve) => {
    ws.once('close', () => {
      resolve();
    });
  });

  /** Ends everything once; `end` is reported only when the link was up and the client did not end it. */
  const finish = (failure: string, end: SocketEnd | null): void => {
    if (phase === 'ended') return;
    const wasOpen = phase === 'open';
    phase = 'ended';
    for (const stop of stops.splice(0)) stop();
    requests.endAll({ kind: 'closed', error: failure });
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    else if (ws.readyState === WebSocket.OPEN) ws.close(1000);
    if (!wasOpen) settleConnect({ ok: false, error: failure, unauthorized: false });
    else if (end !== null) report(options, end);
  };

  const keepAlive = (): void => {
    stops.push(
      clock.setInterval(() => {
        const silentMs = clock.now() - lastHeardAt;
        if (silentMs >= timing.silenceMs) {
          const reason = `nothing from Tradovate in ${Math.round(silentMs / 1000)} s: the link is dead`;
          finish(reason, { code: ABNORMAL_CLOSURE, reason, cause: 'silence' });
          return;
        }
        transmit(HEARTBEAT);
      }, timing.heartbeatMs),
    );
  };

  const authorized = (status: number, payload: unknown): void => {
    if (phase !== 'connecting') return;
    const reading = readAnswer('authorize', status, payload);
    if (reading.kind === 'ok') {
      phase = 'open';
      cancelConnectTimer();
      settleConnect({ ok: true, socket: handle(timing, requests, finish, closed) });
      return;
    }
    const error =
      status === 401
        ? 'authorize: the token was refused (401)'
        : reading.kind === 'penalty'
          ? `authorize: Tradovate asks to wait ${reading.penalty.waitMs / 1000} s (penalty ticket)`
          : reading.error;
    settleConnect({ ok: false, error, unauthorized: status === 401 });
    finish(error, null);
  };

  const onText = (text: string): void => {
    lastHeardAt = clock.now();
    const frame = parseFrame(text);
    switch (frame.kind) {
      case 'malformed':
        logger.warn('malformed frame from Tradovate', { error: frame.error });
        return;
      case 'heartbeat':
        return;
      case 'open':
        if (greeted) logger.warn('a second open frame from Tradovate');
        else {
          greeted = true;
          keepAlive();
          transmit(encodeAuthorize(options.token));
        }
        return;
      case 'close': {
        const reason = `Tradovate closed the link (${frame.code} ${frame.reason})`;
        finish(reason, { code: frame.code, reason: frame.reason, cause: 'close-frame' });
        return;
      }
      case 'messages':
        for (const message of frame.messages) {
          if (phase === 'ended') return;
          if (message.kind === 'malformed')
            logger.warn('malformed message from Tradovate', { error: message.error });
          else if (message.kind === 'push') deliver(options, message);
          else if (message.id === 0) authorized(message.status, message.payload);
          else if (message.id !== null) requests.answer({ ...message, id: message.id });
          else if (message.status === 429) requests.rateLimitedAll();
          else logger.warn('status without a request id from Tradovate', { status: message.status });
        }
    }
  };

  const cancelConnectTimer = clock.setTimeout(() => {
    finish(`no authorized link to ${options.url} in ${timing.connectTimeoutMs} ms`, null);
  }, timing.connectTimeoutMs);
  stops.push(cancelConnectTimer);
  ws.on('message', (data) => {
    onText(textOf(data));
  });
  ws.on('error', (error) => {
    // An error before the link is up is the connect's answer; after, the close that follows reports it.
    if (phase !== 'connecting') return;
    settleConnect({ ok: false, error: error.message, unauthorized: /\b401\b/.test(error.message) });
    finish(error.message, null);
  });
  ws.on('close', (code, reason) => {
    const said = reason.toString() || 'no reason given';
    finish(`the socket closed (${code} ${said})`, { code, reason: said, cause: 'socket-closed' });
  });
  return connected;
}

/** The authorized socket as its user sees it. */
function handle(
  timing: SocketTiming,
  requests: Requests,
  finish: (failure: string, end: null) => void,
  closed: Promise<void>,
): TradovateSocket {
  return {
    request(endpoint, query, body, requestOptions) {
      return requests.send({
        endpoint,
        ...(query === undefined ? {} : { query }),
        ...(body === undefined ? {} : { body }),
        timeoutMs: requestOptions?.timeoutMs ?? timing.requestTimeoutMs,
      });
    },
    close() {
      finish('the socket was closed by Warden', null);
    },
    closed,
  };
}

/** A handler that throws is logged: thrown inside a `ws` event it would escape into the socket's own code. */
function deliver(options: SocketOptions, push: PushMessage): void {
  try {
    options.onPush(push);
  } catch (error) {
    options.logger.error('push handler failed', { event: push.event, error: errorText(error) });
  }
}

function report(options: SocketOptions, end: SocketEnd): void {
  try {
    options.onEnd(end);
  } catch (error) {
    options.logger.error('end handler failed', { error: errorText(error) });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function textOf(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
