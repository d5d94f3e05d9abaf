// Filtering of the history timeline, and the P&L around a breach (the day's trades with their running total).
import { dec, formatMoney } from '../../../../shared/domain/money';
import type { DaySummaryView, EquityPointView, TimelineEntryView, TradeView } from '../../../../shared/ipc';

export type TimelineFilter = {
  /** Case-insensitive text the title, detail or kind must contain ("" = any). */
  text: string;
  /** A level ("" = any). */
  level: string;
  /** A trading day label ("" = any). */
  day: string;
};

export const NO_FILTER: TimelineFilter = { text: '', level: '', day: '' };

export function filterTimeline(
  entries: readonly TimelineEntryView[],
  filter: TimelineFilter,
): TimelineEntryView[] {
  const needle = filter.text.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      (filter.level === '' || entry.level === filter.level) &&
      (filter.day === '' || entry.day === filter.day) &&
      (needle === '' ||
        entry.title.toLowerCase().includes(needle) ||
        entry.detail.toLowerCase().includes(needle) ||
        entry.kind.includes(needle)),
  );
}

/** Distinct values for a filter's choices, sorted (days newest first). */
export function choices(entries: readonly TimelineEntryView[]): { levels: string[]; days: string[] } {
  const levels = [...new Set(entries.map((e) => e.level))].sort();
  const days = [...new Set(entries.map((e) => e.day))].sort().reverse();
  return { levels, days };
}

/**
 * A breach: an enforcement response Warden took (the day summary counts these), a rule's level change to breach,
 * or a critical alert that is no level change (a flatten that failed, a problem at start).
 */
export function isBreach(entry: TimelineEntryView): boolean {
  if (entry.kind === 'response') return true;
  if (entry.kind !== 'alert') return false;
  return entry.level === 'breach' || (entry.level === 'critical' && entry.value === null);
}

/** A figure as kept (exact: never rounded), with separators and at least 2 places: "1,242.5" → "1,242.50". */
export function figureText(value: string): string {
  const d = dec(value);
  return formatMoney(d, Math.max(2, d.decimalPlaces()));
}

/**
 * A level change in words: "242.50 of 300.00 (warning at 240.00)"; the margin level, lower being worse, as
 * "148.20 (warning at 150.00, liquidation at 100.00)". Null for an entry that is no level change.
 */
export function figuresText(entry: TimelineEntryView): string | null {
  const { value, limit, threshold } = entry;
  if (value === null || limit === null || threshold === null) return null;
  const at = `${entry.level} at ${figureText(threshold)}`;
  return entry.rule === 'marginLevel'
    ? `${figureText(value)} (${at}, liquidation at ${figureText(limit)})`
    : `${figureText(value)} of ${figureText(limit)} (${at})`;
}

/** The level change that led to a response: the latest of its rule and account at or before it. */
export function causeOf(
  entry: TimelineEntryView,
  timeline: readonly TimelineEntryView[],
): TimelineEntryView | null {
  if (entry.value !== null) return entry;
  if (entry.kind !== 'response' || entry.rule === null) return null;
  const at = Date.parse(entry.t);
  let cause: TimelineEntryView | null = null;
  for (const other of timeline) {
    if (other.value === null || other.rule !== entry.rule || other.account !== entry.account) continue;
    const t = Date.parse(other.t);
    if (t <= at && (cause === null || t > Date.parse(cause.t))) cause = other;
  }
  return cause;
}

export type BreachTradeRow = { trade: TradeView; runningPnl: string; beforeBreach: boolean };

export type BreachContext = {
  entry: TimelineEntryView;
  summary: DaySummaryView | null;
  /** The account's trades of the breach's day, in closing order, with the day's running net P&L. */
  trades: BreachTradeRow[];
  /** Net P&L of the day's trades closed at or before the breach, and after it. */
  pnlBefore: string;
  pnlAfter: string;
};

export function breachContext(
  entry: TimelineEntryView,
  trades: readonly TradeView[],
  days: readonly DaySummaryView[],
): BreachContext {
  const sameAccount = (account: string) => entry.account === null || account === entry.account;
  const dayTrades = trades
    .filter((trade) => trade.day === entry.day && sameAccount(trade.account))
    .sort((a, b) => Date.parse(a.closedAt) - Date.parse(b.closedAt));
  const at = Date.parse(entry.t);
  let running = dec(0);
  let before = dec(0);
  let after = dec(0);
  const rows = dayTrades.map((trade) => {
    running = running.add(trade.netPnl);
    const beforeBreach = Date.parse(trade.closedAt) <= at;
    if (beforeBreach) before = before.add(trade.netPnl);
    else after = after.add(trade.netPnl);
    return { trade, runningPnl: running.toFixed(2), beforeBreach };
  });
  const summary =
    days.find((day) => day.day === entry.day && (entry.account === null || day.account === entry.account)) ??
    null;
  return { entry, summary, trades: rows, pnlBefore: before.toFixed(2), pnlAfter: after.toFixed(2) };
}

/** The window of equity samples the host sends around a breach (main/core/history.ts EQUITY_WINDOW_MS). */
export const EQUITY_WINDOW_MS = 30 * 60_000;

export type EquityAround = {
  points: EquityPointView[];
  /** The last sample at or before the breach, the first after it, and the lowest daily net P&L in the window. */
  atBreach: EquityPointView | null;
  afterBreach: EquityPointView | null;
  low: EquityPointView | null;
};

export function equityAround(
  entry: TimelineEntryView,
  equity: readonly EquityPointView[] | undefined,
  windowMs = EQUITY_WINDOW_MS,
): EquityAround {
  const at = Date.parse(entry.t);
  const points = (equity ?? []).filter((p) => Math.abs(Date.parse(p.t) - at) <= windowMs);
  let atBreach: EquityPointView | null = null;
  let afterBreach: EquityPointView | null = null;
  let low: EquityPointView | null = null;
  for (const point of points) {
    const t = Date.parse(point.t);
    if (t <= at) atBreach = point;
    else afterBreach ??= point;
    if (low === null || dec(point.dailyNetPnl).lt(low.dailyNetPnl)) low = point;
  }
  return { points, atBreach, afterBreach, low };
}

/** At most `max` points, evenly spaced, always keeping the first and the last (for a small table or chart). */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max || max < 2) return [...points];
  const step = (points.length - 1) / (max - 1);
  const out: T[] = [];
  for (let i = 0; i < max; i += 1) {
    const point = points[Math.round(i * step)];
    if (point !== undefined) out.push(point);
  }
  return out;
}
