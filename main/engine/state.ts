// The engine's picture of the world: instruments and their marks, and per account its cash, positions,
// working orders, trading periods and trade statistics. Owned by the engine; `apply` updates it in place.
import type {
  ConnectionStatus,
  NewsItem,
  OrderKind,
  OrderStatus,
  QuoteEvent,
  Side,
} from '../../shared/domain/events';
import type { Dec } from '../../shared/domain/money';
import type { EngineConfig } from './config';
import type { Period } from './time';

export type Instrument = {
  symbol: string;
  name: string;
  tickSize: Dec;
  tickValue: Dec;
  /** tickValue / tickSize: money per 1.0 of price per contract. */
  pointValue: Dec;
  currency: string;
  marginPerContract: Dec | null;
  /** Contract-count weight (a micro counts 0.1 of a mini). */
  weight: Dec;
  baseCurrency: string | null;
  quoteCurrency: string | null;
  /** The market it trades, shared by its sizes (MNQ and NQ: `NQ`): the event's `underlying`, else its symbol. */
  underlying: string;
};

export type Market = {
  bid: Dec | null;
  ask: Dec | null;
  last: Dec | null;
  lastFillPrice: Dec | null;
  quoteAt: number | null;
  /** A quote that jumped too far from the last accepted one, waiting for the next to confirm or discard it. */
  held: QuoteEvent | null;
};

/** The round trip a position belongs to: opened when it left flat, closed when it returns to flat. */
export type OpenTrade = {
  openedAt: number;
  side: 'long' | 'short';
  entryPrice: Dec;
  maxQty: number;
  /** Gross realized P&L and fees of all the trade's fills so far (opening fills included). */
  realizedPnl: Dec;
  fees: Dec;
  /** |avgPrice − stop| × qty × pointValue when a protective stop was first seen; absent until then. */
  initialRisk?: Dec;
};

export type Position = {
  symbol: string;
  /** Signed: positive long, negative short; never 0 (a flat position is removed). */
  qty: number;
  /**
   * Cost basis in money: Σ price × contracts × pointValue of the open quantity (average cost). Kept instead
   * of the average so P&L stays exact when the average does not terminate; avgPrice = cost / (|qty| × pv).
   */
  cost: Dec;
  avgPrice: Dec;
  openedAt: number;
  /** Highest (≥ 0) and lowest (≤ 0) unrealized P&L seen while open. */
  mfe: Dec;
  mae: Dec;
  trade: OpenTrade;
};

export type ClosedTrade = {
  account: string;
  symbol: string;
  side: 'long' | 'short';
  qty: number;
  entryPrice: Dec;
  exitPrice: Dec;
  openedAt: number;
  closedAt: number;
  realizedPnl: Dec;
  fees: Dec;
  netPnl: Dec;
  mfe: Dec;
  mae: Dec;
  /** The trade's initial risk (null: never protected by a stop) and net P&L / initial risk (4 places; null without one). */
  initialRisk: Dec | null;
  rMultiple: Dec | null;
};

export type WorkingOrder = {
  id: string;
  symbol: string;
  side: Side;
  kind: OrderKind;
  qty: number;
  status: OrderStatus;
  limitPrice: Dec | null;
  stopPrice: Dec | null;
  tag: string | null;
  placedAt: number;
};

/** Money accumulated over a trading day or week. */
export type PeriodTotals = Period & {
  startEquity: Dec;
  /**
   * The broker balance report `startEquity` was taken from (its time). A fill of this period before it was
   * already in that balance, so when it arrives late (a restart, a reconnect) the start is taken back by
   * its net: dayStartBalance = balance − net realized since dayStart (docs/RULES.md section 1).
   */
  startReportAt: number | null;
  peakEquity: Dec;
  /** Gross realized P&L and fees of fills inside the period. */
  realizedPnl: Dec;
  fees: Dec;
  tradesOpened: number;
};

export type TradingState = 'active' | 'reducing' | 'halted';

/**
 * A lock on an account (docs/RULES.md section 4): `until` is a time (ms), 'manual' (only an explicit reset lifts
 * it), 'brokerAllows' (lifted when the broker reports the account can trade again) or 'confirmed' (a day that
 * began while Warden was not running, until the trader confirms its start).
 */
export type Lock = {
  rule: string;
  state: Exclude<TradingState, 'active'>;
  until: number | 'manual' | 'brokerAllows' | 'confirmed';
  reason: string;
  since: number;
  /** The group whose rule set it (docs/RULES.md section 10); absent for the account's own locks. */
  group?: string;
};

/** What a rule remembers between evaluations, per account and per key (the rule, or rule:symbol). */
export type RuleMemory = {
  level: 'ok' | 'warning' | 'critical' | 'breach';
  /** Consecutive price-driven evaluations at breach not yet confirmed (bad-tick guard). */
  pendingBreaches: number;
  /** Rule-specific numbers (e.g. a trailing stop's best price), exact decimal strings or counts. */
  data?: Record<string, string | number>;
};

export type AccountState = {
  id: string;
  name: string;
  canTrade: boolean;
  startingBalance: Dec;
  balance: Dec;
  /** Time of the latest broker balance report; fills before it are already in `balance`. */
  balanceReportedAt: number | null;
  /**
   * How far that report was ahead of the engine's own books (report − balance before it): what it holds of fills
   * not yet arrived. A later fill whose net is exactly this is one of them (docs/RULES.md section 9). Null when the
   * engine had no books to compare the report with (the account's first report): nothing is matched against it.
   */
  reportAhead: Dec | null;
  brokerUsedMargin: Dec | null;
  positions: Map<string, Position>;
  orders: Map<string, WorkingOrder>;
  day: PeriodTotals;
  week: PeriodTotals;
  /** Highest equity since tracking began, and the largest fall from a peak (amount and % of that peak). */
  equityPeak: Dec;
  maxDrawdown: Dec;
  maxDrawdownPct: Dec;
  consecutiveLosses: number;
  /**
   * Ids of the fills applied within `FILL_IDS_KEPT_MS` behind `lastFillAt`, with their times: each fill counts once
   * however often the broker repeats it. Repeats come close in time: a reconnect replays from the resume point
   * (ProjectX from 1 s before the last fill), so older ids are forgotten and the set stays bounded.
   */
  seenFills: Map<string, number>;
  lastFillAt: number | null;
  /**
   * The most recent closed round trips (newest last), `closedTradesKept` of them: the what-if's view of trades the
   * store's closed_trades may not hold yet. They ride in every snapshot, so the bound is small.
   */
  closedTrades: ClosedTrade[];
  /** Active locks; the strictest decides the trading state (halted over reducing, the latest until). */
  locks: Lock[];
  rules: Record<string, RuleMemory>;
  /** Times at which round trips opened (for trade-frequency windows), the last day's worth. */
  tradeOpenTimes: number[];
  /** Loss-streak breaches on the current trading day (the escalating cooldown). */
  lossStreakBreachesToday: number;
  /** The trailing drawdown's high-water mark and threshold (null when the rule is off). */
  trailingHighWater: Dec | null;
  trailingThreshold: Dec | null;
  /** The trader locked the settings until then (the day's end): until then a config change may only tighten. */
  settingsLockedUntil: number | null;
  /**
   * Every trading day tracked and finished, oldest first (docs/RULES.md section 11): its label, its net P&L at the
   * roll that ended it, and whether a trade opened in it. The plan's best day and trading days come from it.
   */
  finishedDays: FinishedDay[];
};

export type FinishedDay = { day: string; netPnl: Dec; traded: boolean };

/**
 * What a group of accounts remembers between evaluations (docs/RULES.md section 10): its rules' memory by key (the
 * rule, or rule:underlying and rule:underlying:account for the copier guard). Its figures are not kept: they are
 * summed from the members' each time.
 */
export type GroupState = {
  id: string;
  rules: Record<string, RuleMemory>;
};

export type EngineState = {
  config: EngineConfig;
  /** Time of the latest event applied (ms). */
  now: number;
  connection: { status: ConnectionStatus; detail: string | null };
  instruments: Map<string, Instrument>;
  markets: Map<string, Market>;
  accounts: Map<string, AccountState>;
  /** The config's groups that have been evaluated, by id. */
  groups: Map<string, GroupState>;
  /** The news calendar's latest list (docs/RULES.md section 12), soonest first; [] until one arrives. */
  calendar: NewsItem[];
};

export const closedTradesKept = 100;
/** How far behind an account's newest fill its fill ids are remembered (see `seenFills`). */
export const FILL_IDS_KEPT_MS = 15 * 60_000;

export function createEngineState(config: EngineConfig): EngineState {
  return {
    config,
    now: 0,
    connection: { status: 'disconnected', detail: null },
    instruments: new Map(),
    markets: new Map(),
    accounts: new Map(),
    groups: new Map(),
    calendar: [],
  };
}
