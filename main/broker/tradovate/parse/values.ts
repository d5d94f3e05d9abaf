// The value shapes Tradovate's JSON uses (docs/brokers/TRADOVATE.md section 5), read once here: decimals exact,
// ids as their decimal text, enums kept as the text that came (an unknown one is a value, never a crash), and
// a payload that cannot be used told as a typed error naming the entity, the field and what it held.
import { z } from 'zod';
import { dec, type Dec } from '../../../../shared/domain/money';
import { parseTimestamp, shortJson } from '../../projectx/parse';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const ID_TEXT = /^\d{1,19}$/;

/**
 * A decimal from a JSON number (through its shortest round-trip text, so 0.25 is exactly 0.25 and 5e-7 is
 * 0.0000005) or a decimal string. A number past 2^53 is refused: its digits were already lost by the JSON reader.
 */
export const decimal = z.unknown().transform((value, ctx): Dec => {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (Math.abs(value) <= Number.MAX_SAFE_INTEGER) return dec(String(value));
    ctx.addIssue({ code: 'custom', message: 'is too large to be exact' });
    return z.NEVER;
  }
  if (typeof value === 'string' && DECIMAL_TEXT.test(value) && value.length <= 40) return dec(value);
  ctx.addIssue({ code: 'custom', message: 'must be a decimal number' });
  return z.NEVER;
});

export const positiveDecimal = decimal.refine((d) => d.greaterThan(0), 'must be above 0');

/** Ids are longs; a JSON number past 2^53 would already be a different id, so it is refused. */
export const id = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && ID_TEXT.test(value)) return value;
  ctx.addIssue({ code: 'custom', message: 'must be a numeric id' });
  return z.NEVER;
});

/** Epoch milliseconds from an ISO-8601 time (Tradovate writes `2026-03-19T13:12:04.118Z`). */
export const timestamp = z.string().transform((text, ctx) => {
  const ms = parseTimestamp(text);
  if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: 'is not an ISO-8601 time' });
  return ms;
});

/** Whole contracts; a million is more than any account can hold, so more is a bug or an attack. */
export const count = z.number().int().nonnegative().max(1_000_000);
/** A signed whole position (netPos). */
export const signedCount = z.number().int().min(-1_000_000).max(1_000_000);

/** An enum as the text that came: the mapping knows the values it acts on, any other one is kept and logged. */
export const enumText = z.string().max(100);

export const tradeDate = z.looseObject({
  year: z.number().int(),
  month: z.number().int(),
  day: z.number().int(),
});

/** Absent and null both mean "not said". */
export const maybe = <T extends z.ZodType>(schema: T) => schema.nullish();

/** Why a payload could not be used: the entity, each bad field and the value it held. */
export type PayloadError = {
  kind: 'payload';
  entity: string;
  fields: { field: string; problem: string; got: string }[];
  /** "fill: price must be a decimal number (got "abc")" — for the log and the trader's detail line. */
  message: string;
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: PayloadError };

export function parsePayload<T>(entity: string, schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    problem: issue.message,
    got: shortJson(valueAt(value, issue.path), 200),
  }));
  const message = `${entity}: ${fields.map((f) => `${f.field} ${f.problem} (got ${f.got})`).join('; ')}`;
  return { ok: false, error: { kind: 'payload', entity, fields, message } };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
