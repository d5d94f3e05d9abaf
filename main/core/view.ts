// Builds the UI's state snapshot (shared/ipc StateView) from the engine state: money as exact strings.
import { accountMetrics, positionMark, positionUnrealized, strictestLock } from '../engine';
import type {
  AccountMetrics,
  ReadonlyAccountState,
  ReadonlyEngineState,
  Position,
  WorkingOrder,
} from '../engine';
import type { Dec } from '../../shared/domain/money';
import { moneyString, ratioString } from '../../shared/domain/money';
import type {
  AccountMetricsView,
  AccountView,
  FirmLimitsView,
  NotifyView,
  PositionView,
  StateView,
} from '../../shared/ipc';
import type {
  BrokerAdapter,
  CredentialsCapable,
  DemoCapable,
  FirmLimitsCapable,
  PnlSourceCapable,
} from '../broker/types';
import type { Clock } from '../platform/clock';
import type { Enforcement } from './enforcement';
import type { GuardedAccounts } from './guarded-accounts';
import { groupsOfAccount, groupsView } from './group-view';
import { dailyLossFloor, limitsView } from './limits-view';
import { newsView } from './news-view';
import { planView } from './plan-view';
import { protectionView } from './position-risk-view';

export type ViewExtras = {
  seq: number;
  now: number;
  broker: string;
  demo: boolean;
  /** Accounts the trader excluded are not shown (they are not guarded). */
  guarded(account: string): boolean;
  /** Every account the broker lists, for a broker whose accounts can be chosen (else undefined). */
  brokerAccounts: StateView['brokerAccounts'];
  /** For a broker that logs in: whether it has credentials and whose (never the key); where its P&L comes from. */
  link?: Pick<StateView['connection'], 'credentials' | 'login' | 'pnlSource'>;
  flattening: ReadonlySet<string>;
  enforcement(account: string): AccountView['enforcement'];
  /** The news calendar feed's state, from the host that fetches it; null without one. */
  calendar?: StateView['calendar'];
  /** The broker's own limits on an account, for a broker that has them. */
  firmLimits?: (account: string) => FirmLimitsView | null;
};

/** What the hosts' view is built from. */
export type ViewSources = {
  state: ReadonlyEngineState;
  clock: Pick<Clock, 'now'>;
  broker: BrokerAdapter &
    Partial<DemoCapable> &
    Partial<CredentialsCapable> &
    Partial<PnlSourceCapable> &
    Partial<FirmLimitsCapable>;
  guarded: Pick<GuardedAccounts, 'isGuarded' | 'listed'>;
  enforcement: Pick<Enforcement, 'flattener' | 'breaker'>;
  /** The news calendar feed's status, when the host runs one. */
  calendar?: () => StateView['calendar'];
  /** The remote alerts' channels and problems, when the core runs them. */
  notify?: () => NotifyView | null;
};

/** The view as the hosts get it, built on each call and numbered (a later one has a higher `seq`). */
export function createViewSource(sources: ViewSources): () => StateView {
  const { state, clock, broker, enforcement } = sources;
  let seq = 0;
  return () => {
    const view = buildView(state, {
      seq: ++seq,
      now: clock.now(),
      broker: broker.kind,
      demo: broker.demo ?? false,
      guarded: (account) => sources.guarded.isGuarded(account),
      brokerAccounts: sources.guarded.listed(),
      link: linkView(broker),
      ...(broker.firmLimits === undefined
        ? {}
        : { firmLimits: (id: string) => broker.firmLimits?.(id) ?? null }),
      flattening: enforcement.flattener.running,
      enforcement: (account) => enforcement.breaker.stateOf(account),
      calendar: sources.calendar?.() ?? null,
    });
    const notify = sources.notify?.() ?? null;
    return notify === null ? view : { ...view, notify };
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The login in use and the P&L's source, for the brokers that have them. */
function linkView(broker: ViewSources['broker']): NonNullable<ViewExtras['link']> {
  const info = broker.credentialsInfo?.();
  const source = broker.pnlSource?.();
  return {
    ...(info === undefined ? {} : { credentials: info.state, login: info.login }),
    ...(source === undefined
      ? {}
      : {
          pnlSource:
            source.source === 'quotes'
              ? source
              : {
                  source: 'snapshots',
                  everySeconds: source.everyMs / 1000,
                  lastAt: source.lastAt === null ? null : iso(source.lastAt),
                  why: source.why,
                },
        }),
  };
}
const money = (value: Dec) => moneyString(value);
/** Averages need not terminate; 8 places is finer than any tick. */
const price = (value: Dec) => value.toDecimalPlaces(8).toFixed();

export function buildView(state: ReadonlyEngineState, extras: ViewExtras): StateView {
  return {
    seq: extras.seq,
    serverTime: iso(extras.now),
    connection: {
      broker: extras.broker,
      status: state.connection.status,
      detail: state.connection.detail,
      ...extras.link,
    },
    demo: extras.demo,
    accounts: [...state.accounts.values()]
      .filter((account) => extras.guarded(account.id))
      .map((account) => accountView(state, account, extras)),
    groups: groupsView(state),
    news: newsView(state, extras.now),
    calendar: extras.calendar ?? null,
    ...(extras.brokerAccounts === undefined ? {} : { brokerAccounts: extras.brokerAccounts }),
    instruments: [...state.instruments.values()].map((instrument) => {
      const market = state.markets.get(instrument.symbol);
      return {
        symbol: instrument.symbol,
        name: instrument.name,
        tickSize: instrument.tickSize.toFixed(),
        tickValue: instrument.tickValue.toFixed(),
        currency: instrument.currency,
        bid: market?.bid ? market.bid.toFixed() : null,
        ask: market?.ask ? market.ask.toFixed() : null,
        last: market?.last ? market.last.toFixed() : null,
      };
    }),
  };
}

function accountView(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  extras: ViewExtras,
): AccountView {
  const metrics = accountMetrics(state, account);
  return {
    id: account.id,
    name: account.name,
    canTrade: account.canTrade,
    ...lockView(account),
    flattening: extras.flattening.has(account.id),
    enforcement: extras.enforcement(account.id),
    metrics: metricsView(metrics),
    limits: limitsView(state, account, metrics),
    dailyLossFloor: dailyLossFloor(state, account),
    positions: [...account.positions.values()].map((position) => positionView(state, account, position)),
    orders: [...account.orders.values()].map(orderView),
    group: groupsOfAccount(state, account.id),
    plan: planView(state, account),
    ...(extras.firmLimits === undefined ? {} : { firmLimits: extras.firmLimits(account.id) }),
  };
}

/** The deciding lock: its state, until (ISO time, or "manual"), and why. */
function lockView(
  account: ReadonlyAccountState,
): Pick<AccountView, 'tradingState' | 'lockedUntil' | 'lockReason'> {
  const lock = strictestLock(account);
  if (lock === null) return { tradingState: 'active', lockedUntil: null, lockReason: null };
  const until = typeof lock.until === 'number' ? iso(lock.until) : lock.until;
  return { tradingState: lock.state, lockedUntil: until, lockReason: `${lock.rule}: ${lock.reason}` };
}

export function metricsView(m: AccountMetrics): AccountMetricsView {
  return {
    balance: money(m.balance),
    unrealizedPnl: money(m.unrealizedPnl),
    equity: money(m.equity),
    dailyRealizedPnl: money(m.dailyRealizedPnl),
    dailyNetPnl: money(m.dailyNetPnl),
    dailyDrawdown: money(m.dailyDrawdown),
    weeklyNetPnl: money(m.weeklyNetPnl),
    weeklyDrawdown: money(m.weeklyDrawdown),
    maxDrawdown: money(m.maxDrawdown),
    maxDrawdownPct: ratioString(m.maxDrawdownPct),
    trailingThreshold: m.trailingThreshold === null ? null : money(m.trailingThreshold),
    consecutiveLosses: m.consecutiveLosses,
    tradesToday: m.tradesToday,
    usedMargin: money(m.usedMargin),
    marginLevel: m.marginLevel === null ? null : ratioString(m.marginLevel),
    freeMargin: money(m.freeMargin),
    grossExposure: money(m.grossExposure),
    hhi: ratioString(m.hhi),
    largestPositionPct: ratioString(m.largestPositionPct),
  };
}

function positionView(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  position: Position,
): PositionView {
  const unrealized = positionUnrealized(state, position);
  return {
    symbol: position.symbol,
    contractId: position.symbol,
    qty: position.qty,
    avgPrice: price(position.avgPrice),
    mark: positionMark(state, position).toFixed(),
    unrealizedPnl: money(unrealized),
    mfe: money(position.mfe),
    mae: money(position.mae),
    openedAt: iso(position.openedAt),
    ...protectionView(state, account, position, unrealized),
  };
}

function orderView(order: WorkingOrder) {
  return {
    id: order.id,
    symbol: order.symbol,
    side: order.side,
    kind: order.kind,
    qty: order.qty,
    limitPrice: order.limitPrice === null ? null : order.limitPrice.toFixed(),
    stopPrice: order.stopPrice === null ? null : order.stopPrice.toFixed(),
    status: order.status,
  };
}
