// The news blackout windows of one account's newsBlackout settings (docs/RULES.md sections 6 and 12): each manual
// event, and each release of the news calendar whose impact and currency the selection names exactly, makes the
// half-open window [at − minutesBefore, at + minutesAfter). Calendar releases at the same time share one window.
import { DateTime } from 'luxon';
import type { RuleSettings } from '../../shared/config/rules';
import type { NewsItem } from '../../shared/domain/events';

export type NewsWindow = {
  /** What "reported once" remembers: the same for a window whose releases a new list renames or adds to. */
  key: string;
  source: 'manual' | 'calendar';
  at: number;
  from: number;
  /** The window's end, outside it (the lock is lifted then). */
  until: number;
  flatten: boolean;
  /** The manual event's name ("news" without one), or the releases' titles. */
  title: string;
  /** The releases' currencies and impacts ("USD", "High"); empty for a manual event. */
  currency: string;
  impact: string;
};

type BlackoutSettings = Pick<RuleSettings<'newsBlackout'>, 'events' | 'calendar'>;

const MINUTE = 60_000;
const known = new WeakMap<
  BlackoutSettings,
  { calendar: readonly NewsItem[]; zone: string; windows: NewsWindow[] }
>();

/**
 * Every window of these settings, by start (then by release time). `zone` reads a manual `at` written without an
 * offset as local wall time. Worked out once per settings, calendar list and zone.
 */
export function newsWindows(
  settings: BlackoutSettings,
  calendar: readonly NewsItem[],
  zone: string,
): readonly NewsWindow[] {
  const cached = known.get(settings);
  if (cached?.calendar === calendar && cached.zone === zone) return cached.windows;
  const windows = [...manualWindows(settings, zone), ...calendarWindows(settings, calendar)].sort(
    (a, b) => a.from - b.from || a.at - b.at,
  );
  known.set(settings, { calendar, zone, windows });
  return windows;
}

function manualWindows(settings: BlackoutSettings, zone: string): NewsWindow[] {
  return settings.events.flatMap((news) => {
    const at = DateTime.fromISO(news.at, { zone }).toMillis();
    if (Number.isNaN(at)) return [];
    return [
      {
        key: `${news.at}|${news.name ?? ''}`,
        source: 'manual' as const,
        at,
        from: at - news.minutesBefore * MINUTE,
        until: at + news.minutesAfter * MINUTE,
        flatten: news.flatten,
        title: news.name ?? 'news',
        currency: '',
        impact: '',
      },
    ];
  });
}

function calendarWindows(settings: BlackoutSettings, calendar: readonly NewsItem[]): NewsWindow[] {
  const selection = settings.calendar;
  if (selection === null) return [];
  const byTime = new Map<number, NewsItem[]>();
  for (const item of calendar) {
    if (!selection.impacts.includes(item.impact) || !selection.currencies.includes(item.currency)) continue;
    byTime.set(item.at, [...(byTime.get(item.at) ?? []), item]);
  }
  return [...byTime].map(([at, items]) => ({
    key: `calendar|${at}`,
    source: 'calendar' as const,
    at,
    from: at - selection.minutesBefore * MINUTE,
    until: at + selection.minutesAfter * MINUTE,
    flatten: selection.flatten,
    title: distinct(items.map((item) => item.title)).join(', '),
    currency: distinct(items.map((item) => item.currency)).join('/'),
    impact: distinct(items.map((item) => item.impact)).join('/'),
  }));
}

const distinct = (values: string[]): string[] => [...new Set(values)];
