// Test harness for the renderer: a fake host that records every command sent and lets a test push state,
// alerts and link changes (the fixture's recent alerts come, as from a host, whenever the link opens); and a
// render of the whole screen over it.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { HostApi, LinkStatus } from '../../../renderer/src/api';
import { App } from '../../../renderer/src/app/App';
import { createStores, WardenProvider } from '../../../renderer/src/state';
import type { Stores } from '../../../renderer/src/state';
import type {
  AlertView,
  CommandArgs,
  CommandName,
  CommandResponse,
  LoginInUse,
  StateView,
} from '../../../shared/ipc';
import { buildFixtureState, fixtureAlerts } from '../../helpers/fixture-state';

export type SentCommand = { [N in CommandName]: { command: N; args: CommandArgs<N> } }[CommandName];
type Handlers = {
  [N in CommandName]?: (args: CommandArgs<N>) => CommandResponse<N> | Promise<CommandResponse<N>>;
};

export type FakeHost = {
  api: HostApi;
  sent: SentCommand[];
  pushState(state: StateView): void;
  pushAlerts(alerts: AlertView[]): void;
  pushAlert(alert: AlertView): void;
  setLink(status: LinkStatus): void;
};

export function fakeHost(handlers: Handlers = {}, initialLink: LinkStatus = { kind: 'open' }): FakeHost {
  const sent: SentCommand[] = [];
  const stateListeners = new Set<(state: StateView) => void>();
  const alertsListeners = new Set<(alerts: AlertView[]) => void>();
  const alertListeners = new Set<(alert: AlertView) => void>();
  const linkListeners = new Set<(status: LinkStatus) => void>();
  let link = initialLink;
  let lastState = buildFixtureState();
  const run = <N extends CommandName>(
    command: N,
    args: CommandArgs<N>,
    fallback: CommandResponse<N>,
  ): Promise<CommandResponse<N>> => {
    sent.push({ command, args } as SentCommand);
    const handler = handlers[command] as ((a: CommandArgs<N>) => CommandResponse<N>) | undefined;
    return Promise.resolve(handler === undefined ? fallback : handler(args));
  };
  const api: HostApi = {
    placeOrder: (args) => run('placeOrder', args, { ok: true, result: { orderId: 'ORD-9001' } }),
    cancelOrder: (args) => run('cancelOrder', args, { ok: true, result: {} }),
    closePosition: (args) => run('closePosition', args, { ok: true, result: {} }),
    flatten: (args) => run('flatten', args, { ok: true, result: { reports: [] } }),
    resetLock: (args) => run('resetLock', args, { ok: true, result: { lifted: 0 } }),
    confirmDayStart: (args) =>
      run('confirmDayStart', args, { ok: true, result: { startEquity: String(args.startEquity) } }),
    lock: (args) => run('lock', args, { ok: true, result: { lockedUntil: '2025-03-12T22:00:00.000Z' } }),
    setDemo: (args) => run('setDemo', args, { ok: true, result: { demo: args.enabled } }),
    getState: (args) => run('getState', args, { ok: true, result: lastState }),
    setConfig: (args) => run('setConfig', args, { ok: true, result: { changes: [] } }),
    previewConfig: (args) =>
      run('previewConfig', args, {
        ok: true,
        result: { valid: true, errors: [], changes: [], problems: [] },
      }),
    lockSettings: (args) =>
      run('lockSettings', args, { ok: true, result: { lockedUntil: '2025-03-12T22:00:00.000Z' } }),
    getConfig: (args) => run('getConfig', args, { ok: true, result: { config: {} } }),
    setCredentials: (args) =>
      run('setCredentials', args, { ok: true, result: { credentials: 'stored', ...loginInUse(args) } }),
    getHistory: (args) =>
      run('getHistory', args, { ok: true, result: { trades: [], days: [], timeline: [] } }),
    setAccountGuarded: (args) =>
      run('setAccountGuarded', args, { ok: true, result: { excluded: args.guarded ? [] : [args.account] } }),
    reconnect: (args) => run('reconnect', args, { ok: true, result: { reconnecting: true } }),
    whatIf: (args) => run('whatIf', args, { ok: true, result: { run: 'run-1', total: 0 } }),
    whatIfStatus: (args) => run('whatIfStatus', args, { ok: true, result: { state: 'cancelled' } }),
    cancelWhatIf: (args) => run('cancelWhatIf', args, { ok: true, result: { cancelled: false } }),
    setNotifySecrets: (args) => run('setNotifySecrets', args, { ok: true, result: { stored: [] } }),
    testNotify: (args) =>
      run('testNotify', args, { ok: true, result: { ok: true, at: '2025-03-12T14:00:00.000Z' } }),
    detectTelegramChats: (args) => run('detectTelegramChats', args, { ok: true, result: { chats: [] } }),
    onState: (listener) => subscribe(stateListeners, listener),
    onAlerts: (listener) => {
      const unsubscribe = subscribe(alertsListeners, listener);
      if (link.kind === 'open') listener(fixtureAlerts());
      return unsubscribe;
    },
    onAlert: (listener) => subscribe(alertListeners, listener),
    onLink: (listener) => subscribe(linkListeners, listener),
    link: () => link,
    close: () => undefined,
  };
  return {
    api,
    sent,
    pushState(state) {
      lastState = state;
      for (const listener of stateListeners) listener(state);
    },
    pushAlerts(alerts) {
      for (const listener of alertsListeners) listener(alerts);
    },
    pushAlert(alert) {
      for (const listener of alertListeners) listener(alert);
    },
    setLink(status) {
      link = status;
      if (status.kind === 'open') for (const listener of alertsListeners) listener(fixtureAlerts());
      for (const listener of linkListeners) listener(status);
    },
  };
}

/** What a core would answer to a login: the URLs given, else the broker's defaults (TopstepX, Tradovate's). */
function loginInUse(args: CommandArgs<'setCredentials'>): LoginInUse {
  if (args.broker !== 'tradovate')
    return {
      broker: 'projectx',
      userName: args.userName,
      apiUrl: args.apiUrl ?? 'https://api.topstepx.com',
      rtcUrl: args.rtcUrl ?? 'https://rtc.topstepx.com',
    };
  const { apiUrl, wsUrl, mdUrl } = args;
  const custom = apiUrl !== undefined || wsUrl !== undefined || mdUrl !== undefined;
  const named = tradovateOn(args.environment ?? 'demo', args.userName);
  return {
    ...named,
    environment: custom ? 'custom' : named.environment,
    apiUrl: apiUrl ?? named.apiUrl,
    wsUrl: wsUrl ?? named.wsUrl,
    mdUrl: mdUrl ?? named.mdUrl,
  };
}

/** A Tradovate login in use on demo or live, with that environment's URLs, as the core reports it. */
export function tradovateOn(
  environment: 'demo' | 'live',
  userName = 'trader',
): LoginInUse & { broker: 'tradovate' } {
  return {
    broker: 'tradovate',
    userName,
    environment,
    apiUrl: `https://${environment}.tradovateapi.com/v1`,
    wsUrl: `wss://${environment}.tradovateapi.com/v1/websocket`,
    mdUrl: 'wss://md.tradovateapi.com/v1/websocket',
  };
}

function subscribe<T>(set: Set<(value: T) => void>, listener: (value: T) => void): () => void {
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Renders `ui` (the whole App by default) over stores already holding `state`. */
export function renderWithState(
  state: StateView | null = buildFixtureState(),
  options: { handlers?: Handlers; link?: LinkStatus; ui?: ReactElement } = {},
): FakeHost & { stores: Stores } {
  const host = fakeHost(options.handlers, options.link);
  const stores = createStores();
  stores.link.getState().setStatus(options.link ?? { kind: 'open' });
  if (state !== null) {
    stores.view.getState().receive(state);
    stores.alerts.getState().receiveSnapshot(fixtureAlerts());
  }
  render(<WardenProvider value={{ api: host.api, stores }}>{options.ui ?? <App />}</WardenProvider>);
  return { ...host, stores };
}
