// consecutiveLosses: the 3rd losing trade in a row halts for the cooldown, which doubles with each streak of
// the same trading day (30 → 60 → 120 → 120 min) and starts again at 30 after the day roll (17:00 CT).
import { describe, expect, it } from 'vitest';
import { at, decisionsOf, only, roundTrip } from './count-rules.helpers';

const config = (overrides: { escalate?: boolean; resetDaily?: boolean } = {}) =>
  only('consecutiveLosses', {
    max: 3,
    cooldownMinutes: 30,
    escalate: true,
    resetDaily: true,
    lock: { minutes: 30 },
    ...overrides,
  });

/** A one-lot ES round trip from `hh:mm` to one minute later on Tuesday 2026-05-05 (CDT), -50 or +50. */
const trade = (hhmm: string, result: 'loss' | 'win' | 'scratch', day = '2026-05-05') => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const t = (minute: number) =>
    `${day}T${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00-05:00`;
  const exit = { loss: '5799', win: '5801', scratch: '5800' }[result];
  return roundTrip(t(m), t(m + 1), 'ES', 'buy', '5800', exit);
};
const streak = (...starts: string[]) => starts.flatMap((s) => trade(s, 'loss'));
const halted = (t: string, until: string) => ({
  t: at(t),
  rule: 'consecutiveLosses',
  level: 'breach',
  action: 'flatten',
  lock: { state: 'halted', until: at(until) },
});
const lifted = (t: string) => ({ t: at(t), lifted: 'consecutiveLosses' });

describe('consecutiveLosses: max 3, cooldown 30 min, escalating, reset daily', () => {
  it.each([
    {
      name: 'two losses in a row: allowed',
      events: streak('09:00', '09:02'),
      expected: [],
    },
    {
      name: 'the 3rd loss in a row closes at 09:05: halted 30 min',
      events: streak('09:00', '09:02', '09:04'),
      expected: [halted('2026-05-05T09:05:00-05:00', '2026-05-05T09:35:00-05:00')],
    },
    {
      name: 'a win in between resets the streak; a scratch (net 0) leaves it unchanged',
      events: [
        ...streak('09:00', '09:02'),
        ...trade('09:04', 'win'),
        ...streak('09:06', '09:08'),
        ...trade('09:10', 'scratch'),
        ...streak('09:12'),
      ],
      expected: [halted('2026-05-05T09:13:00-05:00', '2026-05-05T09:43:00-05:00')],
    },
    {
      name: 'four streaks in a day: 30, 60, 120, then capped at 120 min; the day roll starts again at 30',
      events: [
        ...streak('09:00', '09:02', '09:04'),
        ...streak('09:40', '09:42', '09:44'),
        ...streak('11:00', '11:02', '11:04'),
        ...streak('13:10', '13:12', '13:14'),
        // Wednesday's trading day began Tuesday 17:00 CT.
        ...streak('18:00', '18:02', '18:04'),
      ],
      expected: [
        halted('2026-05-05T09:05:00-05:00', '2026-05-05T09:35:00-05:00'),
        lifted('2026-05-05T09:40:00-05:00'),
        halted('2026-05-05T09:45:00-05:00', '2026-05-05T10:45:00-05:00'),
        lifted('2026-05-05T11:00:00-05:00'),
        halted('2026-05-05T11:05:00-05:00', '2026-05-05T13:05:00-05:00'),
        lifted('2026-05-05T13:10:00-05:00'),
        halted('2026-05-05T13:15:00-05:00', '2026-05-05T15:15:00-05:00'),
        lifted('2026-05-05T18:00:00-05:00'),
        halted('2026-05-05T18:05:00-05:00', '2026-05-05T18:35:00-05:00'),
      ],
    },
    {
      name: 'without escalate every streak locks 30 min',
      overrides: { escalate: false },
      events: [...streak('09:00', '09:02', '09:04'), ...streak('09:40', '09:42', '09:44')],
      expected: [
        halted('2026-05-05T09:05:00-05:00', '2026-05-05T09:35:00-05:00'),
        lifted('2026-05-05T09:40:00-05:00'),
        halted('2026-05-05T09:45:00-05:00', '2026-05-05T10:15:00-05:00'),
      ],
    },
    {
      name: 'resetDaily: two losses before 17:00 and one after are not a streak',
      events: streak('16:00', '16:02', '17:10'),
      expected: [],
    },
    {
      name: 'resetDaily false: the streak carries over the day roll',
      overrides: { resetDaily: false },
      events: streak('16:00', '16:02', '17:10'),
      expected: [halted('2026-05-05T17:11:00-05:00', '2026-05-05T17:41:00-05:00')],
    },
  ])('$name', ({ events, expected, overrides }) => {
    expect(decisionsOf(events, config(overrides))).toEqual(expected);
  });
});
