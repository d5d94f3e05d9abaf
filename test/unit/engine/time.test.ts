// Trading day and week boundaries in America/Chicago, across both DST changes.
import { describe, expect, it } from 'vitest';
import { tradingDayOf, tradingWeekOf, defaultSession } from '../../../main/engine';

const iso = (ms: number) => new Date(ms).toISOString();

describe('trading day', () => {
  it.each([
    [
      'Sunday 17:00 CT opens Monday',
      '2026-05-03T22:00:00Z',
      '2026-05-04',
      '2026-05-03T22:00:00.000Z',
      '2026-05-04T22:00:00.000Z',
    ],
    [
      'one ms before 17:00 is still the old day',
      '2026-05-04T21:59:59.999Z',
      '2026-05-04',
      '2026-05-03T22:00:00.000Z',
      '2026-05-04T22:00:00.000Z',
    ],
    [
      'winter: 17:00 CST is 23:00Z',
      '2026-01-13T15:00:00Z',
      '2026-01-13',
      '2026-01-12T23:00:00.000Z',
      '2026-01-13T23:00:00.000Z',
    ],
    [
      'the day DST starts (Sun 8 Mar 2026) is 23 hours long',
      '2026-03-09T12:00:00Z',
      '2026-03-09',
      '2026-03-08T22:00:00.000Z',
      '2026-03-09T22:00:00.000Z',
    ],
    [
      'the day before spring-forward begins in CST',
      '2026-03-08T12:00:00Z',
      '2026-03-08',
      '2026-03-07T23:00:00.000Z',
      '2026-03-08T22:00:00.000Z',
    ],
    [
      'the day DST ends (Sun 1 Nov 2026) is 25 hours long',
      '2026-11-01T12:00:00Z',
      '2026-11-01',
      '2026-10-31T22:00:00.000Z',
      '2026-11-01T23:00:00.000Z',
    ],
  ])('%s', (_name, at, label, start, end) => {
    const day = tradingDayOf(Date.parse(at), defaultSession);
    expect({ label: day.label, start: iso(day.start), end: iso(day.end) }).toEqual({ label, start, end });
  });
});

describe('trading week', () => {
  it('runs Sunday 17:00 to Sunday 17:00 local, whatever day inside it', () => {
    for (const at of ['2026-05-03T22:00:00Z', '2026-05-06T15:00:00Z', '2026-05-10T21:59:00Z']) {
      const week = tradingWeekOf(Date.parse(at), defaultSession);
      expect([iso(week.start), iso(week.end)]).toEqual([
        '2026-05-03T22:00:00.000Z',
        '2026-05-10T22:00:00.000Z',
      ]);
    }
  });

  it('spans the fall-back weekend with a 169-hour week', () => {
    const week = tradingWeekOf(Date.parse('2026-10-28T12:00:00Z'), defaultSession);
    expect([iso(week.start), iso(week.end)]).toEqual([
      '2026-10-25T22:00:00.000Z',
      '2026-11-01T23:00:00.000Z',
    ]);
    expect((week.end - week.start) / 3_600_000).toBe(169);
  });
});
