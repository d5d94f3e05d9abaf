// The news blackout windows ahead and in force (docs/RULES.md section 12), for the view's `news`: every account's
// newsBlackout windows (manual events and the calendar's releases its selection names), the same window shown once.
import { newsWindows, rulesFor, type NewsWindow, type ReadonlyEngineState } from '../engine';
import type { NewsWindowView } from '../../shared/ipc';

/** How far ahead the view looks, and how many windows it lists at most. */
export const NEWS_AHEAD_MS = 7 * 24 * 3_600_000;
export const NEWS_SHOWN = 20;

/** Soonest first; windows already over are left out. */
export function newsView(state: ReadonlyEngineState, now: number): NewsWindowView[] {
  const zone = state.config.session.timezone;
  const shown = new Map<string, NewsWindow>();
  for (const id of state.accounts.keys()) {
    const settings = rulesFor(state.config, id).newsBlackout;
    if (settings?.enabled !== true) continue;
    for (const window of newsWindows(settings, state.calendar, zone)) {
      if (window.until <= now || window.from > now + NEWS_AHEAD_MS) continue;
      const key = [window.source, window.at, window.from, window.until, window.flatten, window.title].join(
        '|',
      );
      if (!shown.has(key)) shown.set(key, window);
    }
  }
  return [...shown.values()]
    .sort((a, b) => a.from - b.from || a.at - b.at || a.title.localeCompare(b.title))
    .slice(0, NEWS_SHOWN)
    .map((window) => ({
      title: window.title,
      currency: window.currency,
      impact: window.impact,
      at: iso(window.at),
      from: iso(window.from),
      to: iso(window.until),
      flatten: window.flatten,
      source: window.source,
    }));
}

const iso = (ms: number) => new Date(ms).toISOString();
