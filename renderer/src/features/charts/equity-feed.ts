// What feeds the chart islands: the live ring (drawn at most once a second) and one day's stored samples from
// the core's history (getHistory with equityDay).
import type { WardenApi } from '../../../../shared/ipc';
import type { EquityHistory, EquityPoint } from '../../state';
import { pointsOfDay } from './equity-day';
import type { EquityChartsHandle } from './equity-series';

/** The charts have one point per second: redrawing them more often than that only costs frames. */
export const DRAW_EVERY_MS = 1000;

/**
 * Draws the ring, then each new point. Pushes come 20 times a second but the charts move once a second: the newest
 * point is drawn at most every DRAW_EVERY_MS (a new second's point always gets drawn, its replacements coalesce).
 * Returns the stop.
 */
export function followLive(charts: EquityChartsHandle, equity: EquityHistory, account: string): () => void {
  charts.fill(equity.points(account));
  let pending: EquityPoint | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const draw = () => {
    // Drawn early (a new second's point), the pending timer goes too: else stop() could no longer cancel it.
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    charts.put(pending);
    pending = null;
  };
  const unsubscribe = equity.subscribe(account, (point, replaced) => {
    if (!replaced && pending !== null) draw();
    pending = point;
    timer ??= setTimeout(draw, DRAW_EVERY_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

export type StoredDay =
  | { kind: 'day'; label: string; today: boolean; points: EquityPoint[] }
  | { kind: 'none' }
  | { kind: 'error'; error: string };

/**
 * One trading day's stored samples of the account as chart points ('none' from a core that keeps none), each with
 * the floor and threshold lines its sample kept.
 */
export async function loadStoredDay(
  api: Pick<WardenApi, 'getHistory'>,
  account: string,
  day: string,
): Promise<StoredDay> {
  const response = await api.getHistory({ account, days: 1, equityDay: day });
  if (!response.ok) return { kind: 'error', error: response.error };
  const stored = response.result.equityDay;
  if (stored === undefined) return { kind: 'none' };
  return { kind: 'day', label: stored.day, today: stored.today, points: pointsOfDay(stored.samples) };
}
