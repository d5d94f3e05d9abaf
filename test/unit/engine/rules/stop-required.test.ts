// stopRequired: a position needs opposite-side stop orders covering all of it within graceSeconds (10 s) of
// opening or of losing its cover. close: closePosition; attachStop: the stop to place (sell 2 ES 8 ticks below
// the entry), then close if the position is still uncovered one grace later.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../shared/domain/money';
import { at, clock, decisionsOf, fill, messagesOf, only, order } from './count-rules.helpers';

const config = (mode: 'close' | 'attachStop' = 'close') =>
  only('stopRequired', { graceSeconds: 10, mode, stopTicks: 8 });
const tue = (hhmmss: string) => `2026-05-05T${hhmmss}-05:00`;
const long2 = fill(tue('09:00:00'), 'ES', 'buy', 2, '5800.10');
const attach = { attachStop: { side: 'sell', qty: 2, stopPrice: dec('5798') } };
const step = (hhmmss: string, action: string) => ({
  t: at(tue(hhmmss)),
  rule: 'stopRequired',
  level: 'breach',
  action,
  symbol: 'ES',
});

describe('stopRequired: grace 10 s, one ES long 2', () => {
  it.each([
    {
      name: 'no stop: nothing at 9 s, closed at 10 s, once',
      events: [long2, clock(tue('09:00:09')), clock(tue('09:00:10')), clock(tue('09:00:30'))],
      expected: [step('09:00:10', 'closePosition')],
    },
    {
      name: 'a sell stop for 2 placed within the grace: covered',
      events: [long2, order(tue('09:00:03'), 's1', 'ES', 'sell', 'stop', 2), clock(tue('09:01:00'))],
      expected: [],
    },
    {
      name: 'a sell stop for 1 (half) or a sell limit for 2 (a target) is not full cover',
      events: [
        long2,
        order(tue('09:00:03'), 's1', 'ES', 'sell', 'stop', 1),
        order(tue('09:00:04'), 't1', 'ES', 'sell', 'limit', 2),
        clock(tue('09:00:10')),
      ],
      expected: [step('09:00:10', 'closePosition')],
    },
    {
      name: 'the stop cancelled at 09:01:00: a new grace runs from then, closed at 09:01:10',
      events: [
        long2,
        order(tue('09:00:03'), 's1', 'ES', 'sell', 'stop', 2),
        order(tue('09:01:00'), 's1', 'ES', 'sell', 'stop', 2, 'cancelled'),
        clock(tue('09:01:09')),
        clock(tue('09:01:10')),
      ],
      expected: [step('09:01:10', 'closePosition')],
    },
    {
      name: 'adding to 3 with the stop still for 2 loses the cover (from the add)',
      events: [
        long2,
        order(tue('09:00:03'), 's1', 'ES', 'sell', 'stop', 2),
        fill(tue('09:00:20'), 'ES', 'buy', 1, '5801'),
        clock(tue('09:00:29')),
        clock(tue('09:00:30')),
      ],
      expected: [step('09:00:30', 'closePosition')],
    },
    {
      name: 'closed within the grace: nothing; a new trade gets its own grace',
      events: [
        long2,
        fill(tue('09:00:05'), 'ES', 'sell', 2, '5801'),
        clock(tue('09:00:20')),
        fill(tue('09:00:30'), 'ES', 'sell', 1, '5801'),
        clock(tue('09:00:39')),
        clock(tue('09:00:40')),
      ],
      expected: [step('09:00:40', 'closePosition')],
    },
    {
      name: 'attachStop: an alert to attach at 10 s; still uncovered at 20 s, closed',
      mode: 'attachStop' as const,
      events: [long2, clock(tue('09:00:10')), clock(tue('09:00:19')), clock(tue('09:00:20'))],
      expected: [{ ...step('09:00:10', 'alert'), ...attach }, step('09:00:20', 'closePosition')],
    },
    {
      name: 'attachStop: the stop attached after the alert: nothing more',
      mode: 'attachStop' as const,
      events: [
        long2,
        clock(tue('09:00:10')),
        order(tue('09:00:12'), 's1', 'ES', 'sell', 'stop', 2),
        clock(tue('09:00:30')),
      ],
      expected: [{ ...step('09:00:10', 'alert'), ...attach }],
    },
  ])('$name', ({ events, expected, mode }) => {
    expect(decisionsOf(events, config(mode))).toEqual(expected);
  });

  it('attachStop names the stop: 8 ticks below the entry 5800.10 (on a tick) for a long, above for a short', () => {
    const short = fill(tue('09:00:00'), 'NQ', 'sell', 1, '21000.10');
    expect(messagesOf([long2, short, clock(tue('09:00:10'))], config('attachStop'))).toEqual([
      'ES has no full stop after 10s: attach sell stop 2 @ 5798',
      'NQ has no full stop after 10s: attach buy stop 1 @ 21002.25',
    ]);
  });
});
