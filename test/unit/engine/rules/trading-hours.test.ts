// tradingHours: windows in Chicago wall time across the 2026 DST change (Sunday 8 March: CST −06:00 before,
// CDT −05:00 after). A trade opening outside every window is closed; flattenAt flattens once a day.
import { describe, expect, it } from 'vitest';
import type { RuleSettings } from '../../../../shared/config/rules';
import { at, clock, decisionsOf, fill, only, order } from './count-rules.helpers';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const rth = { days: [...weekdays], start: '08:30', end: '15:00' };
/** Globex-style: Sunday to Thursday evening 17:00 until 16:00 the next day (crosses midnight). */
const globex: RuleSettings<'tradingHours'>['windows'][number] = {
  days: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'],
  start: '17:00',
  end: '16:00',
};
const config = (params: Partial<RuleSettings<'tradingHours'>>) =>
  only('tradingHours', { windows: [rth], flattenAt: null, ...params });
const closed = (t: string, symbol = 'ES') => ({
  t: at(t),
  rule: 'tradingHours',
  level: 'breach',
  action: 'closePosition',
  symbol,
});
const flattened = (t: string) => ({ t: at(t), rule: 'tradingHours', level: 'breach', action: 'flatten' });

describe('tradingHours: Mon–Fri 08:30–15:00 Chicago, over the DST week', () => {
  it.each([
    {
      name: 'Fri 6 March (CST) 08:29 is outside, 08:30 inside: the same UTC hour means a different wall time',
      events: [
        fill('2026-03-06T14:29:00Z', 'ES', 'buy', 1, '5800'),
        fill('2026-03-06T14:29:30Z', 'ES', 'sell', 1, '5800'),
        fill('2026-03-06T14:30:00Z', 'NQ', 'buy', 1, '21000'),
      ],
      expected: [closed('2026-03-06T14:29:00Z')],
    },
    {
      name: 'Mon 9 March (CDT) 13:45Z is 08:45 local, inside (a fixed −06:00 would say 07:45); 13:29Z is 08:29, outside',
      events: [
        fill('2026-03-09T13:29:00Z', 'ES', 'buy', 1, '5800'),
        fill('2026-03-09T13:29:30Z', 'ES', 'sell', 1, '5800'),
        fill('2026-03-09T13:45:00Z', 'NQ', 'buy', 1, '21000'),
      ],
      expected: [closed('2026-03-09T13:29:00Z')],
    },
    {
      name: 'the end is exclusive: 15:00 is outside; Saturday is outside; adding to a position is not an opening',
      events: [
        fill('2026-03-10T14:59:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-03-10T15:00:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-03-10T15:00:00-05:00', 'NQ', 'buy', 1, '21000'),
        fill('2026-03-14T10:00:00-05:00', 'GC', 'buy', 1, '2400'),
      ],
      expected: [closed('2026-03-10T15:00:00-05:00', 'NQ'), closed('2026-03-14T10:00:00-05:00', 'GC')],
    },
    {
      name: 'a window crossing midnight: Sunday 17:00 → Monday 16:00 allows Monday 03:00 and Sunday 18:00, not Monday 16:30 or Friday 17:30',
      windows: [globex],
      events: [
        fill('2026-03-08T18:00:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-03-08T18:01:00-05:00', 'ES', 'sell', 1, '5800'),
        fill('2026-03-09T03:00:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-03-09T03:01:00-05:00', 'ES', 'sell', 1, '5800'),
        fill('2026-03-09T16:30:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-03-09T16:31:00-05:00', 'ES', 'sell', 1, '5800'),
        fill('2026-03-13T17:30:00-05:00', 'ES', 'buy', 1, '5800'),
      ],
      expected: [closed('2026-03-09T16:30:00-05:00'), closed('2026-03-13T17:30:00-05:00')],
    },
    {
      name: 'flattenAt 14:55 on both sides of DST: once a day, at the first event at or after 14:55 local',
      flattenAt: '14:55',
      events: [
        fill('2026-03-06T09:00:00-06:00', 'ES', 'buy', 1, '5800'),
        clock('2026-03-06T20:54:00Z'),
        clock('2026-03-06T20:55:00Z'),
        fill('2026-03-06T20:55:01Z', 'ES', 'sell', 1, '5800'),
        clock('2026-03-06T20:56:00Z'),
        fill('2026-03-09T09:00:00-05:00', 'NQ', 'buy', 1, '21000'),
        clock('2026-03-09T19:54:59Z'),
        clock('2026-03-09T19:55:00Z'),
        clock('2026-03-09T19:58:00Z'),
      ],
      expected: [flattened('2026-03-06T14:55:00-06:00'), flattened('2026-03-09T14:55:00-05:00')],
    },
    {
      name: 'flattenAt with nothing open: no decision; a working order alone is flattened',
      flattenAt: '14:55',
      events: [
        clock('2026-03-06T14:56:00-06:00'),
        order('2026-03-09T10:00:00-05:00', 'o1', 'ES', 'buy', 'limit', 1),
        clock('2026-03-09T15:00:00-05:00'),
      ],
      expected: [flattened('2026-03-09T15:00:00-05:00')],
    },
  ])('$name', ({ events, expected, windows, flattenAt }) => {
    const params = { ...(windows === undefined ? {} : { windows }), flattenAt: flattenAt ?? null };
    expect(decisionsOf(events, config(params))).toEqual(expected);
  });
});
