// The economic calendar's wire format (docs/API.md section 2, WARDEN_NEWS_URL): the Forex Factory weekly export, a
// JSON array of {title, country (a currency code), date (ISO-8601 with offset), impact, forecast, previous}.
// Parsed tolerantly: an item that cannot be read is skipped and counted; a feed with nothing usable is an error.
import type { NewsItem } from '../../shared/domain/events';

export type ParsedFeed = { ok: true; items: NewsItem[]; skipped: number } | { ok: false; error: string };

/** A feed bigger than this is not a weekly calendar (about 20 KB is usual). */
export const MAX_FEED_CHARS = 5_000_000;

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The releases, soonest first (then by currency and title, so equal lists compare equal). */
export function parseNewsFeed(text: string): ParsedFeed {
  if (text.length > MAX_FEED_CHARS) return { ok: false, error: `too large (${text.length} characters)` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  if (!Array.isArray(raw)) return { ok: false, error: `not a JSON array of events (got ${kindOf(raw)})` };
  const items: NewsItem[] = [];
  for (const entry of raw as unknown[]) {
    const item = itemOf(entry);
    if (item !== null) items.push(item);
  }
  if (items.length === 0) {
    return {
      ok: false,
      error: raw.length === 0 ? 'the feed lists no events' : `none of its ${raw.length} events could be read`,
    };
  }
  return { ok: true, items: items.sort(compareItems), skipped: raw.length - items.length };
}

export function compareItems(a: NewsItem, b: NewsItem): number {
  return a.at - b.at || a.currency.localeCompare(b.currency) || a.title.localeCompare(b.title);
}

function itemOf(entry: unknown): NewsItem | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return null;
  const { title, country, date, impact } = entry as Record<string, unknown>;
  if (typeof title !== 'string' || title.trim() === '') return null;
  if (typeof country !== 'string' || !/^[A-Za-z]{3}$/.test(country.trim())) return null;
  if (typeof impact !== 'string' || impact.trim() === '') return null;
  if (typeof date !== 'string' || !isoWithOffset.test(date.trim())) return null;
  const at = Date.parse(date.trim());
  if (Number.isNaN(at)) return null;
  return { at, title: title.trim(), currency: country.trim(), impact: impact.trim() };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
