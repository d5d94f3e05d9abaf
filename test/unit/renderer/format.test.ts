// Display formatting: money separators and places, P&L signs and tones, prices at tick precision, quantities.
import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatAmount,
  formatCountdown,
  formatHourMinute,
  formatPositionQty,
  formatPrice,
  formatSignedAmount,
  toneOf,
} from '../../../renderer/src/lib/format';

describe('formatAmount', () => {
  it.each([
    ['50000', '50,000.00'],
    ['50000.00', '50,000.00'],
    ['1234567.891', '1,234,567.89'],
    ['-1234.5', '-1,234.50'],
    ['0.005', '0.01'],
    ['999.995', '1,000.00'],
    ['0', '0.00'],
    [null, '—'],
    ['abc', '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatAmount(input)).toBe(expected);
  });
});

describe('formatSignedAmount and toneOf', () => {
  it.each([
    ['56', '+56.00', 'pos'],
    ['-1234.5', '-1,234.50', 'neg'],
    ['0', '0.00', 'zero'],
    ['-0.004', '0.00', 'zero'],
    ['0.006', '+0.01', 'pos'],
    ['-87.50', '-87.50', 'neg'],
    ['12345.678', '+12,345.68', 'pos'],
  ])('%s → %s (%s)', (input, text, tone) => {
    expect(formatSignedAmount(input)).toBe(text);
    expect(toneOf(input)).toBe(tone);
  });
});

describe('formatPrice', () => {
  it.each([
    ['21450.5', '0.25', '21450.50'],
    ['71.4', '0.01', '71.40'],
    ['2931.4', '0.10', '2931.4'],
    ['2931.40', '0.1', '2931.4'],
    ['1.08345', '0.00001', '1.08345'],
    ['5893', '1', '5893'],
    ['5893.25', null, '5893.25'],
    [null, '0.25', '—'],
  ])('%s at tick %s → %s', (price, tick, expected) => {
    expect(formatPrice(price, tick)).toBe(expected);
  });
});

describe('formatPositionQty', () => {
  it.each([
    [2, 'Long 2'],
    [-1, 'Short 1'],
    [0, 'Flat'],
  ])('%i → %s', (qty, expected) => {
    expect(formatPositionQty(qty)).toBe(expected);
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, '0s'],
    [-5000, '0s'],
    [9_000, '9s'],
    [250_000, '4m 10s'],
    [7_509_000, '2h 05m 09s'],
    [1_500, '2s'],
  ])('%i ms → %s', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });
});

describe('formatAge', () => {
  it.each([
    [-1000, 'under a minute'],
    [59_999, 'under a minute'],
    [60_000, '1 min'],
    [59 * 60_000, '59 min'],
    [60 * 60_000, '1 h'],
    [47 * 3_600_000 + 59 * 60_000, '47 h'],
    [48 * 3_600_000, '2 days'],
    [9 * 86_400_000 + 5 * 3_600_000, '9 days'],
  ])('%i ms → %s', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });
});

describe('formatHourMinute', () => {
  it('shows the local hours and minutes of an instant, a dash for a bad one', () => {
    const local = new Date(2025, 2, 12, 8, 32, 59).getTime();
    expect(formatHourMinute(local)).toBe('08:32');
    expect(formatHourMinute(new Date(local).toISOString())).toBe('08:32');
    expect(formatHourMinute('not a time')).toBe('—');
  });
});
