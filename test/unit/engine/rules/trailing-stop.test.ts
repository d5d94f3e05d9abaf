// trailingStop: activate after a favourable move from the average price, close on a retrace from the best.
import { describe, expect, it } from 'vitest';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

// ES ticks are 0.25: activation after 8 ticks (2.00 points), a trail of 4 ticks (1.00 point).
const config = accountConfig(rule('trailingStop', { activateAfterTicks: 8, trailTicks: 4 }));
const q = (time: string, last: string) => quote(`2026-05-05T09:${time}-05:00`, 'ES', last);
const closed = (time: string) => ({
  t: at(`2026-05-05T09:${time}-05:00`),
  rule: 'trailingStop',
  level: 'breach',
  action: 'closePosition',
  symbol: 'ES',
});

describe('trailingStop: 8 ticks to activate, 4 ticks of trail, on one ES contract at 5800', () => {
  it.each([
    {
      name: 'long: a 4-tick dip before activation is ignored; after the 5803.50 best, 5802.50 twice closes it',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        q('01:00', '5801.75'), // 7 ticks: not active
        q('02:00', '5800.75'), // 4 ticks back, but not active
        q('03:00', '5802'), // 8 ticks: active
        q('04:00', '5803.5'), // best
        q('05:00', '5802.75'), // 3 ticks back
        q('06:00', '5802.5'), // 4 ticks back: first quote
        q('07:00', '5802.5'), // confirmed
      ],
      expected: [closed('07:00')],
    },
    {
      name: 'short: active at 5798, best 5797, 5798 then 5798.25 closes it',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'sell', 1, '5800'),
        q('01:00', '5798'),
        q('02:00', '5797'),
        q('03:00', '5798'),
        q('04:00', '5798.25'),
      ],
      expected: [closed('04:00')],
    },
    {
      name: 'a single retracing tick that recovers is not confirmed',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        q('01:00', '5803.5'),
        q('02:00', '5802.5'),
        q('03:00', '5803'),
        q('04:00', '5802.5'),
      ],
      expected: [],
    },
    {
      name: 'never quoted, marked by its fills: adds at 5804 (active from the 5802 average) then 5803 close it at once',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-05-05T09:01:00-05:00', 'ES', 'buy', 1, '5804'),
        fill('2026-05-05T09:02:00-05:00', 'ES', 'buy', 1, '5803'),
      ],
      expected: [closed('02:00')],
    },
  ])('$name', ({ events, expected }) => {
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
