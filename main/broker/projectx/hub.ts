// One SignalR hub connection (docs/brokers/PROJECTX.md sections 1.5 and 3.1) through the official client: WebSockets without
// negotiation, the current token from a factory (and in the URL, as the docs do), automatic reconnect with our
// delays, and the subscriptions replayed after every reconnect (the server does not restore them).
import {
  HttpTransportType,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IHttpConnectionOptions,
  type ILogger,
} from '@microsoft/signalr';
import WebSocket from 'ws';
import type { Logger } from '../../platform/logger';
import { errorText } from './rest-client';

export type HubOptions = {
  name: 'user' | 'market';
  url: string;
  token: () => string | null;
  logger: Logger;
  /** Handlers by hub method name; each receives the invocation's arguments. */
  handlers: Record<string, (args: unknown[]) => void>;
  /** Invocations to (re)send after every connect: the current subscriptions. */
  subscriptions: () => { method: string; args: unknown[] }[];
  reconnectDelaysMs: readonly number[];
  serverTimeoutMs: number;
  keepAliveMs: number;
  onReconnecting(reason: string): void;
  /** After a reconnect, with the subscriptions already replayed. */
  onReconnected(): void;
  /** The client gave up (its automatic reconnects are spent) or the server closed the connection for good. */
  onClosed(reason: string): void;
};

export type Hub = {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(method: string, ...args: unknown[]): Promise<void>;
  readonly connected: boolean;
  /** Why the last socket failed, with the HTTP status when the upgrade was refused ("Unexpected server response: 401"). */
  readonly lastSocketError: string | null;
};

export function createHub(options: HubOptions): Hub {
  const log = options.logger;
  let lastSocketError: string | null = null;
  let stopping = false;

  /** ws with its upgrade errors kept: the SignalR client reduces them to "There was an error with the transport". */
  class TrackedWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('error', (error) => {
        lastSocketError = error.message;
      });
    }
  }

  const token = options.token();
  const url = token === null ? options.url : `${options.url}?access_token=${encodeURIComponent(token)}`;
  const httpOptions: IHttpConnectionOptions & { WebSocket: typeof TrackedWebSocket } = {
    skipNegotiation: true,
    transport: HttpTransportType.WebSockets,
    accessTokenFactory: () => options.token() ?? '',
    timeout: 10_000,
    WebSocket: TrackedWebSocket,
  };
  const connection: HubConnection = new HubConnectionBuilder()
    .withUrl(url, httpOptions)
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) =>
        options.reconnectDelaysMs[context.previousRetryCount] ?? null,
    })
    .configureLogging(clientLogger(log))
    .build();
  connection.serverTimeoutInMilliseconds = options.serverTimeoutMs;
  connection.keepAliveIntervalInMilliseconds = options.keepAliveMs;

  for (const [method, handler] of Object.entries(options.handlers)) {
    connection.on(method, (...args: unknown[]) => {
      try {
        handler(args);
      } catch (error) {
        log.error('hub handler failed', { hub: options.name, method, error: errorText(error) });
      }
    });
  }

  const subscribe = async (): Promise<void> => {
    for (const { method, args } of options.subscriptions()) await connection.invoke(method, ...args);
  };

  connection.onreconnecting((error) => {
    options.onReconnecting(error === undefined ? 'connection lost' : errorText(error));
  });
  connection.onreconnected(() => {
    subscribe().then(
      () => {
        options.onReconnected();
      },
      (error: unknown) => {
        log.warn('re-subscribing failed; restarting the connection', {
          hub: options.name,
          error: errorText(error),
        });
        void connection.stop();
      },
    );
  });
  connection.onclose((error) => {
    if (stopping) return;
    options.onClosed(error === undefined ? 'closed by the server' : errorText(error));
  });

  return {
    async start() {
      await connection.start();
      await subscribe();
    },
    async stop() {
      stopping = true;
      await connection.stop();
    },
    async invoke(method, ...args) {
      if (connection.state !== HubConnectionState.Connected) return;
      await connection.invoke(method, ...args);
    },
    get connected() {
      return connection.state === HubConnectionState.Connected;
    },
    get lastSocketError() {
      return lastSocketError;
    },
  };
}

/** The client's own log, at warning and above, into ours (it never sees a token: URLs are not logged at that level). */
function clientLogger(log: Logger): ILogger {
  return {
    log(level, message) {
      if (level >= LogLevel.Error)
        log.warn('signalr', { message: message.replace(/access_token=[^&\s]+/g, 'access_token=…') });
    },
  };
}
