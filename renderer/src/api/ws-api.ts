// The WebSocket host (`warden serve`): numbered requests answered by id, pushes (state, the recent alerts on
// each connection, each new alert), reconnect with backoff. A request that cannot be answered (socket down, dropped, timed out) resolves to {ok:false, error}.
import {
  commandNames,
  type AlertView,
  type ClientFrame,
  type CommandArgs,
  type CommandName,
  type CommandResponse,
  type ServerFrame,
  type StateView,
} from '../../../shared/ipc';
import { CLOSE_UNAUTHORIZED, UNAUTHORIZED_MESSAGE } from './host-api';
import type { HostApi, LinkStatus } from './host-api';
import { parseServerFrame } from './server-frame';

export type SocketHandlers = {
  open(): void;
  message(text: string): void;
  close(code: number, reason: string): void;
};
export type SocketHandle = { send(text: string): void; close(code?: number, reason?: string): void };
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

export type WsApiOptions = {
  url: string;
  createSocket?: SocketFactory;
  /** A request with no answer after this long resolves to an error (default 30 s). */
  requestTimeoutMs?: number;
  /** Reconnect delays: initial, doubled per failed attempt up to max (defaults 250 ms and 5 s). */
  backoff?: { initialMs: number; maxMs: number };
};

/** Adapts a WHATWG WebSocket constructor (the browser's, or the `ws` package's in tests). */
export function webSocketFactory(Socket: typeof WebSocket = WebSocket): SocketFactory {
  return (url, handlers) => {
    const socket = new Socket(url);
    socket.onopen = () => {
      handlers.open();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') handlers.message(event.data);
    };
    socket.onclose = (event: CloseEvent) => {
      handlers.close(event.code, event.reason);
    };
    // A close event always follows an error; handling it there is enough (and Node's `ws` throws if unheard).
    socket.onerror = () => undefined;
    return {
      send: (text) => {
        socket.send(text);
      },
      close: (code, reason) => {
        socket.close(code, reason);
      },
    };
  };
}

type Pending = { command: CommandName; settle: (response: CommandResponse<CommandName>) => void };

function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      console.error('warden: a listener failed', error);
    }
  }
}

function notConnected(link: LinkStatus): string {
  if (link.kind === 'unauthorized') return UNAUTHORIZED_MESSAGE;
  return 'Not connected to Warden — nothing was sent. Wait for the connection to come back and try again.';
}

export function createWsApi(options: WsApiOptions): HostApi {
  const createSocket = options.createSocket ?? webSocketFactory();
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 5_000 };
  const stateListeners = new Set<(state: StateView) => void>();
  const alertsListeners = new Set<(alerts: AlertView[]) => void>();
  const alertListeners = new Set<(alert: AlertView) => void>();
  const linkListeners = new Set<(status: LinkStatus) => void>();
  const pending = new Map<number, Pending>();
  let link: LinkStatus = { kind: 'connecting' };
  let socket: SocketHandle | null = null;
  let nextId = 1;
  let failedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let localAlerts = 0;

  function setLink(next: LinkStatus): void {
    link = next;
    emit(linkListeners, next);
  }

  function failPending(error: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    for (const request of waiting) request.settle({ ok: false, error: error.replace('%s', request.command) });
  }

  function onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'response': {
        const request = pending.get(frame.id);
        pending.delete(frame.id);
        request?.settle(frame.response);
        return;
      }
      case 'state':
        emit(stateListeners, frame.state);
        return;
      case 'alerts':
        emit(alertsListeners, frame.alerts);
        return;
      case 'alert':
        emit(alertListeners, frame.alert);
        return;
      case 'error':
        localAlerts += 1;
        emit(alertListeners, {
          id: `host-error-${localAlerts}`,
          t: new Date().toISOString(),
          level: 'warning',
          account: null,
          notify: false,
          title: 'Warden server reported an error',
          message: frame.error,
        });
        return;
    }
  }

  const handlers: SocketHandlers = {
    open() {
      failedAttempts = 0;
      setLink({ kind: 'open' });
    },
    message(text) {
      const parsed = parseServerFrame(text);
      if (parsed.ok) onFrame(parsed.frame);
      else console.warn(`warden: ignored a frame from the server (${parsed.error})`);
    },
    close(code) {
      socket = null;
      if (code === CLOSE_UNAUTHORIZED) {
        failPending(UNAUTHORIZED_MESSAGE);
        setLink({ kind: 'unauthorized' });
        return;
      }
      failPending(
        'Connection to Warden lost before %s was answered — check positions and orders on screen before retrying.',
      );
      if (link.kind === 'closed') return;
      const retryInMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** failedAttempts);
      failedAttempts += 1;
      setLink({ kind: 'reconnecting', attempt: failedAttempts, retryInMs });
      retryTimer = setTimeout(connect, retryInMs);
    },
  };

  function connect(): void {
    retryTimer = null;
    if (link.kind === 'closed') return;
    socket = createSocket(options.url, handlers);
  }

  function request<N extends CommandName>(command: N, args: CommandArgs<N>): Promise<CommandResponse<N>> {
    const open = socket;
    if (open === null || link.kind !== 'open')
      return Promise.resolve({ ok: false, error: notConnected(link) });
    const id = nextId++;
    const frame: ClientFrame = { id, command, args };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ ok: false, error: `No answer from Warden to ${command} within ${timeoutMs / 1000} s.` });
      }, timeoutMs);
      pending.set(id, {
        command,
        settle: (response) => {
          clearTimeout(timer);
          // The server answers request `id` with the response to the command sent under that id.
          resolve(response as CommandResponse<N>);
        },
      });
      open.send(JSON.stringify(frame));
    });
  }

  connect();

  return {
    ...(Object.fromEntries(
      commandNames.map((name) => [name, (args: CommandArgs<typeof name>) => request(name, args)]),
    ) as unknown as Pick<HostApi, CommandName>),
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onAlerts(listener) {
      alertsListeners.add(listener);
      return () => alertsListeners.delete(listener);
    },
    onAlert(listener) {
      alertListeners.add(listener);
      return () => alertListeners.delete(listener);
    },
    onLink(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    link: () => link,
    close() {
      if (retryTimer !== null) clearTimeout(retryTimer);
      setLink({ kind: 'closed' });
      failPending('Connection to Warden closed before %s was answered.');
      socket?.close(1000, 'closed by the UI');
      socket = null;
    },
  };
}
