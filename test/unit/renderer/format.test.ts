// Display formatting: money separators and places, P&L signs and tones, prices at tick precision, quantities.
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatCountdown,
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
