// Trading day and week boundaries in the configured time zone (docs/RULES.md section 1), DST-correct via luxon.
import { DateTime } from 'luxon';
import type { SessionConfig, Weekday } from './config';

/** A trading period: [start, end) in epoch ms, labelled by the calendar date on which it ends. */
export type Period = { label: string; start: number; end: number };

const weekdayNumber: Record<Weekday, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

function dayStartOn(date: DateTime, session: SessionConfig): DateTime {
  const [hour = 0, minute = 0] = session.dayStart.split(':').map(Number);
  return date.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The trading day containing `t`: from the latest dayStart at or before `t` to the next one. */
export function tradingDayOf(t: number, session: SessionConfig): Period {
  const local = DateTime.fromMillis(t, { zone: session.timezone });
  let start = dayStartOn(local, session);
  if (start.toMillis() > t) start = dayStartOn(local.minus({ days: 1 }), session);
  const end = dayStartOn(start.plus({ days: 1 }), session);
  return { label: end.toISODate() ?? '', start: start.toMillis(), end: end.toMillis() };
}

/** The trading week containing `t`: from the dayStart on the latest weekStartDay at or before `t`, for 7 days. */
export function tradingWeekOf(t: number, session: SessionConfig): Period {
  const day = tradingDayOf(t, session);
  const dayStartLocal = DateTime.fromMillis(day.start, { zone: session.timezone });
  const back = (dayStartLocal.weekday - weekdayNumber[session.weekStartDay] + 7) % 7;
  const start = dayStartOn(dayStartLocal.minus({ days: back }), session);
  const end = dayStartOn(start.plus({ days: 7 }), session);
  return { label: end.toISODate() ?? '', start: start.toMillis(), end: end.toMillis() };
}
