// symbolBlock: a working order in a blocked symbol is cancelled, a position in one closed; each once.
import { describe, expect, it } from 'vitest';
import { at, decisionsOf, fill, only, order } from './count-rules.helpers';

const config = only('symbolBlock', { symbols: ['CL', 'GC'] });
const tue = (hhmm: string) => `2026-05-05T${hhmm}:00-05:00`;
const decision = (hhmm: string, symbol: string, action: string) => ({
  t: at(tue(hhmm)),
  rule: 'symbolBlock',
  level: 'breach',
  action,
  symbol,
});

describe('symbolBlock: CL and GC blocked', () => {
  it.each([
    {
      name: 'a CL buy limit is cancelled, once however often the broker updates it',
      events: [
        order(tue('09:00'), 'o1', 'CL', 'buy', 'limit', 1),
        order(tue('09:01'), 'o1', 'CL', 'buy', 'limit', 1),
      ],
      expected: [decision('09:00', 'CL', 'cancelOrders')],
    },
    {
      name: 'an ES order and an ES position are none of its business',
      events: [
        order(tue('09:00'), 'o1', 'ES', 'buy', 'limit', 1),
        fill(tue('09:01'), 'ES', 'buy', 1, '5800'),
      ],
      expected: [],
    },
    {
      name: 'a GC position (filled market order) is closed; adding to it is not a new report; a new trade is',
      events: [
        fill(tue('09:00'), 'GC', 'buy', 1, '2400'),
        fill(tue('09:01'), 'GC', 'buy', 1, '2401'),
        fill(tue('09:02'), 'GC', 'sell', 2, '2401'),
        fill(tue('09:03'), 'GC', 'sell', 1, '2401'),
      ],
      expected: [decision('09:00', 'GC', 'closePosition'), decision('09:03', 'GC', 'closePosition')],
    },
    {
      name: 'a second CL order is a new one to cancel',
      events: [
        order(tue('09:00'), 'o1', 'CL', 'buy', 'limit', 1),
        order(tue('09:05'), 'o2', 'CL', 'sell', 'limit', 1),
      ],
      expected: [decision('09:00', 'CL', 'cancelOrders'), decision('09:05', 'CL', 'cancelOrders')],
    },
  ])('$name', ({ events, expected }) => {
    expect(decisionsOf(events, config)).toEqual(expected);
  });
});
