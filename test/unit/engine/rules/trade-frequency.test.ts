// tradeFrequency: a trade opening beyond a window's count is closed and the account halted (reported as
// flatten, naming the trade's symbol): for the cooldown (perMinute, perHour) or to the day's end (perDay).
import { describe, expect, it } from 'vitest';
import type { RuleSettings } from '../../../../shared/config/rules';
import { at, decisionsOf, fill, only, roundTrip } from './count-rules.helpers';

type Limits = Partial<RuleSettings<'tradeFrequency'>>;
const config = (limits: Limits) =>
  only('tradeFrequency', {
    perMinute: null,
    perHour: null,
    perDay: null,
    cooldownMinutes: 15,
    lock: { minutes: 15 },
    ...limits,
  });

/** Tuesday 2026-05-05, Chicago (CDT). */
const tue = (hhmmss: string) => `2026-05-05T${hhmmss}-05:00`;
const scalp = (open: string, close: string, symbol = 'ES') =>
  roundTrip(tue(open), tue(close), symbol, 'buy', '5800', '5801');
const breach = (t: string, symbol: string, until: number, state = 'halted', action = 'flatten') => ({
  t: at(t),
  rule: 'tradeFrequency',
  level: 'breach',
  action,
  symbol,
  lock: { state, until },
});

describe('tradeFrequency', () => {
  it.each([
    {
      name: 'perDay 3: three trades are allowed',
      limits: { perDay: 3 },
      events: [
        ...scalp('09:00:00', '09:05:00'),
        ...scalp('10:00:00', '10:05:00'),
        ...scalp('11:00:00', '11:05:00'),
      ],
      expected: [],
    },
    {
      name: 'perDay 3: the 4th trade of the day (an NQ) is closed and the day is over (halted until 17:00 CT)',
      limits: { perDay: 3 },
      events: [
        ...scalp('09:00:00', '09:05:00'),
        ...scalp('10:00:00', '10:05:00'),
        ...scalp('11:00:00', '11:05:00'),
        fill(tue('12:00:00'), 'NQ', 'sell', 1, '21000'),
      ],
      expected: [breach(tue('12:00:00'), 'NQ', at(tue('17:00:00')))],
    },
    {
      name: 'perDay 3: trades of the day before do not count (the day rolled at 17:00)',
      limits: { perDay: 3 },
      events: [
        ...scalp('15:00:00', '15:05:00'),
        ...scalp('16:00:00', '16:05:00'),
        ...scalp('16:30:00', '16:35:00'),
        ...scalp('17:00:00', '17:05:00'),
      ],
      expected: [],
    },
    {
      name: 'perDay 2: adding to a trade is not a new trade; a reversal is',
      limits: { perDay: 2 },
      events: [
        fill(tue('09:00:00'), 'ES', 'buy', 1, '5800'),
        fill(tue('09:01:00'), 'ES', 'buy', 1, '5801'),
        fill(tue('09:02:00'), 'ES', 'sell', 4, '5802'),
        fill(tue('09:03:00'), 'ES', 'buy', 4, '5801'),
      ],
      expected: [breach(tue('09:03:00'), 'ES', at(tue('17:00:00')))],
    },
    {
      name: 'perMinute 2: a 3rd trade within a rolling minute halts for the 15 min cooldown',
      limits: { perMinute: 2 },
      events: [
        ...scalp('09:00:00', '09:00:10'),
        ...scalp('09:00:20', '09:00:30'),
        ...scalp('09:00:59', '09:01:10'),
      ],
      expected: [breach(tue('09:00:59'), 'ES', at(tue('09:15:59')))],
    },
    {
      name: 'perMinute 2: three trades spread over more than a minute are allowed',
      limits: { perMinute: 2 },
      events: [
        ...scalp('09:00:00', '09:00:10'),
        ...scalp('09:00:30', '09:00:40'),
        ...scalp('09:01:00', '09:01:10'),
      ],
      expected: [],
    },
    {
      name: 'perHour 2 and perDay 2 both exceeded: the longer lock (perDay, to day end) is the one reported',
      limits: { perHour: 2, perDay: 2 },
      events: [
        ...scalp('09:00:00', '09:01:00'),
        ...scalp('09:10:00', '09:11:00'),
        ...scalp('09:20:00', '09:21:00'),
      ],
      expected: [breach(tue('09:20:00'), 'ES', at(tue('17:00:00')))],
    },
    {
      name: 'lockState reducing: the breach closes the trade (closePosition) instead of flattening',
      limits: { perHour: 1, lockState: 'reducing' as const },
      events: [...scalp('09:00:00', '09:01:00'), ...scalp('09:10:00', '09:11:00')],
      expected: [breach(tue('09:10:00'), 'ES', at(tue('09:25:00')), 'reducing', 'closePosition')],
    },
    {
      name: 'a trade opening while halted is the lock enforcement’s breach, reported once',
      limits: { perDay: 1 },
      events: [
        ...scalp('09:00:00', '09:01:00'),
        ...scalp('09:10:00', '09:11:00'),
        fill(tue('09:20:00'), 'ES', 'buy', 1, '5800'),
      ],
      expected: [
        breach(tue('09:10:00'), 'ES', at(tue('17:00:00'))),
        { t: at(tue('09:20:00')), rule: 'tradeFrequency', level: 'breach', action: 'flatten', symbol: 'ES' },
      ],
    },
  ])('$name', ({ limits, events, expected }) => {
    expect(decisionsOf(events, config(limits))).toEqual(expected);
  });
});
