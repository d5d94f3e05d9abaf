// The news calendar feed (WARDEN_NEWS_URL) and its cached copy: the reader never throws; what it keeps is sorted,
// complete and reads back the same; a fetched feed, good or bad, is either refused with the trouble told or
// journaled as a calendar event the journal's own reader accepts on the next start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { encodeEngineEvent, parseEngineEvent } from '../../../shared/domain/event-codec';
import type { CalendarEvent } from '../../../shared/domain/events';
import { createNewsFeed } from '../../../main/feeds/news-feed';
import { compareItems, parseNewsFeed } from '../../../main/feeds/news-parse';
import { readNewsCache } from '../../../main/feeds/news-cache';
import { memoryLogger } from '../../../main/platform/logger';
import { createManualClock } from '../../helpers/manual-clock';
import { release } from '../../helpers/fake-news-server';
import { hostileValue, jsonText } from '../arbitraries/hostile';
import { mutated } from '../arbitraries/mutate';
import { rawText } from '../arbitraries/raw';
import { fuzzProperty, StateCorruption, type FuzzContext, type Surface } from '../harness/types';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const releases = [
  release('Non-Farm Payrolls', '2026-06-05T08:30:00-04:00'),
  release('ECB Press Conference', '2026-06-04T08:45:00-04:00', 'EUR'),
  release('Crude Oil Inventories', '2026-06-03T10:30:00-04:00', 'USD', 'Medium'),
  release('Bank Holiday', '2026-06-01T00:00:00-04:00', 'GBP', 'Holiday'),
];
const goodFeed = JSON.stringify(releases);

const entry = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...releases) },
  { weight: 6, arbitrary: fc.constantFrom(...releases).chain((r) => mutated(r)) },
  { weight: 1, arbitrary: hostileValue },
);
export const feedText = fc.oneof(
  { weight: 6, arbitrary: fc.array(entry, { maxLength: 12 }).map(jsonText) },
  { weight: 3, arbitrary: rawText([goodFeed]) },
  { weight: 1, arbitrary: mutated(releases).map(jsonText) },
);

/** parseNewsFeed's contract on any text. */
export function checkFeed(text: string): void {
  const parsed = parseNewsFeed(text);
  if (!parsed.ok) {
    if (typeof parsed.error !== 'string' || parsed.error === '') throw new Error('refused without a reason');
    return;
  }
  const raw = JSON.parse(text) as unknown[];
  if (parsed.items.length === 0) throw new Error('accepted a feed with no release');
  if (parsed.skipped !== raw.length - parsed.items.length) throw new Error('skipped miscounted');
  for (const [i, item] of parsed.items.entries()) {
    if (!Number.isFinite(item.at) || item.title === '' || item.currency === '' || item.impact === '')
      throw new Error(`an incomplete release kept: ${JSON.stringify(item)}`);
    const next = parsed.items[i + 1];
    if (next !== undefined && compareItems(item, next) > 0) throw new Error('releases out of order');
  }
  const again = parseNewsFeed(
    JSON.stringify(
      parsed.items.map((item) =>
        release(item.title, new Date(item.at).toISOString(), item.currency, item.impact),
      ),
    ),
  );
  if (!again.ok || !isDeepStrictEqual(again.items, parsed.items))
    throw new Error('the releases kept do not read back the same');
}

export const newsSurface: Surface = {
  name: 'news',
  start(context: FuzzContext) {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fuzz-news-'));
    const fetched = async (body: string, status: number) => {
      context.count();
      const clock = createManualClock(NOW);
      const journaled: CalendarEvent[] = [];
      const feed = createNewsFeed({
        url: 'http://news.invalid/feed.json',
        cacheFile: join(dir, 'news-calendar.json'),
        clock,
        logger: memoryLogger(),
        alerts: { raise: () => undefined },
        known: () => [],
        journal: (event) => journaled.push(event),
        changed: () => undefined,
        zone: () => 'America/Chicago',
        fetch: () => Promise.resolve(new Response(body, { status })),
      });
      await feed.refresh();
      await feed.stop();
      for (const event of journaled) {
        const stored = JSON.parse(JSON.stringify(encodeEngineEvent(event))) as unknown;
        const back = parseEngineEvent(stored);
        if (!back.ok)
          throw new StateCorruption(`journaled a calendar the journal cannot read: ${back.error}`);
      }
      if (journaled.length > 0 && status !== 200) throw new Error(`journaled the body of an HTTP ${status}`);
    };
    return Promise.resolve({
      properties: [
        fuzzProperty(
          'parse',
          fc.property(feedText, (text) => {
            context.count();
            checkFeed(text);
          }),
        ),
        fuzzProperty(
          'fetched',
          fc.asyncProperty(feedText, fc.constantFrom(200, 200, 200, 404, 500, 204), fetched),
        ),
        fuzzProperty(
          'cache',
          fc.asyncProperty(
            fc.oneof(
              rawText([
                JSON.stringify({ source: 'x', fetchedAt: '2026-06-01T00:00:00.000Z', body: goodFeed }),
              ]),
              mutated({ source: 'x', fetchedAt: '2026-06-01T00:00:00.000Z', body: goodFeed }).map(jsonText),
            ),
            async (text) => {
              context.count();
              const file = join(dir, 'cache.json');
              writeFileSync(file, text);
              const { copy } = await readNewsCache(file);
              if (copy !== null && (!Number.isFinite(copy.fetchedAt) || typeof copy.body !== 'string'))
                throw new Error('a cached copy without its time or body');
            },
          ),
        ),
      ],
      stop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};
