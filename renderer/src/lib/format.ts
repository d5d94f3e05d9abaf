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

/** "50,000.00"; a missing or malformed value shows as a dash rather than a wrong number. */
export function formatAmount(value: string | null | undefined): string {
  const d = parse(value);
  return d === null ? MISSING : formatMoney(d.toDecimalPlaces(2), 2);
}

/** P&L with its sign: "+56.00", "-1,234.50", "0.00". */
export function formatSignedAmount(value: string | null | undefined): string {
  const d = parse(value);
  if (d === null) return MISSING;
  const rounded = d.toDecimalPlaces(2);
  if (rounded.isZero()) return '0.00';
  const text = formatMoney(rounded, 2);
  return rounded.isPositive() ? `+${text}` : text;
}

/** Sign of the amount as shown (rounded to cents), for colour. */
export function toneOf(value: string | null | undefined): Tone {
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
export function formatPrice(value: string | null | undefined, tickSize?: string | null): string {
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
