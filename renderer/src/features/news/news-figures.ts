// What the news panel says (docs/RULES.md section 12): each blackout window ahead or in force, in the trader's
// words against the core's clock ("flattens in 12m 04s", "in blackout until 08:32"), and how fresh the calendar
// behind them is. Pure: `now` is the core's time (local clock + measured offset).
import type { CalendarStatusView, NewsWindowView } from '../../../../shared/ipc';
import { formatAge, formatCountdown, formatHourMinute } from '../../lib/format';

/** Windows shown: the soonest few (the core sends them soonest first). */
export const NEWS_SHOWN = 5;

export type WindowPhase = 'ahead' | 'in' | 'past';

export type WindowStatus = { phase: WindowPhase; text: string };

export function windowStatus(window: NewsWindowView, now: number): WindowStatus {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (now >= to) return { phase: 'past', text: 'over' };
  if (now >= from) return { phase: 'in', text: `in blackout until ${formatHourMinute(to)}` };
  const verb = window.flatten ? 'flattens' : 'blackout';
  return { phase: 'ahead', text: `${verb} in ${formatCountdown(from - now)}` };
}

/** "USD High": what the window is about besides its title. */
export function windowSubject(window: NewsWindowView): string {
  return [window.currency, window.impact].filter((part) => part !== '').join(' ');
}

/** The window's times for its tooltip: "at 08:30 · blackout 08:28–08:32 · from your config". */
export function windowDetail(window: NewsWindowView): string {
  const source = window.source === 'manual' ? 'from your config' : 'from the calendar';
  return `at ${formatHourMinute(window.at)} · blackout ${formatHourMinute(window.from)}–${formatHourMinute(window.to)} · ${source}`;
}

export type CalendarLine = { text: string; tone: 'muted' | 'warn' };

/** The calendar's state in one line: off (muted), fresh (muted, with its age) or stale (amber, why and how old). */
export function calendarLine(calendar: CalendarStatusView | null, now: number): CalendarLine {
  if (calendar === null) return { text: 'News calendar off', tone: 'muted' };
  const fetched = calendar.fetchedAt === null ? Number.NaN : Date.parse(calendar.fetchedAt);
  const age = Number.isNaN(fetched) ? null : formatAge(now - fetched);
  if (!calendar.stale)
    return {
      text: age === null ? 'News calendar loading' : `News calendar updated ${age} ago`,
      tone: 'muted',
    };
  const why = calendar.problem === null ? 'out of date' : `unavailable (${calendar.problem})`;
  const copy = age === null ? 'no copy: windows may be missing' : `using the copy from ${age} ago`;
  return { text: `News calendar ${why}: ${copy}`, tone: 'warn' };
}
