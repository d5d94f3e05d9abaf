// Exact decimal arithmetic for money, prices and quantities (docs/RULES.md section 2): decimal.js, never floats.
import Decimal from 'decimal.js';

/** One Decimal constructor for the whole app: 40 significant digits, half-up, no exponent notation in output. */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = Decimal;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);

/** Decimals are immutable, so the same text can share one: settings and prices repeat all the time. */
const parsed = new Map<string, Dec>();
const PARSED_KEPT = 20_000;

/** A decimal from a JSON number or a decimal string; throws a message naming the value when it is not one. */
export function dec(value: Decimal.Value): Dec {
  if (typeof value === 'string') {
    const known = parsed.get(value);
    if (known !== undefined) return known;
    const fresh = parse(value);
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parsed.set(value, fresh);
    return fresh;
  }
  return parse(value);
}

function parse(value: Decimal.Value): Dec {
  try {
    const d = new Dec(value);
    if (!d.isFinite()) throw new Error('not finite');
    return d;
  } catch {
    throw new Error(`not a decimal number: ${JSON.stringify(value)}`);
  }
}

/** Money out: an exact decimal string with no exponent and no trailing rounding ("-123.38", "50000"). */
export function moneyString(value: Dec): string {
  return value.toFixed();
}

/** A flat record with its decimals written as exact strings (events and commands to JSON). */
export function decimalsAsStrings(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]: [string, unknown]) => [
      key,
      Dec.isDecimal(value) ? moneyString(value) : value,
    ]),
  );
}

/** Money for display with a fixed number of places (rounded half-up): "50,000.00". */
export function formatMoney(value: Dec | string, places = 2): string {
  const d = typeof value === 'string' ? dec(value) : value;
  const fixed = d.toFixed(places);
  const [whole = '0', frac] = fixed.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = d.isNegative() && !d.isZero() ? '-' : '';
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}

/** Ratios (margin level, drawdown %, HHI) are reported rounded half-up to 4 places (docs/RULES.md section 9). */
export function ratioString(value: Dec): string {
  return value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();
}

/**
 * -1, 0 or 1 as `a` is below, equal to or above `b`, like `a.comparedTo(b)` but without the copy of `b` that
 * decimal.js makes first (the hot path compares a great deal). Reads the documented digits (`d`, base 1e7,
 * the leading group without leading zeros), exponent (`e`) and sign (`s`); NaN and ±Infinity go to decimal.js.
 */
export function compareDec(a: Dec, b: Dec): number {
  const ad = a.d as number[] | null;
  const bd = b.d as number[] | null;
  if (ad === null || bd === null) return a.comparedTo(b);
  const aZero = ad[0] === 0;
  const bZero = bd[0] === 0;
  if (aZero || bZero) return aZero ? (bZero ? 0 : -b.s) : a.s;
  if (a.s !== b.s) return a.s;
  // Same sign from here: a larger magnitude is larger when positive, smaller when negative.
  const larger = a.s;
  if (a.e !== b.e) return a.e > b.e ? larger : -larger;
  const shared = Math.min(ad.length, bd.length);
  for (let i = 0; i < shared; i += 1) {
    const x = ad[i] as number;
    const y = bd[i] as number;
    if (x !== y) return x > y ? larger : -larger;
  }
  if (ad.length === bd.length) return 0;
  return ad.length > bd.length ? larger : -larger;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return compareDec(a, b) > 0 ? a : b;
}

export function minDec(a: Dec, b: Dec): Dec {
  return compareDec(a, b) < 0 ? a : b;
}

/** 10^-340 … 10^340 looked up rather than computed per digit group (the same values `**` gives). */
const POWER_OFFSET = 340;
const POWERS_OF_TEN = Array.from({ length: 2 * POWER_OFFSET + 1 }, (_, i) => 10 ** (i - POWER_OFFSET));

/**
 * A decimal as the nearest float, fast and without allocating (decimal.js's toNumber goes through a string):
 * read from its documented digits (`d`, base 1e7), exponent (`e`) and sign (`s`). Only for approximations,
 * such as the quote fast path's screening; never for money that is reported.
 */
export function approxNumber(value: Dec): number {
  const digits = value.d as number[] | null;
  const first = digits?.[0];
  if (digits === null || first === undefined) return value.toNumber();
  const width =
    first < 10
      ? 1
      : first < 100
        ? 2
        : first < 1e3
          ? 3
          : first < 1e4
            ? 4
            : first < 1e5
              ? 5
              : first < 1e6
                ? 6
                : 7;
  let exponent = value.e - width + 1;
  let total = 0;
  for (const group of digits) {
    total += group * (POWERS_OF_TEN[exponent + POWER_OFFSET] ?? 10 ** exponent);
    exponent -= 7;
  }
  return value.s * total;
}
