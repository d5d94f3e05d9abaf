// A small in-memory WardenCore for the desktop host's tests: records commands, answers with set responses,
// and lets a test push state and alerts as the real core would (the recent alerts to each new subscriber too).
import type { AccountView, AlertView, CommandName, CommandResponse, StateView } from '../../../shared/ipc';
import type { ExposedAccount, PushMessage, WardenCore } from '../../../main/core/types';

export type FakeCore = WardenCore & {
  readonly calls: { name: CommandName; args: unknown }[];
  respond<N extends CommandName>(name: N, response: CommandResponse<N>): void;
  push(message: PushMessage): void;
  listenerCount(): number;
  stopped: boolean;
  state: StateView;
  /** What `exposedAccounts()` answers (nothing exposed by default). */
  exposed: ExposedAccount[];
};

/** With `recentAlerts`, a new subscriber hears them first, as from the real core. */
export function createFakeCore(state: StateView = stateView(), recentAlerts?: AlertView[]): FakeCore {
  const responses: { [N in CommandName]?: CommandResponse<N> } = {};
  const listeners = new Set<(message: PushMessage) => void>();
  const core: FakeCore = {
    calls: [],
    stopped: false,
    state,
    exposed: [],
    command<N extends CommandName>(name: N, args: unknown): Promise<CommandResponse<N>> {
      core.calls.push({ name, args });
      const response: CommandResponse<N> | undefined = responses[name];
      return Promise.resolve(response ?? { ok: false, error: `fake core: no response set for ${name}` });
    },
    respond(name, response) {
      Object.assign(responses, { [name]: response });
    },
    subscribe(listener) {
      if (recentAlerts !== undefined) listener({ type: 'alerts', payload: recentAlerts });
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(message) {
      for (const listener of listeners) listener(message);
    },
    listenerCount: () => listeners.size,
    view: () => core.state,
    exposedAccounts: () => core.exposed,
    stop() {
      core.stopped = true;
      return Promise.resolve();
    },
  };
  return core;
}

export function accountView(id: string, name: string, overrides: Partial<AccountView> = {}): AccountView {
  return {
    id,
    name,
    canTrade: true,
    tradingState: 'active',
    lockedUntil: null,
    lockReason: null,
    flattening: false,
    enforcement: 'closed',
    limits: [],
    dailyLossFloor: null,
    group: [],
    plan: null,
    metrics: {
      balance: '50000.00',
      unrealizedPnl: '0.00',
      equity: '50000.00',
      dailyRealizedPnl: '0.00',
      dailyNetPnl: '0.00',
      dailyDrawdown: '0.00',
      weeklyNetPnl: '0.00',
      weeklyDrawdown: '0.00',
      maxDrawdown: '0.00',
      maxDrawdownPct: '0.0000',
      trailingThreshold: null,
      consecutiveLosses: 0,
      tradesToday: 0,
      usedMargin: '0.00',
      marginLevel: null,
      freeMargin: '50000.00',
      grossExposure: '0.00',
      hhi: '0.0000',
      largestPositionPct: '0.0000',
    },
    positions: [],
    orders: [],
    ...overrides,
  };
}

export function stateView(overrides: Partial<StateView> = {}): StateView {
  return {
    seq: 1,
    serverTime: '2025-03-03T14:30:00.000Z',
    connection: { broker: 'sim', status: 'connected', detail: null },
    demo: false,
    accounts: [accountView('acc-1', 'SIM-50K')],
    groups: [],
    news: [],
    calendar: null,
    instruments: [],
    ...overrides,
  };
}

export function alertView(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: 'alert-1',
    t: '2025-03-03T14:30:00.000Z',
    level: 'critical',
    account: 'acc-1',
    title: 'Daily loss limit breached',
    message: 'SIM-50K lost $1,000.00 today: flattening and locking until tomorrow',
    notify: true,
    ...overrides,
  };
}
