// Display formatting for the trader's numbers: money with separators and 2 places, signed P&L, prices at the
// instrument's tick precision, signed quantities in words, times and countdowns.
import { dec, formatMoney } from '../../../shared/domain/money';
import type { Dec } from '../../../shared/domain/money';

export const MISSING = '—';

export type Tone = 'pos' | 'neg' | 'zero';

function parse(value: string | null | undefined): Dec | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    return dec(value);
  } catch {
    return null;
  }
}

/**
 * Remembers the text of recent inputs: a fast market shows the same prices and amounts again and again, and exact
 * decimal formatting of a hundred rows twenty times a second is the renderer's largest script cost. Bounded: when
 * full it starts over (the working set refills within a push or two).
 */
function memo<R>(format: (value: string | null | undefined, extra?: string | null) => R, size = 4000) {
  const cache = new Map<string, R>();
  return (value: string | null | undefined, extra?: string | null): R => {
    if (value === null || value === undefined) return format(value, extra);
    const key = extra === undefined || extra === null ? value : `${value}|${extra}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const result = format(value, extra);
    if (cache.size >= size) cache.clear();
    cache.set(key, result);
    return result;
  };
}

/** "50,000.00"; a missing or malformed value shows as a dash rather than a wrong number. */
export const formatAmount = memo(formatAmountExact);

function formatAmountExact(value: string | null | undefined): string {
  const d = parse(value);
  return d === null ? MISSING : formatMoney(d.toDecimalPlaces(2), 2);
}

/** P&L with its sign: "+56.00", "-1,234.50", "0.00". */
export const formatSignedAmount = memo(formatSignedAmountExact);

function formatSignedAmountExact(value: string | null | undefined): string {
  const d = parse(value);
  if (d === null) return MISSING;
  const rounded = d.toDecimalPlaces(2);
  if (rounded.isZero()) return '0.00';
  const text = formatMoney(rounded, 2);
  return rounded.isPositive() ? `+${text}` : text;
}

/** Sign of the amount as shown (rounded to cents), for colour. */
export const toneOf = memo(toneOfExact);

function toneOfExact(value: string | null | undefined): Tone {
  const d = parse(value)?.toDecimalPlaces(2);
  if (d === undefined || d.isZero()) return 'zero';
  return d.isPositive() ? 'pos' : 'neg';
}

/** Decimal places of a tick size: "0.25" → 2, "0.0001" → 4, "1" → 0. */
export function tickPlaces(tickSize: string | null | undefined): number {
  const d = parse(tickSize);
  return d === null ? 2 : Math.max(0, d.decimalPlaces());
}

/** A price at tick precision, without thousands separators (prices read differently from money): "21450.50". */
export const formatPrice = memo(formatPriceExact);

function formatPriceExact(value: string | null | undefined, tickSize?: string | null): string {
  const d = parse(value);
  return d === null ? MISSING : d.toFixed(tickPlaces(tickSize));
}

/** Signed quantity in words: 2 → "Long 2", -1 → "Short 1", 0 → "Flat". */
export function formatPositionQty(qty: number): string {
  if (qty > 0) return `Long ${qty}`;
  if (qty < 0) return `Short ${-qty}`;
  return 'Flat';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall time "14:03:09" of an ISO instant (local to the screen the trader is looking at). */
export function formatClock(iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return MISSING;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A duration as "2h 05m 09s", "4m 10s", "9s"; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/** Local wall time "08:32" of an ISO instant, for times a trader plans around (news windows). */
export function formatHourMinute(iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return MISSING;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** How old something is, roughly: "under a minute", "12 min", "5 h", "3 days". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
