// The state snapshot pushed to the UI (and served at GET /api/state): plain JSON, money as decimal strings.
import type { ConnectionStatus, OrderKind, OrderStatus, Side } from '../domain/events';

export type TradingState = 'active' | 'reducing' | 'halted';
/** The enforcement circuit breaker's state (docs/RULES.md section 7). */
export type BreakerState = 'closed' | 'open' | 'halfOpen';
export type AlertLevel = 'info' | 'warning' | 'critical';

/** Every metric id of docs/RULES.md section 3. Money as exact decimal strings; ratios rounded to 4 places. */
export type AccountMetricsView = {
  balance: string;
  unrealizedPnl: string;
  equity: string;
  dailyRealizedPnl: string;
  dailyNetPnl: string;
  dailyDrawdown: string;
  weeklyNetPnl: string;
  weeklyDrawdown: string;
  maxDrawdown: string;
  maxDrawdownPct: string;
  trailingThreshold: string | null;
  consecutiveLosses: number;
  tradesToday: number;
  usedMargin: string;
  /** null when no margin is in use (level is infinite). */
  marginLevel: string | null;
  freeMargin: string;
  grossExposure: string;
  hhi: string;
  largestPositionPct: string;
};

export type PositionView = {
  symbol: string;
  contractId: string;
  /** Signed: positive long, negative short. */
  qty: number;
  avgPrice: string;
  mark: string;
  unrealizedPnl: string;
  mfe: string;
  mae: string;
  openedAt: string;
  /** Protective working stops (opposite side, stop type): covering the whole quantity, part of it, or none. */
  stop: 'full' | 'partial' | 'none';
  /** The first protective stop's price (the earliest placed still working), or null. */
  stopPrice: string | null;
  /** |avgPrice − stopPrice| × |qty| × pointValue, or null without a stop. */
  initialRisk: string | null;
  /** unrealizedPnl / initialRisk, 2 places, or null without a stop. */
  rMultiple: string | null;
  /** While stopRequired is on and the stop does not cover the position: when the rule acts (ISO), else null. */
  stopDueAt: string | null;
};

export type OrderView = {
  id: string;
  symbol: string;
  side: Side;
  kind: OrderKind;
  qty: number;
  limitPrice: string | null;
  stopPrice: string | null;
  status: OrderStatus;
};

/** A rule's level on the severity ladder (docs/RULES.md section 5). */
export type RuleLevelView = 'ok' | 'warning' | 'critical' | 'breach';

/**
 * How far an account is from one active limit: `used` of `limit` (money as decimal strings, counts as integers
 * in strings), and the rule's current level. `unit` says how to show the numbers.
 */
export type LimitView = {
  rule: string;
  label: string;
  unit: 'money' | 'count';
  used: string;
  limit: string;
  level: RuleLevelView;
};

export type AccountView = {
  id: string;
  name: string;
  canTrade: boolean;
  tradingState: TradingState;
  lockedUntil: string | null;
  lockReason: string | null;
  /** True while a flatten of this account is running and not yet confirmed flat. */
  flattening: boolean;
  /**
   * The enforcement circuit breaker (docs/RULES.md section 7): `open` while enforcement is paused after repeated
   * broker failures (the trader must act by hand), `halfOpen` while the next command is a trial.
   */
  enforcement: BreakerState;
  metrics: AccountMetricsView;
  /** One entry per active limit the dashboard draws as a bar (daily loss, giveback, trailing, weekly, counts). */
  limits: LimitView[];
  /**
   * The equity at which today's daily loss limit is reached (the day's start equity less its amount), exact;
   * null when that rule is off. The charts draw it as it is: the renderer never computes it.
   */
  dailyLossFloor: string | null;
  positions: PositionView[];
  orders: OrderView[];
  /** The ids of the groups (docs/RULES.md section 10) this account belongs to, in config order; [] when none. */
  group: string[];
  /** The prop-firm program's figures (docs/RULES.md section 11); null when the account has no plan. */
  plan: PlanView | null;
  /**
   * The broker's own server-side limits on the account (Tradovate's auto-liquidation settings, set by the firm),
   * shown beside Warden's; read-only. Absent for a broker that has none; null when it sent none for the account.
   */
  firmLimits?: FirmLimitsView | null;
};

/** A broker's own limits as it sent them: money as decimal strings, null where it set none. */
export type FirmLimitsView = {
  /** Whose limits ("Tradovate auto-liquidation"). */
  source: string;
  dailyLoss: string | null;
  dailyProfit: string | null;
  trailingDrawdown: string | null;
  /** How the trailing drawdown follows the balance ("EOD", "RealTime"), as the broker says. */
  trailingMode: string | null;
  /** When the broker flattens the account by itself (ISO), null when it does not. */
  flattenAt: string | null;
  /** True when the trader cannot change them (the firm locked them). */
  changesLocked: boolean;
};

/**
 * An account's plan figures (docs/RULES.md section 11), exact: money as decimal strings, null where a figure is
 * undefined (no target, no profit banked, no scaling).
 */
export type PlanView = {
  name: string | null;
  totalProfit: string;
  profitTarget: string | null;
  targetRemaining: string | null;
  bestDayProfit: string;
  /** Best day ÷ total profit × 100, 4 places; null unless total profit > 0. */
  consistencyPct: string | null;
  /** The plan's limit (e.g. "50"); null without one. */
  consistencyLimitPct: string | null;
  /** The most today's net P&L may reach and keep the best day within the limit; null with no profit banked. */
  consistencyCapToday: string | null;
  /** What is left of that cap today: max(0, cap − today's net P&L); null when the cap is. */
  consistencyCapLeft: string | null;
  profitNeededForConsistency: string | null;
  tradingDays: number;
  minTradingDays: number | null;
  /** The scaling tier's contracts for today (set at the day roll); null without scaling. */
  contractsAllowed: number | null;
  /** The next tier up: the profit banked it needs (money) and its contracts; null at the top or without scaling. */
  nextTier: { from: string; maxContracts: number } | null;
  /** Today's net P&L (the consistency rule's value), for the strip. */
  todayProfit: string;
};

/** A news blackout window ahead or in force (docs/RULES.md section 12); times ISO-8601 UTC. */
export type NewsWindowView = {
  title: string;
  currency: string;
  impact: string;
  at: string;
  from: string;
  to: string;
  /** Whether the window flattens at its start (else it only blocks new risk). */
  flatten: boolean;
  /** `calendar` (from the feed) or `manual` (the config's own events). */
  source: 'calendar' | 'manual';
};

/** Where the news calendar came from and how fresh it is; null when no feed is configured or fetched yet. */
export type CalendarStatusView = {
  source: string;
  /** When the copy in use was fetched (ISO), null when there is none. */
  fetchedAt: string | null;
  /** True when the feed failed or the copy is older than 8 days: the windows may be incomplete. */
  stale: boolean;
  /** Why it is stale ("fetch failed: HTTP 503"), else null. */
  problem: string | null;
};

/** A group's figures: exact sums over its members (money as decimal strings). */
export type GroupMetricsView = {
  dailyNetPnl: string;
  dailyRealizedPnl: string;
  unrealizedPnl: string;
  /** Σ weighted open quantity, working entry orders included (as groupMaxContracts counts it). */
  openContracts: number;
};

/** A group of accounts guarded together (docs/RULES.md section 10). */
export type GroupView = {
  id: string;
  name: string;
  /** Member account ids, in config order. */
  accounts: string[];
  /** The copier's leader, or null without a copier. */
  leader: string | null;
  metrics: GroupMetricsView;
  /** The group rules' bars (groupDailyLoss, groupMaxContracts), as for an account. */
  limits: LimitView[];
  /** `halted` once a group rule halted its members (until the lock ends), else the worst member's state. */
  tradingState: TradingState;
};

export type InstrumentView = {
  symbol: string;
  name: string;
  tickSize: string;
  tickValue: string;
  currency: string;
  bid: string | null;
  ask: string | null;
  last: string | null;
};

export type AlertView = {
  id: string;
  /** ISO-8601 UTC. */
  t: string;
  level: AlertLevel;
  account: string | null;
  title: string;
  message: string;
  /** Whether the hosts raise a native (desktop) or browser notification for it; history comes back false. */
  notify: boolean;
  /** For a rule's level change: what was measured against which threshold. */
  figures?: LevelFigures;
  /** What it is about, when not a rule's level: an enforcement result, or the broker link. */
  topic?: AlertTopic;
};

export type AlertTopic = 'enforcement' | 'connection' | 'notify';

/** One send of a remote alert channel: when (ISO-8601 UTC), and why it failed. */
export type NotifyDeliveryView = { ok: true; at: string } | { ok: false; at: string; error: string };

/** Alerts away from the desk (docs/RULES.md section 13): each channel set up, and what keeps one from running. */
export type NotifyView = {
  channels: {
    id: 'telegram' | 'ntfy' | 'webhook';
    minLevel: 'info' | 'warning' | 'critical';
    last: NotifyDeliveryView | null;
    waiting: number;
    dropped: number;
  }[];
  /** Whether Telegram's remote commands are listened for. */
  commands: boolean;
  /** "telegram: no bot token (…)". */
  problems: string[];
  /** Which secrets are stored or given by the environment (names only, never the values). */
  secrets: ('telegramToken' | 'ntfyToken' | 'webhookSecret')[];
};

/**
 * A rule's level change as measured, exact decimal strings: `threshold` is the one of the level entered (limit ×
 * warnAt or criticalAt; the limit itself at breach).
 */
export type LevelFigures = {
  rule: string;
  level: 'warning' | 'critical' | 'breach';
  value: string;
  limit: string;
  threshold: string;
};

/** Whose login a broker uses and where it connects: never the key or password. */
export type LoginInUse =
  | { broker: 'projectx'; userName: string; apiUrl: string; rtcUrl: string }
  | {
      broker: 'tradovate';
      userName: string;
      /** `custom` when URLs were given that are not the environment's. */
      environment: 'demo' | 'live' | 'custom';
      apiUrl: string;
      wsUrl: string;
      mdUrl: string;
    };

/**
 * Where open P&L comes from: live quotes, or (Tradovate without market data) the broker's cash-balance snapshots,
 * read every `everySeconds`; `lastAt` is the newest one read (ISO), null before the first.
 */
export type PnlSourceView =
  { source: 'quotes' } | { source: 'snapshots'; everySeconds: number; lastAt: string | null; why: string };

export type BrokerAccountView = { id: string; name: string; guarded: boolean; fixed: boolean };

export type StateView = {
  /** Increases with every push; the UI ignores an older one. */
  seq: number;
  /** Alerts away from the desk (docs/RULES.md section 13); absent where the host runs none. */
  notify?: NotifyView;
  serverTime: string;
  /**
   * `credentials` and `login` only for a broker that logs in (ProjectX, Tradovate): whether they are set and whose
   * they are, never the key. `detail` says why it is not connected ("login failed (...)", "market data not
   * entitled ...", "reconnecting: ..."). `pnlSource` for a broker whose P&L may not come from quotes (Tradovate).
   */
  connection: {
    broker: string;
    status: ConnectionStatus;
    detail: string | null;
    credentials?: 'missing' | 'stored';
    login?: LoginInUse | null;
    pnlSource?: PnlSourceView;
  };
  demo: boolean;
  accounts: AccountView[];
  /** The config's groups, in config order; [] when none. */
  groups: GroupView[];
  /** Upcoming and current news blackout windows (docs/RULES.md section 12), soonest first; [] when none. */
  news: NewsWindowView[];
  calendar: CalendarStatusView | null;
  /**
   * For a broker whose accounts can be chosen (ProjectX): every account it lists, and whether Warden guards it.
   * `fixed`: excluded by WARDEN_PROJECTX_EXCLUDE, not changeable in the app. Unguarded accounts are not in
   * `accounts`.
   */
  brokerAccounts?: BrokerAccountView[];
  instruments: InstrumentView[];
};
