// dailyProfitTarget: the day's profit reaching the target banks the day (flatten, halted until day end).
import { describe, expect, it } from 'vitest';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

const dayEnd = at('2026-05-05T17:00:00-05:00');
const banked = (t: string) => ({
  t: at(t),
  rule: 'dailyProfitTarget',
  level: 'breach',
  action: 'flatten',
  lock: { state: 'halted', until: dayEnd },
});

describe('dailyProfitTarget: 1,000 on a 50K account, one ES long at 5800 (50 a point)', () => {
  it.each([
    {
      name: 'net: +800 warns, +950 is critical, +1,000 is confirmed on the second quote and banks the day',
      basis: 'net' as const,
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        quote('2026-05-05T09:01:00-05:00', 'ES', '5816'),
        quote('2026-05-05T09:02:00-05:00', 'ES', '5819'),
        quote('2026-05-05T09:03:00-05:00', 'ES', '5820'),
        quote('2026-05-05T09:04:00-05:00', 'ES', '5820.25'),
      ],
      expected: [
        { t: at('2026-05-05T09:01:00-05:00'), rule: 'dailyProfitTarget', level: 'warning', action: 'alert' },
        { t: at('2026-05-05T09:02:00-05:00'), rule: 'dailyProfitTarget', level: 'critical', action: 'alert' },
        banked('2026-05-05T09:04:00-05:00'),
      ],
    },
    {
      name: 'realized: 1,500 open profit counts for nothing; the exit at +1,000 banks the day at once',
      basis: 'realized' as const,
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        quote('2026-05-05T09:01:00-05:00', 'ES', '5830'),
        quote('2026-05-05T09:02:00-05:00', 'ES', '5830'),
        fill('2026-05-05T09:03:00-05:00', 'ES', 'sell', 1, '5820'),
      ],
      expected: [banked('2026-05-05T09:03:00-05:00')],
    },
    {
      name: 'realized net of fees: an exit at +1,000 gross with 4.50 of fees is 995.50, critical only',
      basis: 'realized' as const,
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800', '2.25'),
        fill('2026-05-05T09:03:00-05:00', 'ES', 'sell', 1, '5820', '2.25'),
      ],
      expected: [
        { t: at('2026-05-05T09:03:00-05:00'), rule: 'dailyProfitTarget', level: 'critical', action: 'alert' },
      ],
    },
  ])('$name', ({ basis, events, expected }) => {
    const config = accountConfig(rule('dailyProfitTarget', { amount: '1000', basis }));
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});
