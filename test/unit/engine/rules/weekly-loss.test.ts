// weeklyLoss: the week's loss, carried across trading days, reaching `amount` halts until the week ends.
import { describe, expect, it } from 'vitest';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

// The trading week of Mon 4 May 2026 runs from Sunday 3 May 17:00 CDT to Sunday 10 May 17:00 CDT.
const weekEnd = at('2026-05-10T17:00:00-05:00');
const monday = [
  fill('2026-05-04T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
  fill('2026-05-04T09:30:00-05:00', 'ES', 'sell', 1, '5790'),
];
const tuesday = [
  fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
  fill('2026-05-05T09:30:00-05:00', 'ES', 'sell', 1, '5784'),
];

describe('weeklyLoss: 1,500 a week on a 50K account (ES, 50 a point)', () => {
  it.each([
    {
      name: 'net: −500 Monday, −800 Tuesday (1,300: warning), Wednesday open −150 critical, −200 confirmed twice',
      basis: 'net' as const,
      events: [
        ...monday,
        ...tuesday,
        fill('2026-05-06T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        quote('2026-05-06T09:01:00-05:00', 'ES', '5797'),
        quote('2026-05-06T09:02:00-05:00', 'ES', '5796'),
        quote('2026-05-06T09:03:00-05:00', 'ES', '5795'),
      ],
      expected: [
        { t: at('2026-05-05T09:30:00-05:00'), rule: 'weeklyLoss', level: 'warning', action: 'alert' },
        { t: at('2026-05-06T09:01:00-05:00'), rule: 'weeklyLoss', level: 'critical', action: 'alert' },
        {
          t: at('2026-05-06T09:03:00-05:00'),
          rule: 'weeklyLoss',
          level: 'breach',
          action: 'flatten',
          lock: { state: 'halted', until: weekEnd },
        },
      ],
    },
    {
      name: 'realized: the open −250 on Wednesday does not count; the exit at −250 (1,550) does',
      basis: 'realized' as const,
      events: [
        ...monday,
        ...tuesday,
        fill('2026-05-06T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        quote('2026-05-06T09:01:00-05:00', 'ES', '5795'),
        quote('2026-05-06T09:02:00-05:00', 'ES', '5795'),
        fill('2026-05-06T09:03:00-05:00', 'ES', 'sell', 1, '5795'),
      ],
      expected: [
        { t: at('2026-05-05T09:30:00-05:00'), rule: 'weeklyLoss', level: 'warning', action: 'alert' },
        {
          t: at('2026-05-06T09:03:00-05:00'),
          rule: 'weeklyLoss',
          level: 'breach',
          action: 'flatten',
          lock: { state: 'halted', until: weekEnd },
        },
      ],
    },
    {
      name: 'a new week starts from zero: −1,300 last week and −400 this Monday is no decision this week',
      basis: 'net' as const,
      events: [
        ...monday,
        ...tuesday,
        fill('2026-05-11T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-05-11T09:30:00-05:00', 'ES', 'sell', 1, '5792'),
      ],
      expected: [
        { t: at('2026-05-05T09:30:00-05:00'), rule: 'weeklyLoss', level: 'warning', action: 'alert' },
      ],
    },
  ])('$name', ({ basis, events, expected }) => {
    const config = accountConfig(rule('weeklyLoss', { amount: '1500', basis }));
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
