// approxNumber reads decimal.js digits directly: it must agree with toNumber to float precision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxNumber, dec } from '../../../shared/domain/money';

describe('approxNumber', () => {
  it.each(['0', '1', '-1', '0.25', '21000.25', '-402', '0.000025', '123456789.123456789', '1e21', '-1e-9'])(
    '%s',
    (text) => {
      const value = dec(text);
      expect(approxNumber(value)).toBeCloseTo(value.toNumber(), 9);
    },
  );

  it('agrees with toNumber within 1e-12 relative for generated decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 12 }), (units, places) => {
        const value = dec(units).dividedBy(dec(10).pow(places));
        const expected = value.toNumber();
        expect(Math.abs(approxNumber(value) - expected)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(expected)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
