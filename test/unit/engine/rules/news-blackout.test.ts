// newsBlackout: CPI at 07:30 Chicago with 5 min before and 10 after: halted (flatten) from 07:25 to 07:40.
import { describe, expect, it } from 'vitest';
import { at, brokerReport, clock, decisionsOf, fill, only } from './count-rules.helpers';

const cpi = {
  at: '2026-05-12T07:30:00-05:00',
  minutesBefore: 5,
  minutesAfter: 10,
  flatten: true,
  name: 'CPI',
};
const config = (event: Partial<typeof cpi> = {}) =>
  only('newsBlackout', { calendar: null, events: [{ ...cpi, ...event }] });
const t = (hhmm: string) => `2026-05-12T${hhmm}:00-05:00`;
/** The account first seen at 07:00 (clock events reach only accounts already known). */
const known = brokerReport(t('07:00'), true);

describe('newsBlackout: CPI 07:30, 5 min before, 10 after', () => {
  it.each([
    {
      name: 'halted at 07:25 until 07:40 (flatten), once; a trade opened inside is flattened; lifted at 07:40',
      events: [
        fill(t('07:00'), 'ES', 'buy', 1, '5800'),
        clock(t('07:24')),
        clock(t('07:25')),
        clock(t('07:30')),
        fill(t('07:35'), 'NQ', 'buy', 1, '21000'),
        clock(t('07:40')),
        clock(t('07:41')),
      ],
      expected: [
        {
          t: at(t('07:25')),
          rule: 'newsBlackout',
          level: 'breach',
          action: 'flatten',
          lock: { state: 'halted', until: at(t('07:40')) },
        },
        { t: at(t('07:35')), rule: 'newsBlackout', level: 'breach', action: 'flatten', symbol: 'NQ' },
        { t: at(t('07:40')), lifted: 'newsBlackout' },
      ],
    },
    {
      name: 'first event inside the window (07:33): halted from then until 07:40',
      events: [known, clock(t('07:20')), clock(t('07:33'))],
      expected: [
        {
          t: at(t('07:33')),
          rule: 'newsBlackout',
          level: 'breach',
          action: 'flatten',
          lock: { state: 'halted', until: at(t('07:40')) },
        },
      ],
    },
    {
      name: '`at` without an offset is Chicago wall time',
      event: { at: '2026-05-12T07:30' },
      events: [known, clock(t('07:25'))],
      expected: [
        {
          t: at(t('07:25')),
          rule: 'newsBlackout',
          level: 'breach',
          action: 'flatten',
          lock: { state: 'halted', until: at(t('07:40')) },
        },
      ],
    },
    {
      name: 'flatten false: positions may be held, nothing new (reducing) until 07:40, an alert',
      event: { flatten: false },
      events: [known, clock(t('07:26'))],
      expected: [
        {
          t: at(t('07:26')),
          rule: 'newsBlackout',
          level: 'breach',
          action: 'alert',
          lock: { state: 'reducing', until: at(t('07:40')) },
        },
      ],
    },
    {
      name: 'nothing outside the window',
      events: [known, clock(t('07:24')), clock(t('07:41')), clock(t('09:00'))],
      expected: [],
    },
  ])('$name', ({ events, expected, event }) => {
    expect(decisionsOf(events, config(event))).toEqual(expected);
  });
});
