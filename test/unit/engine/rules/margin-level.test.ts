// marginLevel: lower is worse; 150 warns, 120 reduces the largest loss (again each minute), 100 flattens.
import { describe, expect, it } from 'vitest';
import { ev, instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, clock, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

const config = accountConfig(
  rule('marginLevel', { warning: '150', critical: '120', liquidate: '100' }),
  '10000',
);
const t = (time: string) => `2026-05-05T09:${time}-05:00`;
const reduceES = (time: string) => ({
  t: at(t(time)),
  rule: 'marginLevel',
  level: 'critical',
  action: 'reducePosition',
  symbol: 'ES',
});
// A 10,000 account long 2 ES at 5800 (50 a point each) and 1 NQ at 21000 (20 a point); the broker reports 8,000
// of margin used, so the margin level is equity / 80.
const opened = [
  fill(t('00:00'), 'ES', 'buy', 2, '5800'),
  fill(t('00:00'), 'NQ', 'buy', 1, '21000'),
  ev({ type: 'account', t: t('00:30'), account: 'A1', balance: '10000', usedMargin: '8000' }),
];

describe('marginLevel: 150 / 120 / 100 on a 10,000 account using 8,000 of margin', () => {
  it.each([
    {
      name: '125 warns; ES −1,000 makes 117.5: reduce ES (largest loss), again a minute on, held to 125 by hysteresis',
      events: [
        ...opened, // 10,000 / 8,000 = 125
        quote(t('00:40'), 'NQ', '21010'), // +200: 127.5, still warning
        quote(t('01:00'), 'ES', '5790'), // −1,000: 9,200 → 115
        quote(t('01:30'), 'ES', '5790.25'), // 115.3125: critical, 30 s on
        clock(t('02:00')), // a minute on: reduce again
        quote(t('02:30'), 'ES', '5794'), // 9,600 → 120
        quote(t('02:40'), 'ES', '5798'), // 10,000 → 125: inside critical + 5
        clock(t('03:00')), // still critical: reduce again
        quote(t('03:10'), 'ES', '5800'), // 10,200 → 127.5: back to warning, silently
        quote(t('04:00'), 'ES', '5780'), // 8,200 → 102.5: critical again
        quote(t('04:10'), 'ES', '5778'), // 8,000 → 100: liquidate, first quote
        quote(t('04:20'), 'ES', '5778'), // confirmed: flatten
      ],
      expected: [
        { t: at(t('00:30')), rule: 'marginLevel', level: 'warning', action: 'alert' },
        reduceES('01:00'),
        reduceES('02:00'),
        reduceES('03:00'),
        reduceES('04:00'),
        { t: at(t('04:20')), rule: 'marginLevel', level: 'breach', action: 'flatten' },
      ],
    },
    {
      name: 'no margin used: no level at all, however small the equity',
      events: [
        fill(t('00:00'), 'ES', 'buy', 2, '5800'),
        ev({ type: 'account', t: t('00:30'), account: 'A1', balance: '10000', usedMargin: '0' }),
        quote(t('01:00'), 'ES', '5760'),
        quote(t('01:10'), 'ES', '5760'),
      ],
      expected: [],
    },
    {
      name: 'a fill that takes it to 100 flattens at once (no quote to confirm)',
      events: [
        ...opened,
        quote(t('01:00'), 'ES', '5781'), // 10,000 − 1,900 → 101.25 critical
        fill(t('01:30'), 'NQ', 'sell', 1, '20990'), // NQ −200 realized: 7,900 → 98.75
      ],
      expected: [
        { t: at(t('00:30')), rule: 'marginLevel', level: 'warning', action: 'alert' },
        reduceES('01:00'),
        { t: at(t('01:30')), rule: 'marginLevel', level: 'breach', action: 'flatten' },
      ],
    },
    {
      name: 'straight from warning to 100 on a quote: reported critical (reduce ES) until the next quote confirms',
      events: [
        ...opened,
        quote(t('01:00'), 'ES', '5780'), // 10,000 − 2,000 → 100
        quote(t('01:10'), 'ES', '5780'),
      ],
      expected: [
        { t: at(t('00:30')), rule: 'marginLevel', level: 'warning', action: 'alert' },
        reduceES('01:00'),
        { t: at(t('01:10')), rule: 'marginLevel', level: 'breach', action: 'flatten' },
      ],
    },
  ])('$name', ({ events, expected }) => {
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
