// maxContracts: weighted contracts (micros 0.1) against total and per-symbol limits; the limit itself is
// allowed. Open quantity over: reducePosition with the symbol; working entry orders taking it over: cancelOrders.
import { describe, expect, it } from 'vitest';
import type { RuleSettings } from '../../../../shared/config/rules';
import { ev } from '../../../helpers/engine';
import { at, decisionsOf, fill, only, order } from './count-rules.helpers';

const micros = ['MES', 'MNQ'].map((symbol) =>
  ev({
    type: 'instrument',
    t: '2026-05-05T08:00:00-05:00',
    symbol,
    tickSize: '0.25',
    tickValue: symbol === 'MES' ? '1.25' : '0.50',
    currency: 'USD',
    weight: '0.1',
  }),
);
const config = (limits: Partial<RuleSettings<'maxContracts'>>) =>
  only('maxContracts', { total: null, perSymbol: {}, countWorkingOrders: false, ...limits });
const tue = (hhmm: string) => `2026-05-05T${hhmm}:00-05:00`;
const over = (hhmm: string, symbol: string, action = 'reducePosition') => ({
  t: at(tue(hhmm)),
  rule: 'maxContracts',
  level: 'breach',
  action,
  symbol,
});

describe('maxContracts', () => {
  it.each([
    {
      name: 'total 0.3: 3 MES (0.3 weighted) are allowed; 1 MNQ more (0.4) reduces the MNQ',
      limits: { total: '0.3' },
      events: [fill(tue('09:00'), 'MES', 'buy', 3, '5800'), fill(tue('09:01'), 'MNQ', 'sell', 1, '21000')],
      expected: [over('09:01', 'MNQ')],
    },
    {
      name: 'total 3: 2 ES + 9 MES (2.9) allowed, a 10th MES (3.0) allowed, an 11th (3.1) reduces the MES',
      limits: { total: '3' },
      events: [
        fill(tue('09:00'), 'ES', 'buy', 2, '5800'),
        fill(tue('09:01'), 'MES', 'buy', 9, '5800'),
        fill(tue('09:02'), 'MES', 'buy', 1, '5800'),
        fill(tue('09:03'), 'MES', 'buy', 1, '5800'),
      ],
      expected: [over('09:03', 'MES')],
    },
    {
      name: 'perSymbol ES 3: the 4th ES is over; a 5th is reported again; back to 2 then 4 is over again',
      limits: { perSymbol: { ES: '3' } },
      events: [
        fill(tue('09:00'), 'ES', 'buy', 3, '5800'),
        fill(tue('09:01'), 'ES', 'buy', 1, '5800'),
        fill(tue('09:02'), 'ES', 'buy', 1, '5800'),
        fill(tue('09:03'), 'ES', 'sell', 3, '5801'),
        fill(tue('09:04'), 'ES', 'buy', 2, '5800'),
      ],
      expected: [over('09:01', 'ES'), over('09:02', 'ES'), over('09:04', 'ES')],
    },
    {
      name: 'perSymbol ES 3 does not limit NQ; a short counts its size',
      limits: { perSymbol: { ES: '3' } },
      events: [fill(tue('09:00'), 'NQ', 'buy', 5, '21000'), fill(tue('09:01'), 'ES', 'sell', 4, '5800')],
      expected: [over('09:01', 'ES')],
    },
    {
      name: 'countWorkingOrders: long 2 ES with a buy limit for 2 (would be 4 > 3) cancels the ES orders',
      limits: { perSymbol: { ES: '3' }, countWorkingOrders: true },
      events: [
        fill(tue('09:00'), 'ES', 'buy', 2, '5800'),
        order(tue('09:01'), 'o1', 'ES', 'sell', 'stop', 2),
        order(tue('09:02'), 'o2', 'ES', 'buy', 'limit', 1),
        order(tue('09:03'), 'o3', 'ES', 'buy', 'limit', 1),
      ],
      expected: [over('09:03', 'ES', 'cancelOrders')],
    },
    {
      name: 'without countWorkingOrders the same orders are not counted',
      limits: { perSymbol: { ES: '3' } },
      events: [
        fill(tue('09:00'), 'ES', 'buy', 2, '5800'),
        order(tue('09:01'), 'o2', 'ES', 'buy', 'limit', 2),
      ],
      expected: [],
    },
    {
      name: 'countWorkingOrders, flat: a sell stop for 4 MES and a buy limit for 2 against total 0.3',
      limits: { total: '0.3', countWorkingOrders: true },
      events: [
        order(tue('09:00'), 'o1', 'MES', 'buy', 'limit', 2),
        order(tue('09:01'), 'o2', 'MES', 'sell', 'stop', 4),
      ],
      expected: [over('09:01', 'MES', 'cancelOrders')],
    },
  ])('$name', ({ limits, events, expected }) => {
    expect(decisionsOf([...micros, ...events], config(limits))).toEqual(expected);
  });
});
