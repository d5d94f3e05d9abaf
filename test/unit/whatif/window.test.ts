// The what-if's period (trading days of the session, across a DST change) and the positions it starts from: the
// journal's own fills since the account was flat, or, where Warden knows what was held, those fills when they add
// up to it and else the holding's opening as one fill.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../shared/domain/money';
import type { RawFill } from '../../../main/store';
import type { Holding } from '../../../main/whatif/known';
import { carriedRows, firstDayOf } from '../../../main/whatif/window';

const session = { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const };
const chicago = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Chicago' }).toMillis();

describe('the first day of a what-if', () => {
  it.each([
    // 10 March 2026 (CDT) back 3 days crosses the change to daylight time of Sunday 8 March.
    { now: '2026-03-10T10:00', days: 3, label: '2026-03-08', start: '2026-03-07T17:00' },
    { now: '2026-03-10T10:00', days: 1, label: '2026-03-10', start: '2026-03-09T17:00' },
    // After 17:00 the trading day is the next date's.
    { now: '2026-03-10T17:30', days: 2, label: '2026-03-10', start: '2026-03-09T17:00' },
    { now: '2026-04-30T16:45', days: 30, label: '2026-04-01', start: '2026-03-31T17:00' },
  ])('$days days up to $now begin with $label', ({ now, days, label, start }) => {
    expect(firstDayOf(chicago(now), days, session)).toMatchObject({ label, start: chicago(start) });
  });
});

let seq = 0;
const fill = (t: string, side: 'buy' | 'sell', qty: number, symbol = 'MES'): RawFill => {
  seq += 1;
  return { seq, t: chicago(t), account: 'A', body: `{"id":"F${seq}"}`, symbol, side, qty, voided: false };
};
const ids = (rows: { body: string }[]) => rows.map((row) => row.body);

describe('the positions a period starts from', () => {
  const fills = [
    fill('2026-03-30T09:00', 'buy', 2),
    fill('2026-03-30T10:00', 'sell', 2),
    fill('2026-03-31T09:00', 'buy', 3),
    fill('2026-03-31T10:00', 'sell', 1),
    fill('2026-03-31T11:00', 'sell', 1, 'MNQ'),
  ];

  it('without knowledge beyond the journal: the fills since each symbol was last flat', () => {
    expect(ids(carriedRows('A', fills, null))).toEqual(['{"id":"F3"}', '{"id":"F4"}', '{"id":"F5"}']);
  });

  it('with it: the journal’s fills of what was held when they add up to it, nothing of what was not', () => {
    const held = new Map<string, Holding>([
      [
        'MES',
        {
          symbol: 'MES',
          side: 'buy',
          qty: 3,
          price: dec(5000),
          openedAt: chicago('2026-03-31T09:00'),
          fees: dec(1),
        },
      ],
    ]);
    expect(ids(carriedRows('A', fills, held))).toEqual(['{"id":"F3"}', '{"id":"F4"}']);
  });

  it('with it: a holding whose opening the journal lost is opened by one fill', () => {
    const openedAt = chicago('2026-03-31T08:00');
    const held = new Map<string, Holding>([
      ['MNQ', { symbol: 'MNQ', side: 'buy', qty: 2, price: dec('21000.25'), openedAt, fees: dec('0.74') }],
    ]);
    const rows = carriedRows('A', fills, held);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.body ?? '')).toEqual({
      type: 'fill',
      t: openedAt,
      account: 'A',
      id: `held-MNQ-${openedAt}`,
      orderId: `held-MNQ-${openedAt}`,
      symbol: 'MNQ',
      side: 'buy',
      qty: 2,
      price: '21000.25',
      fees: '0.74',
    });
  });
});
