// brokerLock: the broker saying the account cannot trade halts it (flatten) until the broker allows trading.
import { describe, expect, it } from 'vitest';
import { WARDEN_CLOSE_TAG } from '../../../../shared/domain/events';
import { at, brokerReport, decisionsOf, fill, only, order } from './count-rules.helpers';

const config = only('brokerLock', {});
const tue = (hhmm: string) => `2026-05-05T${hhmm}:00-05:00`;
const locked = { state: 'halted', until: 'brokerAllows' };

describe('brokerLock', () => {
  it.each([
    {
      name: 'canTrade true: nothing',
      events: [brokerReport(tue('09:00'), true)],
      expected: [],
    },
    {
      name: 'canTrade false halts once; a fill opening meanwhile is flattened; canTrade true lifts; trading is free again',
      events: [
        brokerReport(tue('09:00'), false),
        brokerReport(tue('09:01'), false),
        fill(tue('09:02'), 'ES', 'buy', 1, '5800'),
        fill(tue('09:03'), 'ES', 'sell', 1, '5800'),
        brokerReport(tue('09:30'), true),
        fill(tue('09:31'), 'ES', 'buy', 1, '5800'),
      ],
      expected: [
        { t: at(tue('09:00')), rule: 'brokerLock', level: 'breach', action: 'flatten', lock: locked },
        { t: at(tue('09:02')), rule: 'brokerLock', level: 'breach', action: 'flatten', symbol: 'ES' },
        { t: at(tue('09:30')), lifted: 'brokerLock' },
      ],
    },
    {
      name: 'a report without canTrade keeps the lock; locked again after a lift',
      events: [
        brokerReport(tue('09:00'), false),
        fill(tue('09:01'), 'ES', 'buy', 1, '5800'),
        brokerReport(tue('09:10'), true),
        brokerReport(tue('09:20'), false),
      ],
      expected: [
        { t: at(tue('09:00')), rule: 'brokerLock', level: 'breach', action: 'flatten', lock: locked },
        { t: at(tue('09:01')), rule: 'brokerLock', level: 'breach', action: 'flatten', symbol: 'ES' },
        { t: at(tue('09:10')), lifted: 'brokerLock' },
        { t: at(tue('09:20')), rule: 'brokerLock', level: 'breach', action: 'flatten', lock: locked },
      ],
    },
    {
      name: "while halted the trader's working order is cancelled; Warden's own closing order is not",
      events: [
        fill(tue('08:59'), 'ES', 'buy', 1, '5800'),
        brokerReport(tue('09:00'), false),
        { ...order(tue('09:00'), 'close-1', 'ES', 'sell', 'market', 1), tag: WARDEN_CLOSE_TAG },
        order(tue('09:01'), 'trader-1', 'ES', 'sell', 'limit', 1),
      ],
      expected: [
        { t: at(tue('09:00')), rule: 'brokerLock', level: 'breach', action: 'flatten', lock: locked },
        { t: at(tue('09:01')), rule: 'brokerLock', level: 'breach', action: 'cancelOrders', symbol: 'ES' },
      ],
    },
  ])('$name', ({ events, expected }) => {
    expect(decisionsOf(events, config)).toEqual(expected);
  });
});
