// The Forex Factory weekly export as WARDEN_NEWS_URL serves it: good items read (soonest first), bad items skipped
// and counted, a feed with nothing usable refused with what was wrong.
import { describe, expect, it } from 'vitest';
import { parseNewsFeed } from '../../../main/feeds/news-parse';

const nfp = {
  title: 'Non-Farm Payrolls',
  country: 'USD',
  date: '2026-06-05T08:30:00-04:00',
  impact: 'High',
  forecast: '180K',
  previous: '177K',
};
const ecb = {
  title: 'Main Refinancing Rate',
  country: 'EUR',
  date: '2026-06-04T08:15:00-04:00',
  impact: 'High',
  forecast: '2.15%',
  previous: '2.40%',
};
const bankHoliday = {
  title: 'Bank Holiday',
  country: 'CHF',
  date: '2026-06-01T03:00:00-04:00',
  impact: 'Holiday',
};

describe('parseNewsFeed', () => {
  it('reads every good item, soonest first, with `at` in ms and the currency and impact as written', () => {
    expect(parseNewsFeed(JSON.stringify([nfp, ecb, bankHoliday]))).toEqual({
      ok: true,
      skipped: 0,
      items: [
        { at: Date.parse('2026-06-01T07:00:00Z'), title: 'Bank Holiday', currency: 'CHF', impact: 'Holiday' },
        {
          at: Date.parse('2026-06-04T12:15:00Z'),
          title: 'Main Refinancing Rate',
          currency: 'EUR',
          impact: 'High',
        },
        {
          at: Date.parse('2026-06-05T12:30:00Z'),
          title: 'Non-Farm Payrolls',
          currency: 'USD',
          impact: 'High',
        },
      ],
    });
  });

  it('skips and counts what it cannot read: no offset, no title, a bad date, no currency, no impact, not an object', () => {
    const bad = [
      { ...nfp, date: '2026-06-05T08:30:00' },
      { ...nfp, title: '' },
      { ...nfp, date: '2026-06-05T08:30:00-04:00x' },
      { ...nfp, date: 'Tentative' },
      { ...nfp, country: 'United States' },
      { ...nfp, country: undefined },
      { ...nfp, impact: '' },
      'NFP',
      null,
      [nfp],
    ];
    expect(parseNewsFeed(JSON.stringify([...bad, nfp]))).toEqual({
      ok: true,
      skipped: 10,
      items: [
        {
          at: Date.parse('2026-06-05T12:30:00Z'),
          title: 'Non-Farm Payrolls',
          currency: 'USD',
          impact: 'High',
        },
      ],
    });
  });

  it.each([
    ['an object', '{"events":[]}', 'not a JSON array of events (got an object)'],
    ['a string', '"calendar"', 'not a JSON array of events (got a string)'],
    ['null', 'null', 'not a JSON array of events (got null)'],
    ['an empty list', '[]', 'the feed lists no events'],
    ['nothing readable', JSON.stringify([{ title: 'x' }, 3]), 'none of its 2 events could be read'],
  ])('refuses %s, saying what was wrong', (_name, text, error) => {
    expect(parseNewsFeed(text)).toEqual({ ok: false, error });
  });

  it('refuses what is not JSON (an HTML error page), naming it', () => {
    const parsed = parseNewsFeed('<html><body>Rate limited</body></html>');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(/^not JSON \(Unexpected token '<'/);
  });
});
