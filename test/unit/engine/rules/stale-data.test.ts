// staleData: an open position without a quote for longer than maxQuoteAgeSeconds is a critical alert on the clock.
import { describe, expect, it } from 'vitest';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, clock, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

const s = (second: string) => `2026-05-05T09:00:${second}-05:00`;
const opened = [quote(s('00'), 'ES', '5800'), fill(s('00'), 'ES', 'buy', 1, '5800')];

describe('staleData: 10 seconds without an ES quote while long one ES', () => {
  it.each([
    {
      name: 'age 10 is allowed, 11 is critical once, a quote clears it, stale again later is critical again',
      flatten: false,
      events: [
        ...opened,
        clock(s('10')),
        clock(s('11')),
        clock(s('20')),
        quote(s('21'), 'ES', '5801'),
        clock(s('30')),
        clock(s('40')),
      ],
      expected: [
        { t: at(s('11')), rule: 'staleData', level: 'critical', action: 'alert', symbol: 'ES' },
        { t: at(s('40')), rule: 'staleData', level: 'critical', action: 'alert', symbol: 'ES' },
      ],
    },
    {
      name: 'with flatten: a breach that flattens, once',
      flatten: true,
      events: [...opened, clock(s('11')), clock(s('20'))],
      expected: [{ t: at(s('11')), rule: 'staleData', level: 'breach', action: 'flatten', symbol: 'ES' }],
    },
    {
      name: 'flat: quotes may be as old as they like',
      flatten: false,
      events: [...opened, fill(s('05'), 'ES', 'sell', 1, '5800'), clock(s('59'))],
      expected: [],
    },
    {
      name: 'never quoted: the position opened at 09:00:00 is stale at 09:00:11',
      flatten: false,
      events: [fill(s('00'), 'GC', 'buy', 1, '2300'), clock(s('11'))],
      expected: [{ t: at(s('11')), rule: 'staleData', level: 'critical', action: 'alert', symbol: 'GC' }],
    },
  ])('$name', ({ flatten, events, expected }) => {
    const config = accountConfig(rule('staleData', { maxQuoteAgeSeconds: 10, flatten }));
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
