// dailyGiveback: after the day has made `activateAfter`, giving `amount` back from the day's peak stops the day.
import { describe, expect, it } from 'vitest';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

const config = accountConfig(rule('dailyGiveback', { amount: '500', activateAfter: '1000' }));
const entry = fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800');

describe('dailyGiveback: 500 back from the peak once the day is up 1,000 (one ES long at 5800)', () => {
  it.each([
    {
      name: 'peak +1,500 at 5830: back 400 warns, 475 is critical, 500 then 550 (confirmed) stops the day',
      events: [
        entry,
        quote('2026-05-05T09:01:00-05:00', 'ES', '5830'),
        quote('2026-05-05T09:02:00-05:00', 'ES', '5822'),
        quote('2026-05-05T09:03:00-05:00', 'ES', '5820.5'),
        quote('2026-05-05T09:04:00-05:00', 'ES', '5820'),
        quote('2026-05-05T09:05:00-05:00', 'ES', '5819'),
      ],
      expected: [
        { t: at('2026-05-05T09:02:00-05:00'), rule: 'dailyGiveback', level: 'warning', action: 'alert' },
        { t: at('2026-05-05T09:03:00-05:00'), rule: 'dailyGiveback', level: 'critical', action: 'alert' },
        {
          t: at('2026-05-05T09:05:00-05:00'),
          rule: 'dailyGiveback',
          level: 'breach',
          action: 'flatten',
          lock: { state: 'halted', until: at('2026-05-05T17:00:00-05:00') },
        },
      ],
    },
    {
      name: 'never activated: up 900 at 5818, all of it given back to 5800, no decision',
      events: [
        entry,
        quote('2026-05-05T09:01:00-05:00', 'ES', '5818'),
        quote('2026-05-05T09:02:00-05:00', 'ES', '5800'),
        quote('2026-05-05T09:03:00-05:00', 'ES', '5800'),
      ],
      expected: [],
    },
    {
      name: 'a realized gain counts: +1,000 banked by the exit, the re-entry loses 500 (fill-driven, at once)',
      events: [
        entry,
        fill('2026-05-05T09:10:00-05:00', 'ES', 'sell', 1, '5820'),
        fill('2026-05-05T09:20:00-05:00', 'ES', 'buy', 1, '5820'),
        fill('2026-05-05T09:30:00-05:00', 'ES', 'sell', 1, '5810'),
      ],
      expected: [
        {
          t: at('2026-05-05T09:30:00-05:00'),
          rule: 'dailyGiveback',
          level: 'breach',
          action: 'flatten',
          lock: { state: 'halted', until: at('2026-05-05T17:00:00-05:00') },
        },
      ],
    },
  ])('$name', ({ events, expected }) => {
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
