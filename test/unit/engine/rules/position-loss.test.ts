// positionLoss: a position's open loss reaching `amount` closes that position only.
import { describe, expect, it } from 'vitest';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, clock, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

const config = accountConfig(rule('positionLoss', { amount: '500' }));
const step = (t: string, symbol: string, level: string, action = 'alert') => ({
  t: at(t),
  rule: 'positionLoss',
  level,
  action,
  symbol,
});

describe('positionLoss: 500 per position (ES 50 a point, NQ 20 a point)', () => {
  it.each([
    {
      name: 'ES long at 5800 beside an NQ long: −400 warns, −475 critical, −500 twice on ES quotes closes ES',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-05-05T09:00:00-05:00', 'NQ', 'buy', 1, '21000'),
        quote('2026-05-05T09:01:00-05:00', 'ES', '5792'),
        quote('2026-05-05T09:02:00-05:00', 'ES', '5790.5'),
        quote('2026-05-05T09:03:00-05:00', 'ES', '5790'),
        quote('2026-05-05T09:03:30-05:00', 'NQ', '21010'), // another symbol's tick confirms nothing
        quote('2026-05-05T09:04:00-05:00', 'ES', '5789'),
      ],
      expected: [
        step('2026-05-05T09:01:00-05:00', 'ES', 'warning'),
        step('2026-05-05T09:02:00-05:00', 'ES', 'critical'),
        step('2026-05-05T09:04:00-05:00', 'ES', 'breach', 'closePosition'),
      ],
    },
    {
      name: 'a clock tick after the first breaching quote confirms nothing: the second quote does',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        quote('2026-05-05T09:03:00-05:00', 'ES', '5790'),
        clock('2026-05-05T09:03:01-05:00'),
        clock('2026-05-05T09:03:02-05:00'),
        quote('2026-05-05T09:04:00-05:00', 'ES', '5789'),
      ],
      expected: [
        step('2026-05-05T09:03:00-05:00', 'ES', 'critical'),
        step('2026-05-05T09:04:00-05:00', 'ES', 'breach', 'closePosition'),
      ],
    },
    {
      name: 'short 2 ES at 5800: 5804 warns, 5804.75 critical, 5805 then 5805.25 closes it',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'sell', 2, '5800'),
        quote('2026-05-05T09:01:00-05:00', 'ES', '5804'),
        quote('2026-05-05T09:02:00-05:00', 'ES', '5804.75'),
        quote('2026-05-05T09:03:00-05:00', 'ES', '5805'),
        quote('2026-05-05T09:04:00-05:00', 'ES', '5805.25'),
      ],
      expected: [
        step('2026-05-05T09:01:00-05:00', 'ES', 'warning'),
        step('2026-05-05T09:02:00-05:00', 'ES', 'critical'),
        step('2026-05-05T09:04:00-05:00', 'ES', 'breach', 'closePosition'),
      ],
    },
    {
      name: 'a closed position is forgotten: the next ES trade warns again from ok',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        quote('2026-05-05T09:01:00-05:00', 'ES', '5791'),
        fill('2026-05-05T09:02:00-05:00', 'ES', 'sell', 1, '5791'),
        quote('2026-05-05T09:59:00-05:00', 'ES', '5800'),
        fill('2026-05-05T10:00:00-05:00', 'ES', 'buy', 1, '5800'),
        quote('2026-05-05T10:01:00-05:00', 'ES', '5792'),
      ],
      expected: [
        step('2026-05-05T09:01:00-05:00', 'ES', 'warning'),
        step('2026-05-05T10:01:00-05:00', 'ES', 'warning'),
      ],
    },
  ])('$name', ({ events, expected }) => {
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
