// How full a limit bar is and what it says: the share of the limit used (0–100, clamped) and the room left.
import type { LimitView } from '../../../../shared/ipc';
import { dec } from '../../../../shared/domain/money';
import { formatAmount, MISSING } from '../../lib/format';

/** Percentage of the limit used, clamped to 0–100 and rounded to one place (a bar cannot overflow). */
export function usedPct(used: string, limit: string): number {
  const u = Number(used);
  const l = Number(limit);
  if (!Number.isFinite(u) || !Number.isFinite(l) || l <= 0) return 0;
  return Math.round(Math.min(100, Math.max(0, (u / l) * 100)) * 10) / 10;
}

/** The room left, exact (weighted contracts such as 5 − 4.1 are decimals too), never below 0; null if unreadable. */
function roomOf(limit: LimitView): string | null {
  try {
    const room = dec(limit.limit).minus(dec(limit.used));
    return room.isNegative() ? '0' : room.toFixed();
  } catch {
    return null;
  }
}

/** "820.00 of 1,000.00 · 180.00 left" for money, "3 of 10 · 7 left" (or "4.1 of 5 · 0.9 left") for counts. */
export function limitText(limit: LimitView): string {
  const room = roomOf(limit);
  if (limit.unit === 'count') return `${limit.used} of ${limit.limit} · ${room ?? MISSING} left`;
  return `${formatAmount(limit.used)} of ${formatAmount(limit.limit)} · ${formatAmount(room)} left`;
}
