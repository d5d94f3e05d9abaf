// The journal's check that an event reads back (`readBackProblem`): a plain quote is checked field by field, fast;
// whatever the input, its verdict and its error are the schema's own (`parseEngineEvent`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEngineEvent, readBackProblem } from '../../../shared/domain/event-codec';

const schemaVerdict = (encoded: Record<string, unknown>): string | null => {
  const parsed = parseEngineEvent(encoded);
  return parsed.ok ? null : parsed.error;
};

const time = fc.oneof(
  fc.integer({ min: -1e6, max: 2e12 }),
  fc.constantFrom(8.64e15, -8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER + 1, 1.5, -0, NaN, Infinity),
  fc.constantFrom('2026-06-05T08:30:00-04:00', '2026-06-05T08:30:00', '', 'soon'),
);
const price = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -1e9, max: 1e9 }).map((cents) => (cents / 100).toString()),
  fc.constantFrom(
    '0',
    '-0',
    '21034.25',
    '1e400',
    '1e401',
    '1e-401',
    '0e999',
    'NaN',
    'Infinity',
    '',
    'abc',
    ' 1',
  ),
  fc.constantFrom(12.5, Number.NaN),
);
const quoteLike = fc.record(
  {
    type: fc.constantFrom('quote', 'quote', 'quote', 'clock', 'fill'),
    t: time,
    symbol: fc.oneof(fc.constantFrom('MNQZ6', 'CON.F.US.MNQ.Z26', ''), fc.integer()),
    bid: price,
    ask: price,
    last: price,
    venue: fc.constant('CME'),
  },
  { requiredKeys: ['type', 't'] },
);

describe('the journal read-back check', () => {
  it('agrees with the schema on every quote-like input, error text included', () => {
    fc.assert(
      fc.property(quoteLike, (encoded) => {
        expect(readBackProblem(encoded)).toBe(schemaVerdict(encoded));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    [{ type: 'quote', t: 1_780_000_000_000, symbol: 'MNQZ6', bid: '21034.25', ask: '21034.5' }, null],
    [{ type: 'quote', t: 0, symbol: 'MNQZ6', bid: undefined, last: '-3' }, null],
    [
      { type: 'quote', t: 8.64e15 + 1, symbol: 'MNQZ6' },
      't: not a time a calendar can show: 8640000000000001',
    ],
    [{ type: 'quote', t: 1.5, symbol: 'MNQZ6' }, 't: Invalid input'],
    [{ type: 'quote', t: 0, symbol: '' }, 'symbol: Too small: expected string to have >=1 characters'],
    [{ type: 'quote', t: 0, symbol: 'X', last: '1e401' }, 'last: out of range: "1e401"'],
    [{ type: 'quote', t: 0, symbol: 'X', bid: 'NaN' }, 'bid: not a decimal number: "NaN"'],
    [{ type: 'quote', t: 0, symbol: 'X', venue: 'CME' }, '(event): Unrecognized key: "venue"'],
  ])('%j: %s', (encoded, problem) => {
    expect(readBackProblem(encoded)).toBe(problem);
  });
});
