// The config document's value types (decimals, counts, times, weekdays, instants), each parsed with a message that
// names the value the trader wrote: numbers may be JSON numbers or decimal strings; money comes out as a string.
import { z } from 'zod';
import { Dec } from '../domain/money';
import { weekdays, type Weekday } from './rules';

/** A written value for an error message: `-5`, `"9:30"`, `a list`. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  // What JSON cannot write (a BigInt or a function, which the desktop's IPC can carry) is named by its kind.
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function')
    return `a ${typeof value}`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A value schema from a parse function that returns `{ error }` (and what to show as `got`) for a wrong value. */
export function valueOf<T>(parse: (value: unknown) => T | { error: string; got?: unknown }) {
  return z.unknown().transform((value, ctx): T => {
    if (value === undefined) {
      ctx.issues.push({ code: 'custom', message: 'is required', input: value });
      return z.NEVER;
    }
    const out = parse(value);
    if (out !== null && typeof out === 'object' && 'error' in out && typeof out.error === 'string') {
      const shown = showValue('got' in out ? out.got : value);
      ctx.issues.push({ code: 'custom', message: `${out.error}, got ${shown}`, input: value });
      return z.NEVER;
    }
    return out as T;
  });
}

const decimalPattern = /^-?\d+(\.\d+)?$/;

/** The exact decimal a value stands for, or null: JSON numbers and plain decimal strings ("1000.50"). */
export function decimalOf(value: unknown): Dec | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Dec(value) : null;
  if (typeof value === 'string' && decimalPattern.test(value)) return new Dec(value);
  return null;
}

type DecimalBounds = { min?: string; above?: string; max?: string };

/** A decimal string within bounds: `min` inclusive, `above` exclusive, `max` inclusive. */
export function decimal(bounds: DecimalBounds = {}) {
  return valueOf<string>((value) => {
    const d = decimalOf(value);
    if (d === null)
      return { error: 'must be a number (a JSON number or a decimal string such as "1000.50")' };
    if (bounds.above !== undefined && !d.gt(bounds.above))
      return { error: `must be greater than ${bounds.above}` };
    if (bounds.min !== undefined && d.lt(bounds.min)) return { error: `must be at least ${bounds.min}` };
    if (bounds.max !== undefined && d.gt(bounds.max)) return { error: `must be at most ${bounds.max}` };
    return typeof value === 'string' ? value : d.toFixed();
  });
}

/** A money limit: a positive amount. */
export const amount = decimal({ above: '0' });
/** A money value that may be zero. */
export const nonNegativeAmount = decimal({ min: '0' });
/** A fraction of a limit, 0 < x ≤ 1 (warnAt, criticalAt, hhiWarning). */
export const fraction = decimal({ above: '0', max: '1' });

/** A whole number (JSON integer or digit string) of at least `min`. */
export function count(min: number) {
  return valueOf<number>((value) => {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) return { error: `must be a whole number` };
    return n >= min ? n : { error: `must be a whole number of at least ${min}` };
  });
}

export const flag = valueOf<boolean>((value) =>
  typeof value === 'boolean' ? value : { error: 'must be true or false' },
);

/** One of a fixed set of words. */
export function oneOf<const T extends readonly string[]>(words: T) {
  return valueOf<T[number]>((value) =>
    typeof value === 'string' && words.includes(value)
      ? value
      : { error: `must be one of ${words.join(', ')}` },
  );
}

export const timeOfDay = valueOf<string>((value) =>
  typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
    ? value
    : { error: 'must be a 24-hour time HH:mm such as 17:00' },
);

export { weekdays };

export const weekday = valueOf<Weekday>((value) =>
  typeof value === 'string' && (weekdays as readonly string[]).includes(value)
    ? (value as Weekday)
    : { error: `must be a weekday name (${weekdays.join(', ')})` },
);

const instantPattern =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO-8601 date and time with its UTC offset, such as 2026-05-08T08:30:00-05:00 (kept as written). */
export const instant = valueOf<string>((value) => {
  const error = { error: 'must be an ISO-8601 time with its offset, such as 2026-05-08T08:30:00-05:00' };
  if (typeof value !== 'string') return error;
  const match = instantPattern.exec(value);
  if (match === null) return error;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day && !Number.isNaN(Date.parse(value)) ? value : error;
});

/** A trading symbol as the broker names it (MNQ, ES, CON.F.US.MNQ.M26). */
export const symbol = valueOf<string>((value) =>
  typeof value === 'string' && /^\S+$/.test(value)
    ? value
    : { error: 'must be a symbol such as MNQ (no spaces)' },
);

export const timezone = valueOf<string>((value) => {
  const error = { error: 'must be an IANA time zone name such as America/Chicago' };
  if (typeof value !== 'string' || value === '') return error;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    return error;
  }
});
