// The news calendar feed (docs/RULES.md section 12): WARDEN_NEWS_URL fetched at start and every 6 h on the injected
// clock, its last good copy kept in the data folder, each list that differs from the engine's journaled as a
// `calendar` event. A failure is one warning while the copy in force stays (never "no news"); its end is told too.
import { DateTime } from 'luxon';
import type { CalendarEvent, NewsItem } from '../../shared/domain/events';
import type { CalendarStatusView } from '../../shared/ipc';
import type { AlertFeed } from '../alerts/alert-feed';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { readNewsCache, writeNewsCache } from './news-cache';
import { fetchFeedText } from './news-fetch';
import { compareItems, parseNewsFeed, type ParsedFeed } from './news-parse';

export const DEFAULT_NEWS_URL = 'https://nfs.faireconomy.media/ff_calendar_thisweek.json';
/** The last good copy, in the data folder. */
export const NEWS_CACHE_FILE = 'news-calendar.json';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type NewsFeedDeps = {
  /** The feed's URL; null: the feed is off. */
  url: string | null;
  cacheFile: string;
  clock: Clock;
  logger: Logger;
  alerts: Pick<AlertFeed, 'raise'>;
  /** The list the engine knows now. */
  known(): readonly NewsItem[];
  /** Runs a calendar event through the core's pipeline (journaled, then applied). */
  journal(event: CalendarEvent): void;
  /** The status changed: the view should be pushed. */
  changed(): void;
  /** The time zone the trader reads times in (the session's). */
  zone(): string;
  fetch?: typeof fetch;
  /** Defaults: 10 s per fetch, a refresh every 6 h, a retry 15 min after a failure, stale after 8 days. */
  timeoutMs?: number;
  refreshMs?: number;
  retryMs?: number;
  staleAfterMs?: number;
};

export type NewsFeed = {
  /** Loads the cached copy (journaled when the engine lacks it) and starts fetching; resolves once loaded. */
  start(): Promise<void>;
  /** Fetches now (or joins the fetch under way); resolves when it is done. */
  refresh(): Promise<void>;
  status(): CalendarStatusView;
  stop(): Promise<void>;
};

/** WARDEN_NEWS_URL: unset is the public weekly export; `off` or empty turns the feed off. */
export function newsUrlOf(env: NodeJS.ProcessEnv): string | null {
  const value = env.WARDEN_NEWS_URL?.trim();
  if (value === undefined) return DEFAULT_NEWS_URL;
  return value === '' || value.toLowerCase() === 'off' ? null : value;
}

/** A list in force and when it was fetched. */
type Copy = { fetchedAt: number; items: NewsItem[] };

export function createNewsFeed(deps: NewsFeedDeps): NewsFeed {
  const { clock, url } = deps;
  const staleAfterMs = deps.staleAfterMs ?? 8 * DAY;
  const time = (ms: number) =>
    DateTime.fromMillis(ms, { zone: deps.zone() }).toFormat('ccc d LLL HH:mm ZZZZ');
  const outage = createOutage(deps.alerts, clock, time);
  const life = { stopped: false, controller: new AbortController(), cancelTimer: () => {} };
  /** Read afresh after each await (the core may stop meanwhile). */
  const stopped = () => life.stopped;
  let copy: Copy | null = null;
  let inFlight: Promise<void> | null = null;

  const old = () => copy !== null && clock.now() - copy.fetchedAt > staleAfterMs;
  const tooOld = `the copy is older than ${staleAfterMs / DAY} days`;

  /** Puts a good list in force: journaled when it differs from what the engine knows. */
  const adopt = (next: Copy): void => {
    copy = next;
    if (!sameList(next.items, deps.known()))
      deps.journal({ type: 'calendar', t: clock.now(), events: next.items });
  };

  const failed = (problem: string): void => {
    deps.logger.warn('news calendar unavailable', { problem });
    outage.fail(old() ? `${problem}; ${tooOld}` : problem, copy);
    schedule(deps.retryMs ?? HOUR / 4);
  };

  /** One attempt: fetched, read, kept and put in force, or the trouble told; then the next one is timed. */
  const attempt = async (source: string): Promise<void> => {
    life.controller = new AbortController();
    const timeoutMs = deps.timeoutMs ?? 10_000;
    const { controller } = life;
    const fetched = await fetchFeedText({ url: source, clock, timeoutMs, controller, ...fetchOf(deps) });
    if (stopped()) return;
    if (!fetched.ok) {
      failed(fetched.error);
      return;
    }
    const parsed = upToDate(parseNewsFeed(fetched.text), clock.now() - staleAfterMs, time);
    if (!parsed.ok) {
      failed(`the feed could not be used: ${parsed.error}`);
      return;
    }
    if (parsed.skipped > 0) deps.logger.warn('news calendar items skipped', { skipped: parsed.skipped });
    const next = { fetchedAt: clock.now(), items: parsed.items };
    await keep(deps, { source, fetchedAt: next.fetchedAt, body: fetched.text });
    if (stopped()) return;
    adopt(next);
    outage.clear(next);
    schedule(deps.refreshMs ?? 6 * HOUR);
  };

  const refresh = (): Promise<void> => {
    if (url === null || stopped()) return Promise.resolve();
    inFlight ??= attempt(url).finally(() => {
      inFlight = null;
      if (!stopped()) deps.changed();
    });
    return inFlight;
  };

  const schedule = (ms: number): void => {
    life.cancelTimer();
    life.cancelTimer = clock.setTimeout(() => void refresh(), ms);
  };

  return {
    async start() {
      if (url === null) return;
      const cached = await loadCache(deps);
      if (stopped()) return;
      // Journaled only when newer than the engine's list (a copy whose save failed must not undo a later list).
      if (cached !== null && latest(cached.items) > latest(deps.known())) adopt(cached);
      else if (cached !== null) copy = cached;
      void refresh();
    },
    refresh,
    status: () => statusOf(url, copy, outage.problem() ?? (old() ? tooOld : null)),
    async stop() {
      life.stopped = true;
      life.cancelTimer();
      life.controller.abort();
      await inFlight;
    },
  };
}

const fetchOf = (deps: NewsFeedDeps) => (deps.fetch === undefined ? {} : { fetch: deps.fetch });

/** The cached copy's list, or null when there is none usable (said in the log). */
async function loadCache(deps: NewsFeedDeps): Promise<Copy | null> {
  const { copy, problem } = await readNewsCache(deps.cacheFile);
  if (problem !== undefined) deps.logger.warn('news calendar copy not readable', { problem });
  if (copy === null) return null;
  const parsed = parseNewsFeed(copy.body);
  if (parsed.ok) return { fetchedAt: copy.fetchedAt, items: parsed.items };
  deps.logger.warn('news calendar copy not usable', { problem: parsed.error });
  return null;
}

/** The raw copy into the data folder; a failure to write is logged, the list still goes into force. */
async function keep(deps: NewsFeedDeps, copy: { source: string; fetchedAt: number; body: string }) {
  try {
    await writeNewsCache(deps.cacheFile, copy);
  } catch (error) {
    deps.logger.error('news calendar copy not saved', { reason: (error as Error).message });
  }
}

/** A feed whose latest release is older than `since` stopped being updated: it would replace the week with none. */
function upToDate(parsed: ParsedFeed, since: number, time: (ms: number) => string): ParsedFeed {
  if (!parsed.ok) return parsed;
  const latest = parsed.items.at(-1)?.at ?? Number.NEGATIVE_INFINITY;
  return latest >= since
    ? parsed
    : { ok: false, error: `out of date, its latest release is ${time(latest)}` };
}

/** The feed's trouble as the trader hears it: one warning when it starts, an info when it ends. */
function createOutage(alerts: Pick<AlertFeed, 'raise'>, clock: Clock, time: (ms: number) => string) {
  let current: { problem: string; since: number } | null = null;
  return {
    problem: () => current?.problem ?? null,
    fail(problem: string, copy: Copy | null): void {
      if (current !== null) {
        current.problem = problem;
        return;
      }
      current = { problem, since: clock.now() };
      const using = copy === null ? 'no copy' : `using the copy from ${time(copy.fetchedAt)}`;
      alerts.raise(
        'warning',
        null,
        'News calendar unavailable',
        `news calendar unavailable since ${time(current.since)}, ${using} (${problem})`,
      );
    },
    clear(copy: Copy): void {
      if (current === null) return;
      current = null;
      alerts.raise(
        'info',
        null,
        'News calendar available again',
        `news calendar available again: ${copy.items.length} releases fetched at ${time(copy.fetchedAt)}`,
      );
    },
  };
}

function statusOf(url: string | null, copy: Copy | null, problem: string | null): CalendarStatusView {
  if (url === null)
    return {
      source: 'off',
      fetchedAt: null,
      stale: false,
      problem: 'the news feed is off (WARDEN_NEWS_URL=off)',
    };
  return {
    source: url,
    fetchedAt: copy === null ? null : new Date(copy.fetchedAt).toISOString(),
    stale: problem !== null,
    problem,
  };
}

const latest = (items: readonly NewsItem[]) => items.at(-1)?.at ?? Number.NEGATIVE_INFINITY;

const keyOf = (item: NewsItem) => `${item.at}|${item.currency}|${item.impact}|${item.title}`;

function sameList(a: readonly NewsItem[], b: readonly NewsItem[]): boolean {
  if (a.length !== b.length) return false;
  const right = [...b].sort(compareItems).map(keyOf);
  return [...a]
    .sort(compareItems)
    .map(keyOf)
    .every((key, index) => key === right[index]);
}
