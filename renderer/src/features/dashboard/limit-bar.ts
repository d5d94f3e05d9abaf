// How full a limit bar is and what it says: the share of the limit used (0–100, clamped) and the room left.
import type { LimitView } from '../../../../shared/ipc';
import { formatAmount } from '../../lib/format';

/** Percentage of the limit used, clamped to 0–100 and rounded to one place (a bar cannot overflow). */
export function usedPct(used: string, limit: string): number {
  const u = Number(used);
  const l = Number(limit);
  if (!Number.isFinite(u) || !Number.isFinite(l) || l <= 0) return 0;
  return Math.round(Math.min(100, Math.max(0, (u / l) * 100)) * 10) / 10;
}

/** "820.00 of 1,000.00 · 180.00 left" for money, "3 of 10 · 7 left" for counts. */
export function limitText(limit: LimitView): string {
  const room = Math.max(0, Number(limit.limit) - Number(limit.used));
  if (limit.unit === 'count') return `${limit.used} of ${limit.limit} · ${room} left`;
  return `${formatAmount(limit.used)} of ${formatAmount(limit.limit)} · ${formatAmount(room.toFixed(2))} left`;
}
