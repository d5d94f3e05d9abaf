// The host's news calendar feed against a local fake server on a manual clock: fetched at start and every 6 hours,
// kept in the data folder, journaled only when the list changes; a feed that dies (503, garbage, no answer, out of
// date) is one warning while the copy in force stays, and its return is told.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNewsCache } from '../../../main/feeds/news-cache';
import { createNewsFeed, newsUrlOf, DEFAULT_NEWS_URL } from '../../../main/feeds/news-feed';
import { memoryLogger } from '../../../main/platform/logger';
import type { CalendarEvent, NewsItem } from '../../../shared/domain/events';
import { release, startFakeNewsServer, type FakeNewsServer } from '../../helpers/fake-news-server';
import { createManualClock } from '../../helpers/manual-clock';

/** Friday 2026-06-05 06:00 in Chicago (CDT). */
const START = Date.parse('2026-06-05T11:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const nfp = release('Non-Farm Payrolls', '2026-06-05T08:30:00-04:00');
const ism = release('ISM Services PMI', '2026-06-05T10:00:00-04:00');
const nfpItem: NewsItem = {
  at: Date.parse('2026-06-05T12:30:00Z'),
  title: 'Non-Farm Payrolls',
  currency: 'USD',
  impact: 'High',
};
const ismItem: NewsItem = {
  at: Date.parse('2026-06-05T14:00:00Z'),
  title: 'ISM Services PMI',
  currency: 'USD',
  impact: 'High',
};

let server: FakeNewsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function harness(url: string | null, engineList: NewsItem[] = []) {
  const clock = createManualClock(START);
  const cacheFile = join(mkdtempSync(join(tmpdir(), 'warden-news-')), 'news-calendar.json');
  const alerts: { level: string; title: string; message: string }[] = [];
  const journaled: CalendarEvent[] = [];
  let known = engineList;
  let changes = 0;
  const feed = createNewsFeed({
    url,
    cacheFile,
    clock,
    logger: memoryLogger(),
    alerts: {
      raise: (level, _account, title, message) => {
        alerts.push({ level, title, message });
      },
    },
    known: () => known,
    journal: (event) => {
      journaled.push(event);
      known = event.events;
    },
    changed: () => {
      changes += 1;
    },
    zone: () => 'America/Chicago',
  });
  return { clock, cacheFile, alerts, journaled, feed, changes: () => changes };
}

/** The copy of [nfp] from `source` an earlier run left in the data folder, fetched at `fetchedAt`. */
const keepCopy = (h: ReturnType<typeof harness>, source: string, fetchedAt = START - DAY) =>
  writeNewsCache(h.cacheFile, { source, fetchedAt, body: JSON.stringify([nfp]) });

const serve = async (...args: Parameters<typeof startFakeNewsServer>) =>
  (server = await startFakeNewsServer(...args));

describe('the news feed when it works', () => {
  it('fetches at start: journals the list, keeps the raw copy with its fetch time, and says so in its status', async () => {
    const { url } = await serve({ kind: 'json', body: [ism, nfp] });
    const h = harness(url);
    await h.feed.start();
    await h.feed.refresh();
    expect(h.journaled).toEqual([{ type: 'calendar', t: START, events: [nfpItem, ismItem] }]);
    expect(h.feed.status()).toEqual({
      source: url,
      fetchedAt: '2026-06-05T11:00:00.000Z',
      stale: false,
      problem: null,
    });
    expect(JSON.parse(readFileSync(h.cacheFile, 'utf8'))).toEqual({
      source: url,
      fetchedAt: '2026-06-05T11:00:00.000Z',
      body: JSON.stringify([ism, nfp]),
    });
    expect(h.alerts).toEqual([]);
    expect(h.changes()).toBeGreaterThan(0);
  });

  it('fetches again every 6 hours on the clock; the same list is not journaled again, a new one is', async () => {
    const fake = await serve({ kind: 'json', body: [nfp] });
    const h = harness(fake.url);
    await h.feed.start();
    await h.feed.refresh();
    h.clock.advance(6 * HOUR - 1);
    expect(fake.requests()).toBe(1);
    h.clock.advance(1);
    await h.feed.refresh();
    expect(fake.requests()).toBe(2);
    expect(h.journaled).toHaveLength(1);
    fake.answer({ kind: 'json', body: [nfp, ism] });
    h.clock.advance(6 * HOUR);
    await h.feed.refresh();
    expect(fake.requests()).toBe(3);
    expect(h.journaled).toEqual([
      { type: 'calendar', t: START, events: [nfpItem] },
      { type: 'calendar', t: START + 12 * HOUR, events: [nfpItem, ismItem] },
    ]);
    expect(h.feed.status().fetchedAt).toBe(new Date(START + 12 * HOUR).toISOString());
  });

  it('at start, the cached copy goes into force before any fetch (journaled when the engine lacks it)', async () => {
    const fake = await serve({ kind: 'hang' });
    const h = harness(fake.url);
    await keepCopy(h, fake.url);
    await h.feed.start();
    expect(h.journaled).toEqual([{ type: 'calendar', t: START, events: [nfpItem] }]);
    expect(h.feed.status()).toEqual({
      source: fake.url,
      fetchedAt: new Date(START - DAY).toISOString(),
      stale: false,
      problem: null,
    });
    await h.feed.stop();
  });

  it('at start, a cached copy older than the engine list (its save failed) does not replace that list', async () => {
    const fake = await serve({ kind: 'hang' });
    const h = harness(fake.url, [nfpItem, ismItem]);
    await keepCopy(h, fake.url);
    await h.feed.start();
    expect(h.journaled).toEqual([]);
    await h.feed.stop();
  });

  it('is off with WARDEN_NEWS_URL=off or empty, and says so; unset means the public weekly export', async () => {
    expect(newsUrlOf({ WARDEN_NEWS_URL: 'off' })).toBeNull();
    expect(newsUrlOf({ WARDEN_NEWS_URL: ' ' })).toBeNull();
    expect(newsUrlOf({})).toBe(DEFAULT_NEWS_URL);
    expect(DEFAULT_NEWS_URL).toBe('https://nfs.faireconomy.media/ff_calendar_thisweek.json');
    expect(newsUrlOf({ WARDEN_NEWS_URL: 'http://127.0.0.1:9/feed.json' })).toBe(
      'http://127.0.0.1:9/feed.json',
    );
    const h = harness(null);
    await h.feed.start();
    await h.feed.refresh();
    expect(h.feed.status()).toEqual({
      source: 'off',
      fetchedAt: null,
      stale: false,
      problem: 'the news feed is off (WARDEN_NEWS_URL=off)',
    });
    expect(h.journaled).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});

describe('the news feed when it dies: one warning, the copy in force stays', () => {
  it('HTTP 503: warned once (retries every 15 min say nothing more), the cached list kept; back: told, and fresh', async () => {
    const fake = await serve({ kind: 'status', status: 503 });
    const h = harness(fake.url);
    await keepCopy(h, fake.url);
    await h.feed.start();
    await h.feed.refresh();
    const warning = {
      level: 'warning',
      title: 'News calendar unavailable',
      message:
        'news calendar unavailable since Fri 5 Jun 06:00 CDT, using the copy from Thu 4 Jun 06:00 CDT (fetch failed: HTTP 503)',
    };
    expect(h.alerts).toEqual([warning]);
    expect(h.feed.status()).toEqual({
      source: fake.url,
      fetchedAt: new Date(START - DAY).toISOString(),
      stale: true,
      problem: 'fetch failed: HTTP 503',
    });
    h.clock.advance(15 * MINUTE);
    await h.feed.refresh();
    expect(fake.requests()).toBe(2);
    expect(h.alerts).toEqual([warning]);
    expect(h.journaled).toEqual([{ type: 'calendar', t: START, events: [nfpItem] }]);
    fake.answer({ kind: 'json', body: [nfp, ism] });
    h.clock.advance(15 * MINUTE);
    await h.feed.refresh();
    expect(h.alerts).toEqual([
      warning,
      {
        level: 'info',
        title: 'News calendar available again',
        message: 'news calendar available again: 2 releases fetched at Fri 5 Jun 06:30 CDT',
      },
    ]);
    expect(h.journaled.at(-1)).toEqual({
      type: 'calendar',
      t: START + 30 * MINUTE,
      events: [nfpItem, ismItem],
    });
    expect(h.feed.status()).toMatchObject({ stale: false, problem: null });
  });

  it.each([
    [
      'an HTML page',
      { kind: 'text', body: '<html>Rate limited</html>' } as const,
      /^the feed could not be used: not JSON \(Unexpected token '<'/,
    ],
    [
      'an object instead of a list',
      { kind: 'json', body: { events: [] } } as const,
      /^the feed could not be used: not a JSON array of events \(got an object\)$/,
    ],
    [
      'an empty list',
      { kind: 'json', body: [] } as const,
      /^the feed could not be used: the feed lists no events$/,
    ],
  ])('garbage (%s): warned, nothing replaces the cached list', async (_name, answer, problem) => {
    const fake = await serve(answer);
    const h = harness(fake.url);
    await keepCopy(h, fake.url);
    await h.feed.start();
    await h.feed.refresh();
    expect(h.alerts.map((a) => a.level)).toEqual(['warning']);
    expect(h.feed.status().problem).toMatch(problem);
    expect(h.journaled).toEqual([{ type: 'calendar', t: START, events: [nfpItem] }]);
  });

  it('no answer: given up after 10 s on the clock, warned ("no copy" when there is none)', async () => {
    const fake = await serve({ kind: 'hang' });
    const h = harness(fake.url);
    await h.feed.start();
    await fake.request(1);
    h.clock.advance(10_000 - 1);
    expect(h.alerts).toEqual([]);
    h.clock.advance(1);
    await h.feed.refresh();
    expect(h.alerts).toEqual([
      {
        level: 'warning',
        title: 'News calendar unavailable',
        message:
          'news calendar unavailable since Fri 5 Jun 06:00 CDT, no copy (fetch failed: no answer within 10 s)',
      },
    ]);
    expect(h.feed.status()).toEqual({
      source: fake.url,
      fetchedAt: null,
      stale: true,
      problem: 'fetch failed: no answer within 10 s',
    });
  });

  it('a copy older than 8 days is stale: said in the warning and the status', async () => {
    const fake = await serve({ kind: 'status', status: 503 });
    const h = harness(fake.url);
    await keepCopy(h, fake.url, START - 9 * DAY);
    await h.feed.start();
    await h.feed.refresh();
    const problem = 'fetch failed: HTTP 503; the copy is older than 8 days';
    expect(h.alerts.map((a) => a.message)).toEqual([
      `news calendar unavailable since Fri 5 Jun 06:00 CDT, using the copy from Wed 27 May 06:00 CDT (${problem})`,
    ]);
    expect(h.feed.status()).toMatchObject({ stale: true, problem });
  });

  it('a feed that stopped being updated (its latest release 10 days ago) is refused, not put in force', async () => {
    const fake = await serve({ kind: 'json', body: [release('CPI m/m', '2026-05-26T08:30:00-04:00')] });
    const h = harness(fake.url);
    await h.feed.start();
    await h.feed.refresh();
    expect(h.alerts.map((a) => a.message)).toEqual([
      'news calendar unavailable since Fri 5 Jun 06:00 CDT, no copy (the feed could not be used: out of date, its latest release is Tue 26 May 07:30 CDT)',
    ]);
    expect(h.journaled).toEqual([]);
  });

  it('stopping during a fetch gives it up: nothing journaled or told afterwards, no timer left', async () => {
    const fake = await serve({ kind: 'hang' });
    const h = harness(fake.url);
    await h.feed.start();
    await fake.request(1);
    await h.feed.stop();
    expect(h.alerts).toEqual([]);
    expect(h.journaled).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});
