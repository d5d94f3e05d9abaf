// Builds the history screens' view from the store: closed trades, per-day summaries (net P&L, largest sampled
// drawdown, trades, breaches, the day's share of the account's total) and a timeline of alerts, enforcement
// responses and guard events; for a group of accounts, its members' and the group's exact totals per day.
import type {
  AlertView,
  DaySummaryView,
  GroupDaySummaryView,
  HistoryView,
  TimelineEntryView,
  TradeView,
} from '../../shared/ipc';
import { Dec } from '../../shared/domain/money';
import { tradingDayOf, type SessionConfig } from '../engine';
import type { EquitySample, RecordedRiskEvent, RiskResponse, Store } from '../store';
import { equityDay } from './equity-day';
import { TRAILING_STOP_EVENT } from './history-recorder';
import { responseText, riskEventText } from './timeline-text';

export type HistoryQuery = {
  account?: string | undefined;
  /** A group: its id and members (docs/RULES.md section 10). */
  group?: { id: string; accounts: string[] } | undefined;
  days: number;
  equityDay?: string | undefined;
};

/** Audit rows read per kind for the timeline (the newest). */
const TIMELINE_ROWS = 2000;
/** Equity samples kept either side of a breach (an enforcement response), and the breaches looked at. */
export const EQUITY_WINDOW_MS = 30 * 60_000;
const EQUITY_BREACHES = 50;

/** The period asked about: from the start of its first trading day to now, for one account or all. */
type Period = {
  from: number;
  now: number;
  dayOf: (t: number) => string;
  mine: (account: string | null) => boolean;
};

export function buildHistory(
  store: Store,
  session: SessionConfig,
  query: HistoryQuery,
  now: number,
): HistoryView {
  const period: Period = {
    from: tradingDayOf(now, session).start - (query.days - 1) * 86_400_000,
    now,
    dayOf: (t) => tradingDayOf(t, session).label,
    mine: mineOf(query),
  };
  const trades = tradesOf(store, query, period);
  const timeline = timelineOf(store, period);
  const days = summarize(store, session, trades, timeline, query, period.from, now);
  if (query.group !== undefined)
    return { trades, days, timeline, groupDays: groupDaysOf(query.group.id, days) };
  if (query.account === undefined) return { trades, days, timeline };
  const equity = equityAroundBreaches(store, query.account, timeline);
  if (query.equityDay === undefined) return { trades, days, timeline, equity };
  const day = equityDay(store, session, query.account, query.equityDay, now);
  return { trades, days, timeline, equity, equityDay: day };
}

/** Whether a row of `account` is asked for: the account's, a group member's, or (neither asked) any. */
function mineOf(query: HistoryQuery): (account: string | null) => boolean {
  const { group } = query;
  if (group !== undefined) return (account) => account !== null && group.accounts.includes(account);
  return (account) => query.account === undefined || account === query.account;
}

/** The group's totals per day: Σ its members' day summaries (exact decimals), newest day first. */
function groupDaysOf(group: string, days: DaySummaryView[]): GroupDaySummaryView[] {
  const totals = new Map<string, { net: Dec; trades: number; breaches: number }>();
  for (const day of days) {
    const total = totals.get(day.day) ?? { net: new Dec(0), trades: 0, breaches: 0 };
    totals.set(day.day, {
      net: total.net.add(day.netPnl),
      trades: total.trades + day.trades,
      breaches: total.breaches + day.breaches,
    });
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, total]) => ({
      day,
      group,
      netPnl: total.net.toFixed(2),
      trades: total.trades,
      breaches: total.breaches,
    }));
}

const iso = (t: number) => new Date(t).toISOString();

function tradesOf(store: Store, query: HistoryQuery, period: Period): TradeView[] {
  const rows = store.history.trades(query.account ?? null, period.from, period.now + 1);
  return rows
    .filter((trade) => period.mine(trade.account))
    .map((trade) => ({
      account: trade.account,
      symbol: trade.symbol,
      side: trade.side,
      qty: trade.qty,
      entryPrice: trade.entryPrice,
      exitPrice: trade.exitPrice,
      openedAt: iso(trade.openedAt),
      closedAt: iso(trade.closedAt),
      netPnl: trade.netPnl,
      fees: trade.fees,
      mfe: trade.mfe,
      mae: trade.mae,
      tag: trade.tag,
      initialRisk: trade.initialRisk,
      rMultiple: trade.rMultiple,
      day: period.dayOf(trade.closedAt),
    }));
}

/** Alerts, enforcement responses and guard events of the period, newest first. */
function timelineOf(store: Store, period: Period): TimelineEntryView[] {
  const { from, mine } = period;
  return [
    ...store.alerts
      .recent(TIMELINE_ROWS)
      .filter((alert) => mine(alert.account) && Date.parse(alert.t) >= from)
      .map((alert) => alertEntry(alert, period)),
    ...store.responses
      .recent(TIMELINE_ROWS)
      .filter((response) => mine(response.account) && response.requestedAt >= from)
      .map((response) => responseEntry(response, period)),
    ...store.riskEvents
      .recent(TIMELINE_ROWS)
      .filter((event) => mine(event.account) && event.t >= from)
      .map((event) => eventEntry(event, period)),
  ].sort(newestFirst);
}

function alertEntry(alert: AlertView, period: Period): TimelineEntryView {
  return {
    id: `alert-${alert.id}`,
    t: alert.t,
    account: alert.account,
    kind: 'alert',
    // A level change shows the level entered (a breach is a critical alert, but a breach).
    level: alert.figures?.level ?? alert.level,
    rule: alert.figures?.rule ?? null,
    title: alert.title,
    detail: alert.message,
    day: period.dayOf(Date.parse(alert.t)),
    value: alert.figures?.value ?? null,
    limit: alert.figures?.limit ?? null,
    threshold: alert.figures?.threshold ?? null,
  };
}

function responseEntry(response: RiskResponse, period: Period): TimelineEntryView {
  return {
    ...NO_FIGURES,
    id: `response-${response.id}`,
    t: iso(response.requestedAt),
    account: response.account,
    kind: 'response',
    level: response.outcome ?? 'running',
    rule: ruleOfReason(response.reason),
    title: `${response.action}: ${response.reason}`,
    detail: responseText(response),
    day: period.dayOf(response.requestedAt),
  };
}

function eventEntry(event: RecordedRiskEvent, period: Period): TimelineEntryView {
  return {
    ...NO_FIGURES,
    ...riskEventText(event),
    id: `event-${event.id}`,
    t: iso(event.t),
    account: event.account,
    kind: 'event',
    level: 'info',
    rule: event.kind === TRAILING_STOP_EVENT ? TRAILING_STOP_EVENT : null,
    day: period.dayOf(event.t),
  };
}

const NO_FIGURES = { value: null, limit: null, threshold: null };

/**
 * Within one millisecond the cause comes before what it caused: a guard event (a trailing stop triggered), then
 * the rule's alert, then the response carrying it out. Rows of one kind keep their recorded order (stable sort).
 */
const SAME_TIME_ORDER: Record<TimelineEntryView['kind'], number> = { event: 0, alert: 1, response: 2 };

function newestFirst(a: TimelineEntryView, b: TimelineEntryView): number {
  if (a.t !== b.t) return a.t < b.t ? 1 : -1;
  return SAME_TIME_ORDER[b.kind] - SAME_TIME_ORDER[a.kind];
}

/**
 * The rule a response carried out: its reason reads "dailyLoss: daily loss 326.4 reached 300" (the trader's own:
 * "user: flatten", or asked from the phone: "remote: flatten from …").
 */
function ruleOfReason(reason: string): string | null {
  const match = /^([A-Za-z]+): /.exec(reason);
  return match?.[1] ?? null;
}

/** A breach is a response a rule made Warden carry out; the trader's own flatten (here or remotely) is not one. */
const isBreachRule = (rule: string | null): boolean => rule !== 'user' && rule !== 'remote';
export const isBreachResponse = (reason: string): boolean => isBreachRule(ruleOfReason(reason));

function equityAroundBreaches(store: Store, account: string, timeline: TimelineEntryView[]) {
  const seen = new Set<number>();
  const points: { t: number; equity: string; dailyNetPnl: string }[] = [];
  const breaches = timeline.filter((item) => item.kind === 'response').slice(0, EQUITY_BREACHES);
  for (const breach of breaches) {
    const at = Date.parse(breach.t);
    for (const sample of store.history.samples(account, at - EQUITY_WINDOW_MS, at + EQUITY_WINDOW_MS + 1))
      if (!seen.has(sample.t)) {
        seen.add(sample.t);
        points.push({ t: sample.t, equity: sample.equity, dailyNetPnl: sample.dailyNetPnl });
      }
  }
  return points
    .sort((a, b) => a.t - b.t)
    .map((point) => ({
      t: iso(point.t),
      equity: point.equity,
      dailyNetPnl: point.dailyNetPnl,
    }));
}

type DayFigures = { net: Dec; trades: number; drawdown: Dec; breaches: number };

/** Per trading day and account: net P&L and count of its trades, its breaches, the largest sampled drawdown. */
function summarize(
  store: Store,
  session: SessionConfig,
  trades: TradeView[],
  timeline: TimelineEntryView[],
  query: HistoryQuery,
  from: number,
  now: number,
): DaySummaryView[] {
  const days = new Map<string, DayFigures>();
  const dayFor = (day: string, account: string) => {
    const key = `${day}\u0000${account}`;
    let entry = days.get(key);
    if (entry === undefined) {
      entry = { net: new Dec(0), trades: 0, drawdown: new Dec(0), breaches: 0 };
      days.set(key, entry);
    }
    return entry;
  };
  for (const trade of trades) {
    const entry = dayFor(trade.day, trade.account);
    entry.net = entry.net.add(trade.netPnl);
    entry.trades += 1;
  }
  for (const item of timeline)
    if (item.kind === 'response' && item.account !== null && isBreachRule(item.rule))
      dayFor(item.day, item.account).breaches += 1;
  const accounts = new Set([...days.keys()].map((key) => key.split('\u0000')[1] ?? ''));
  if (query.account !== undefined) accounts.add(query.account);
  for (const account of accounts) addDrawdowns(days, store.history.samples(account, from, now + 1), session);
  return withShares([...days.entries()].map(([key, entry]) => summaryOf(key, entry))).sort((a, b) =>
    a.day === b.day ? a.account.localeCompare(b.account) : a.day < b.day ? 1 : -1,
  );
}

/** Each day's largest sampled drawdown (days with neither trades nor breaches are not summarized). */
function addDrawdowns(days: Map<string, DayFigures>, samples: EquitySample[], session: SessionConfig): void {
  for (const sample of samples) {
    const entry = days.get(`${tradingDayOf(sample.t, session).label}\u0000${sample.account}`);
    if (entry !== undefined && entry.drawdown.lt(sample.dailyDrawdown))
      entry.drawdown = new Dec(sample.dailyDrawdown);
  }
}

function summaryOf(key: string, entry: DayFigures): DaySummaryView {
  const [day = '', account = ''] = key.split('\u0000');
  return {
    day,
    account,
    netPnl: entry.net.toFixed(2),
    trades: entry.trades,
    maxDrawdown: entry.drawdown.toFixed(2),
    breaches: entry.breaches,
    shareOfTotalPct: null,
  };
}

/** Each day's share of its account's total net P&L over the days listed, when that total is positive. */
function withShares(days: DaySummaryView[]): DaySummaryView[] {
  const totals = new Map<string, Dec>();
  for (const day of days) totals.set(day.account, (totals.get(day.account) ?? new Dec(0)).add(day.netPnl));
  return days.map((day) => {
    const total = totals.get(day.account);
    if (total === undefined || total.lte(0)) return day;
    const share = new Dec(day.netPnl).dividedBy(total).times(100).toFixed(2, Dec.ROUND_HALF_UP);
    return { ...day, shareOfTotalPct: share };
  });
}
