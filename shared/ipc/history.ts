// The history screens' view model (issue 5): closed trades, a per-day summary, and the timeline of alerts,
// enforcement responses and guard events of the last days. Money as exact decimal strings, times as ISO text.

export type TradeView = {
  account: string;
  symbol: string;
  side: 'long' | 'short';
  qty: number;
  entryPrice: string;
  exitPrice: string;
  openedAt: string;
  closedAt: string;
  netPnl: string;
  fees: string;
  mfe: string;
  mae: string;
  tag: string | null;
  /**
   * |entry − first protective stop| × qty × point value when the position was protected by a stop, and the net
   * P&L in multiples of it (4 places); null without a stop (or, for R, with a stop at the entry price).
   */
  initialRisk: string | null;
  rMultiple: string | null;
  /** The trading day it closed in (labelled by the date the day ends). */
  day: string;
};

export type DaySummaryView = {
  day: string;
  account: string;
  netPnl: string;
  trades: number;
  /** The largest daily drawdown sampled that day ("0.00" when no samples). */
  maxDrawdown: string;
  breaches: number;
  /**
   * This day's net P&L as a share of the account's total net P&L over the listed days (× 100, 2 places, half-up):
   * the consistency a firm measures. Null unless that total is positive.
   */
  shareOfTotalPct: string | null;
};

/** A group's totals for one trading day: exact sums over its members' day summaries. */
export type GroupDaySummaryView = {
  day: string;
  group: string;
  /** Σ members' day net P&L (their closed trades), 2 places. */
  netPnl: string;
  trades: number;
  breaches: number;
};

export type TimelineEntryView = {
  /** Stable across reloads (`alert-<id>`, `response-<id>`, `event-<id>`): a selection survives a refresh. */
  id: string;
  t: string;
  account: string | null;
  kind: 'alert' | 'response' | 'event';
  /**
   * An alert's level (info, warning, critical), or for a rule's level change the level entered (warning,
   * critical, breach); a response's outcome (flat, failed, done, refused, running); info for an event.
   */
  level: string;
  /** The rule it is about (a level change, the rule a response carried out, a trailing stop), or null. */
  rule: string | null;
  title: string;
  detail: string;
  day: string;
  /**
   * A rule's level change: the measured value, the rule's limit and the threshold of the level entered
   * (limit × warnAt or criticalAt; the limit at breach), as exact decimal strings. Null for anything else.
   */
  value: string | null;
  limit: string | null;
  threshold: string | null;
};

/** An equity sample (every few seconds) of the account asked for, kept only around its breaches. */
export type EquityPointView = { t: string; equity: string; dailyNetPnl: string };

/**
 * The rest of the account's metrics at a sample, exact decimal strings (margin level a ratio to 4 places).
 * `trailingThreshold`, `dailyLossFloor` (day start equity − the daily loss amount in force) and `marginLevel`
 * are null when the account had none then (rule off, no margin used).
 */
export type SampleMetricsView = {
  unrealizedPnl: string;
  dailyRealizedPnl: string;
  weeklyNetPnl: string;
  trailingThreshold: string | null;
  dailyLossFloor: string | null;
  marginLevel: string | null;
  tradesToday: number;
  consecutiveLosses: number;
  tradingState: 'active' | 'reducing' | 'halted';
};

/** An equity sample of the trading day asked for (`equityDay`): what the charts draw for that day. */
export type EquitySampleView = {
  t: string;
  equity: string;
  dailyNetPnl: string;
  dailyDrawdown: string;
  /** Null for a sample stored before Warden kept them (schema 5). */
  metrics: SampleMetricsView | null;
};

/** `day`: the trading day's label (the date it ends); `today` is resolved to it. Samples oldest first. */
export type EquityDayView = { day: string; today: boolean; samples: EquitySampleView[] };

export type HistoryView = {
  trades: TradeView[];
  days: DaySummaryView[];
  timeline: TimelineEntryView[];
  /** With a group only: the group's totals per day, newest first. */
  groupDays?: GroupDaySummaryView[];
  /** With an account only: its samples within EQUITY_WINDOW_MS either side of each enforcement response. */
  equity?: EquityPointView[];
  /** With `account` and `equityDay`: that trading day's samples. */
  equityDay?: EquityDayView;
};
