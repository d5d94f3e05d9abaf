// Parses events from JSON (replay lines, journal rows) with zod, and writes them back as plain JSON.
// Accepts `t` as ISO-8601 with offset or epoch ms, and numbers as JSON numbers or decimal strings.
import { z } from 'zod';
import { validateConfig } from '../config/schema';
import { Dec, decimalsAsStrings, dec } from './money';
import type { EngineEvent } from './events';

/**
 * Digits either side of the point: as far as a JSON number reaches (1e308, 5e-324), which is what a broker can
 * send; written out in full (as money is), 1e999999999 would be a gigabyte of text.
 */
const MAX_DECIMAL_EXPONENT = 400;

/** A decimal from a JSON number or string, or what is wrong with it. */
function decimalOf(value: string | number): Dec | { problem: string } {
  let d: Dec;
  try {
    d = dec(value);
  } catch {
    return { problem: `not a decimal number: ${JSON.stringify(value)}` };
  }
  if (!d.isZero() && Math.abs(d.e) > MAX_DECIMAL_EXPONENT)
    return { problem: `out of range: ${JSON.stringify(value).slice(0, 40)}` };
  return d;
}

const decimal = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const d = decimalOf(value);
  if (Dec.isDecimal(d)) return d;
  ctx.addIssue({ code: 'custom', message: d.problem });
  return z.NEVER;
});

/** The furthest a JavaScript date reaches either side of 1970: a time beyond it has no calendar day. */
const MAX_TIME_MS = 8.64e15;

/** A tick's size and value: the engine divides by the size, and a contract whose tick is worth nothing is no contract. */
const positiveDecimal = decimal.refine((d) => d.greaterThan(0), 'must be above 0');

const time = z.union([z.number().int(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : isoWithOffset(value);
  if (ms !== undefined && Math.abs(ms) > MAX_TIME_MS) {
    ctx.addIssue({ code: 'custom', message: `not a time a calendar can show: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `not an ISO-8601 time with offset: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ms;
});

function isoWithOffset(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const contracts = z
  .union([z.number(), z.string().regex(/^\d+$/)])
  .transform(Number)
  .pipe(z.number().int());
const positiveContracts = contracts.pipe(z.number().int().positive());
const side = z.enum(['buy', 'sell']);
const text = z.string().min(1);
const id = z.union([text, z.number().int()]).transform(String);

/** One release of the news calendar (docs/API.md section 3): `at` ISO with offset in a replay, ms in the journal. */
const newsItem = z.strictObject({ at: time, title: text, currency: text, impact: text });

export const engineEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('instrument'),
    t: time,
    symbol: text,
    tickSize: positiveDecimal,
    tickValue: positiveDecimal,
    currency: text,
    name: text.optional(),
    marginPerContract: decimal.optional(),
    weight: decimal.optional(),
    baseCurrency: text.optional(),
    quoteCurrency: text.optional(),
    underlying: text.optional(),
  }),
  z.strictObject({
    type: z.literal('account'),
    t: time,
    account: id,
    balance: decimal,
    name: text.optional(),
    canTrade: z.boolean().optional(),
    usedMargin: decimal.optional(),
  }),
  z.strictObject({
    type: z.literal('quote'),
    t: time,
    symbol: text,
    bid: decimal.optional(),
    ask: decimal.optional(),
    last: decimal.optional(),
  }),
  z.strictObject({
    type: z.literal('fill'),
    t: time,
    account: id,
    id,
    orderId: id,
    symbol: text,
    side,
    qty: positiveContracts,
    price: decimal,
    fees: decimal,
    realizedPnl: decimal.optional(),
    voided: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('order'),
    t: time,
    account: id,
    id,
    symbol: text,
    side,
    kind: z.enum(['market', 'limit', 'stop']),
    qty: positiveContracts,
    status: z.enum(['working', 'filled', 'cancelled', 'rejected']),
    limitPrice: decimal.optional(),
    stopPrice: decimal.optional(),
    filledQty: contracts.optional(),
    tag: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('position'),
    t: time,
    account: id,
    symbol: text,
    qty: contracts,
    avgPrice: decimal,
  }),
  z.strictObject({
    type: z.literal('connection'),
    t: time,
    status: z.enum(['connecting', 'connected', 'reconnecting', 'disconnected']),
    detail: z.string().optional(),
    asked: z.literal(true).optional(),
  }),
  z.strictObject({ type: z.literal('clock'), t: time }),
  z.strictObject({
    type: z.literal('selfLock'),
    t: time,
    account: id,
    until: z.enum(['dayEnd', 'weekEnd']),
    origin: z.string().max(200).optional(),
  }),
  z.strictObject({ type: z.literal('lockReset'), t: time, account: id }),
  z.strictObject({
    type: z.literal('configChange'),
    t: time,
    config: z.unknown().transform((document, ctx) => {
      const result = validateConfig(document);
      if (result.ok) return result.config;
      for (const message of result.errors) ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }),
    by: z.enum(['trader', 'file']),
  }),
  z.strictObject({ type: z.literal('settingsLock'), t: time, account: id }),
  z.strictObject({ type: z.literal('calendar'), t: time, events: z.array(newsItem) }),
  z.strictObject({
    type: z.literal('dayStart'),
    t: time,
    account: id,
    startEquity: decimal,
    source: z.enum(['rebuilt', 'estimate', 'confirmed']),
    note: z.string(),
    weekStartEquity: decimal.optional(),
  }),
]);

export type ParseResult = { ok: true; event: EngineEvent } | { ok: false; error: string };

/** Validates one event object; the error names every bad field with its path and value. */
export function parseEngineEvent(input: unknown): ParseResult {
  const result = engineEventSchema.safeParse(input);
  if (result.success) return { ok: true, event: result.data as EngineEvent };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(event)';
    return `${path}: ${issue.message}`;
  });
  return { ok: false, error: problems.join('; ') };
}

/**
 * Whether an encoded event (`encodeEngineEvent`) reads back, as the journal checks every event before it writes it:
 * null when it does, else `parseEngineEvent`'s error. A plain quote, most of what a journal holds and the event that
 * confirms a breach, is checked here field by field, accepting only what the schema accepts; anything else is left
 * to the schema. On the breach path the confirming quote's encoding and check took 66-68 µs at the median with the
 * schema, and 46-49 with this, its transaction's start included (docs/ARCHITECTURE.md, "Breach to broker").
 */
export function readBackProblem(encoded: Record<string, unknown>): string | null {
  if (isPlainQuote(encoded)) return null;
  const check = parseEngineEvent(encoded);
  return check.ok ? null : check.error;
}

const QUOTE_KEYS = new Set(['type', 't', 'symbol', 'bid', 'ask', 'last']);

/** A quote the schema takes as it is: its time in epoch ms, a symbol, prices as decimal strings in range. */
function isPlainQuote(encoded: Record<string, unknown>): boolean {
  const { type, t, symbol } = encoded;
  if (type !== 'quote' || typeof t !== 'number' || typeof symbol !== 'string') return false;
  if (!Number.isSafeInteger(t) || Math.abs(t) > MAX_TIME_MS || symbol.length === 0) return false;
  for (const key in encoded) if (!QUOTE_KEYS.has(key)) return false;
  return [encoded.bid, encoded.ask, encoded.last].every(
    (price) => price === undefined || (typeof price === 'string' && Dec.isDecimal(decimalOf(price))),
  );
}

/** Plain JSON for an event: decimals as exact strings, `t` as epoch ms. */
export function encodeEngineEvent(event: EngineEvent): Record<string, unknown> {
  return decimalsAsStrings(event);
}
