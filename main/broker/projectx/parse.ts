// The ProjectX wire formats, parsed at the edge with zod (docs/brokers/PROJECTX.md sections 2, 3, 5, 6): tolerant where the
// real feed is inconsistent (envelopes, PascalCase keys, partial updates, string or number ids and decimals),
// strict where a wrong value would corrupt the picture (a fill without a price, a size that is not a count).
import { z } from 'zod';
import { dec, type Dec } from '../../../shared/domain/money';

/**
 * How deep a frame is read: entities are flat, and a frame nested thousands deep (hostile) would otherwise
 * overflow the stack of every recursive reader below.
 */
const MAX_DEPTH = 32;

/**
 * `Id` → `id`, `AccountId` → `accountId`; nested objects too (one team saw PascalCase on the wire), down to
 * MAX_DEPTH, below which values are left as they came (nothing there is read).
 */
export function camelKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((inner) => camelKeys(inner, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.charAt(0).toLowerCase() + key.slice(1),
      camelKeys(inner, depth + 1),
    ]),
  );
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO-8601 with 0 to 9 fractional digits (truncated to milliseconds) and an offset; a time without an offset is
 * UTC (JS would read it as local time). NaN when the text is not such a time.
 */
export function parseTimestamp(text: string): number {
  const match = TIMESTAMP.exec(text.trim());
  if (match === null) return Number.NaN;
  const [, date, time, fraction = '', offset = 'Z'] = match;
  const ms = fraction.slice(0, 3).padEnd(3, '0');
  const zone =
    offset.toUpperCase() === 'Z' || offset.includes(':')
      ? offset
      : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return Date.parse(`${date ?? ''}T${time ?? ''}.${ms}${zone}`);
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const ID_TEXT = /^\d{1,19}$/;

/** A decimal from a JSON number or a decimal string (40 characters at most), never through floats; else null. */
function plainDecimal(value: unknown): Dec | null {
  if (typeof value === 'number') return Number.isFinite(value) ? dec(value) : null;
  return typeof value === 'string' && DECIMAL_TEXT.test(value) && value.length <= 40 ? dec(value) : null;
}

const decimal = z.unknown().transform((value, ctx): Dec => {
  const read = plainDecimal(value);
  if (read !== null) return read;
  ctx.addIssue({ code: 'custom', message: 'must be a decimal number' });
  return z.NEVER;
});
const positiveDecimal = decimal.refine((d) => d.greaterThan(0), 'must be above 0');
/** Ids are int32 or int64 (above 2^31 is normal); kept as their decimal text. */
const id = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && ID_TEXT.test(value)) return value;
  ctx.addIssue({ code: 'custom', message: 'must be a numeric id' });
  return z.NEVER;
});
const timestamp = z.string().transform((text, ctx) => {
  const ms = parseTimestamp(text);
  if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: `not an ISO-8601 time: ${text}` });
  return ms;
});
const count = z.number().int().nonnegative().max(1_000_000);
const side = z.union([z.literal(0), z.literal(1)]);
const enumInt = z.number().int().min(0).max(99);
/** Contract ids are short ("CON.F.US.MNQ.M26"): a huge one is an attack or a bug, not a contract. */
const contractId = z.string().min(1).max(200);

/** A field that may be missing or null on a partial update: both mean "not said". */
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish();

export const accountSchema = z.object({
  id,
  name: maybe(z.string()),
  balance: maybe(decimal),
  canTrade: maybe(z.boolean()),
  isVisible: maybe(z.boolean()),
  simulated: maybe(z.boolean()),
});
export type PxAccount = z.infer<typeof accountSchema>;

/** Positions may arrive as deltas (no contractId, no creationTimestamp): every field but the size is optional. */
export const positionSchema = z.object({
  id: maybe(id),
  accountId: maybe(id),
  contractId: maybe(contractId),
  contractDisplayName: maybe(z.string()),
  creationTimestamp: maybe(timestamp),
  type: maybe(enumInt),
  size: maybe(count),
  averagePrice: maybe(decimal),
});
export type PxPosition = z.infer<typeof positionSchema>;

export const orderSchema = z.object({
  id,
  accountId: maybe(id),
  contractId: maybe(contractId),
  creationTimestamp: maybe(timestamp),
  updateTimestamp: maybe(timestamp),
  status: maybe(enumInt),
  type: maybe(enumInt),
  side: maybe(side),
  /** An order is for one contract at least: the engine (and its journal) refuse an order of none. */
  size: maybe(z.number().int().min(1).max(1_000_000)),
  limitPrice: maybe(decimal),
  stopPrice: maybe(decimal),
  fillVolume: maybe(count),
  filledPrice: maybe(decimal),
  customTag: maybe(z.string()),
});
export type PxOrder = z.infer<typeof orderSchema>;

/** A fill: strict, because a wrong one corrupts P&L. Only `profitAndLoss` (opening fills) and `voided` may be absent. */
export const tradeSchema = z.object({
  id,
  accountId: id,
  contractId,
  creationTimestamp: timestamp,
  price: decimal,
  profitAndLoss: maybe(decimal),
  fees: decimal,
  side,
  size: z.number().int().min(1).max(1_000_000),
  voided: maybe(z.boolean()),
  orderId: maybe(id),
});
export type PxTrade = z.infer<typeof tradeSchema>;

export const contractSchema = z.object({
  id: contractId,
  name: maybe(z.string()),
  description: maybe(z.string()),
  tickSize: positiveDecimal,
  tickValue: positiveDecimal,
  activeContract: maybe(z.boolean()),
  symbolId: maybe(z.string()),
});
export type PxContract = z.infer<typeof contractSchema>;

/** A quote: any field may be absent (merged into the last one by the engine). */
export const quoteSchema = z.object({
  symbol: maybe(z.string()),
  lastPrice: maybe(decimal),
  bestBid: maybe(decimal),
  bestAsk: maybe(decimal),
  timestamp: maybe(timestamp),
});
export type PxQuote = z.infer<typeof quoteSchema>;

type QuoteField = keyof PxQuote;
/** Each field of a quote with the two spellings camelKeys reads as it: `lastPrice` and `LastPrice`. */
const QUOTE_SPELLINGS = (['symbol', 'lastPrice', 'bestBid', 'bestAsk', 'timestamp'] as const).map(
  (field) => [field, `${field.charAt(0).toUpperCase()}${field.slice(1)}`] as const,
);

/**
 * A quote read without the schema when every field is plainly what `quoteSchema` takes, to the same value it would
 * give; null when anything is unusual (a field spelt both ways, a value of another kind) and the schema is to
 * decide and say what is wrong. Quotes are most of the market hub's frames, and the confirming quote of a breach is
 * one: with its keys camel-cased and the schema, its parse took 53-63 µs of the breach path at the median, and 35
 * read this way (docs/ARCHITECTURE.md, "Breach to broker").
 */
export function plainQuote(data: Readonly<Record<string, unknown>>): PxQuote | null {
  const quote: Partial<Record<QuoteField, unknown>> = {};
  for (const [field, pascal] of QUOTE_SPELLINGS) {
    const camelSpelt = Object.hasOwn(data, field);
    const pascalSpelt = Object.hasOwn(data, pascal);
    if (camelSpelt && pascalSpelt) return null;
    if (!camelSpelt && !pascalSpelt) continue;
    const value = plainQuoteValue(field, camelSpelt ? data[field] : data[pascal]);
    if (value === unread) return null;
    quote[field] = value;
  }
  return quote as PxQuote;
}

const unread = Symbol('unread');

function plainQuoteValue(field: QuoteField, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (field === 'symbol') return typeof value === 'string' ? value : unread;
  if (field === 'timestamp') {
    const ms = typeof value === 'string' ? parseTimestamp(value) : Number.NaN;
    return Number.isNaN(ms) ? unread : ms;
  }
  return plainDecimal(value) ?? unread;
}

/** What one user-hub argument holds: the entity, and the action when it came wrapped as `{action, data}`. */
export type Unwrapped = { action: number | null; entity: unknown };

/**
 * The user-hub argument in any of the shapes seen (docs/brokers/PROJECTX.md section 0.1): `{action, data}`, the bare entity,
 * `[accountId, entity]`, or a list of entities (each maybe wrapped).
 */
export function unwrapUserArgument(argument: unknown, depth = 0): Unwrapped[] {
  const value = camelKeys(argument);
  // Lists of lists deeper than any shape seen are one entity that will not parse, not a recursion.
  if (Array.isArray(value) && depth < 4) {
    const [first, second] = value as unknown[];
    if (value.length === 2 && (typeof first === 'number' || typeof first === 'string') && isObject(second))
      return unwrapUserArgument(second, depth + 1);
    return value.flatMap((item) => unwrapUserArgument(item, depth + 1));
  }
  if (!isObject(value)) return [{ action: null, entity: value }];
  if (isObject(value.data)) {
    const action = typeof value.action === 'number' ? value.action : null;
    return [{ action, entity: value.data }];
  }
  return [{ action: null, entity: value }];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses one entity; the error names each bad field and the value it had. */
export function parseEntity<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(camelKeys(value));
  if (result.success) return { ok: true, value: result.data };
  const fields = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || '(root)';
    return `${path}: ${issue.message} (got ${shortJson(valueAt(camelKeys(value), issue.path))})`;
  });
  return { ok: false, error: fields.join('; ') };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A frame as it can be logged: JSON, cut to a length a log line can hold. */
export function shortJson(value: unknown, max = 2000): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    // Nested too deep for JSON.stringify (and for String, which recurses the same way).
    try {
      text = String(value);
    } catch {
      text = '(not printable: nested too deep)';
    }
  }
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}
