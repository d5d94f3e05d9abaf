// compareDec reads decimal.js digits directly: it must agree with comparedTo everywhere, zeros and signs included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDec, Dec, dec, maxDec, minDec } from '../../../shared/domain/money';

const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 25 }))
  .map(([units, places]) => dec(units.toString()).dividedBy(dec(10).pow(places)));

describe('compareDec', () => {
  it.each([
    ['0', '-0', 0],
    ['0', '0.0000001', -1],
    ['-0.0000001', '0', -1],
    ['21000.25', '21000.25', 0],
    ['21000.25', '21000.2500001', -1],
    ['-402', '-401.99', -1],
    ['1e21', '999999999999999999999', 1],
    ['-1e-9', '-1e-10', -1],
    ['10000000', '9999999.9999999', 1],
  ])('%s vs %s is %i', (a, b, expected) => {
    expect(compareDec(dec(a), dec(b))).toBe(expected);
    expect(compareDec(dec(b), dec(a))).toBe(-expected || 0);
  });

  it('leaves NaN and infinities to decimal.js', () => {
    expect(compareDec(new Dec('Infinity'), dec('1e300'))).toBe(1);
    expect(compareDec(new Dec('-Infinity'), dec('-1e300'))).toBe(-1);
    expect(Number.isNaN(compareDec(new Dec('NaN'), dec(1)))).toBe(true);
  });

  it('agrees with comparedTo for generated decimals, and max/min pick accordingly', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compareDec(a, b)).toBe(a.comparedTo(b));
        expect(maxDec(a, b).equals(a.greaterThan(b) ? a : b)).toBe(true);
        expect(minDec(a, b).equals(a.lessThan(b) ? a : b)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
