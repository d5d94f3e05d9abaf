// Values an attacker, a buggy broker or a hand-edited file may put where a well-formed one belongs: wrong types,
// numbers at and past the edges, text that looks like a number, unknown enums, prototype keys, deep nesting,
// long text and text that is not valid Unicode.
import fc from 'fast-check';

/** Text that parsers are likely to misread as a number, a time, a boolean or a key. */
export const trickyText = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  '1e999999999',
  '-1e999999999',
  '1e-999999999',
  '1e21',
  '9007199254740993',
  '-0',
  '0x10',
  '0b11',
  '1_000',
  '1,000.50',
  ' 12.5 ',
  '12.',
  '.5',
  '+1',
  '١٢٣',
  '１２３',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '2026-13-45T25:61:61Z',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59.999+14:00',
  '2026-05-05T08:30:00-05:00',
  '2026-05-05',
  '17:00',
  '25:99',
  'America/Nowhere',
  '\u0000',
  '\uD800',
  'a\uDC00b',
  '\uFFFE\uFFFF',
  '\u202Eevil',
  '💥'.repeat(50),
  '<script>alert(1)</script>',
  "'; DROP TABLE journal; --",
  '../../etc/passwd',
  '%00%ff',
  '\r\n\r\nX-Injected: 1',
);

/** Numbers at the edges, and past what JSON or a double can carry exactly. */
export const edgeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  0.1,
  -0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
  1e-7,
  8.64e15,
  8.64e15 + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);

/** Long text: enough to find quadratic work or a size nobody checked, not so much that a run takes seconds. */
export const longText = fc
  .tuple(
    fc.constantFrom('x', '9', '\uD83D\uDCA5', '\uD800', ' ', '"', '\\', '{'),
    fc.integer({ min: 1_000, max: 200_000 }),
  )
  .map(([unit, times]) => unit.repeat(Math.ceil(times / unit.length)));

/** Any string, including lone surrogates and control characters. */
export const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 3, arbitrary: trickyText },
);

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: trickyText },
  { weight: 4, arbitrary: edgeNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: longText },
);

/** A nesting `depth` levels deep of arrays or objects: deep enough to find a recursion without a floor. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 2_500 }), fc.boolean(), hostileScalar)
  .map(([depth, objects, leaf]) => nest(depth, objects, leaf));

export function nest(depth: number, objects: boolean, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = objects ? { a: value } : [value];
  return value;
}

/** An object with an own `__proto__` key, as JSON.parse makes one (assignment would set the prototype instead). */
export function withProtoKey(target: Record<string, unknown>, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', 'toString', 'then', 'valueOf'),
  fc.string({ maxLength: 12 }),
);

/** Any JSON-able value, nested a little, with hostile leaves and keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: hostileScalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 })
        .map((entries) => objectOf(entries)),
    },
  ),
})).value;

/** An object from entries, a `__proto__` key kept as an own property. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (key === '__proto__') withProtoKey(target, value);
    else target[key] = value;
  }
  return target;
}

/** A value to put in place of a well-formed one: mostly small and hostile, sometimes deep or huge. */
export const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: hostileValue },
  { weight: 1, arbitrary: deepNesting },
);

/** JSON text of a generated value; a value too deep for JSON.stringify here becomes an equally deep text. */
export function jsonText(value: unknown): string {
  try {
    return value === undefined ? 'null' : JSON.stringify(value);
  } catch {
    return `${'['.repeat(3000)}${']'.repeat(3000)}`;
  }
}
