// One trading day's equity samples of an account, with the metrics stored beside them, for the equity charts:
// today's seed the live chart after a reload, an earlier day's show how that day went. Money stays exact text.
import { DateTime } from 'luxon';
import type { EquityDayView } from '../../shared/ipc';
import { tradingDayOf, type Period, type SessionConfig } from '../engine';
import type { Store } from '../store';

/** The trading day labelled `label` (the date it ends), or null when no trading day has that label. */
export function tradingDayLabelled(label: string, session: SessionConfig): Period | null {
  const [hour = 0, minute = 0] = session.dayStart.split(':').map(Number);
  const end = DateTime.fromISO(label, { zone: session.timezone }).set({
    hour,
    minute,
    second: 0,
    millisecond: 0,
  });
  if (!end.isValid) return null;
  const day = tradingDayOf(end.toMillis() - 1, session);
  return day.label === label ? day : null;
}

export function equityDay(
  store: Store,
  session: SessionConfig,
  account: string,
  /** `today`, or a trading day's label. */
  asked: string,
  now: number,
): EquityDayView {
  const today = tradingDayOf(now, session);
  const day = asked === 'today' ? today : tradingDayLabelled(asked, session);
  if (day === null) throw new Error(`equityDay: ${asked} is not a trading day`);
  // A sample stored before Warden kept metrics (schema 5) has no daily loss floor, and none is made up for it: the
  // amount in force when it was taken is not known (the config may have changed since), and today's rule would
  // draw a floor that may never have been there on the chart a dispute is argued over. The line starts where
  // the samples that kept it start.
  const samples = store.history.samples(account, day.start, Math.min(day.end, now + 1)).map((sample) => ({
    t: new Date(sample.t).toISOString(),
    equity: sample.equity,
    dailyNetPnl: sample.dailyNetPnl,
    dailyDrawdown: sample.dailyDrawdown,
    metrics: sample.metrics,
  }));
  return { day: day.label, today: day.label === today.label, samples };
}
