// A trading day's stored equity samples as chart points, exactly. A sample carries the daily-loss floor and the
// trailing threshold in force when it was taken; one stored before they were kept (no metrics) gets the floor
// from the day start equity (equity − day net P&L) less the limit given, in decimals, and no threshold.
import type { EquitySampleView } from '../../../../shared/ipc';
import { floorBelowDayStart, type EquityPoint } from '../../state/equity-history';

/**
 * `dailyLossLimit`: the daily loss amount to draw the floor of samples without stored metrics with (today's
 * rule), or null for no floor line there.
 */
export function pointsOfDay(
  samples: readonly EquitySampleView[],
  dailyLossLimit: string | null,
): EquityPoint[] {
  const points: EquityPoint[] = [];
  for (const sample of samples) {
    const time = Math.floor(Date.parse(sample.t) / 1000);
    if (!Number.isFinite(time)) continue;
    // As with pushes, the latest sample of a second stands for it.
    if (points.at(-1)?.time === time) points.pop();
    points.push({
      time,
      equity: sample.equity,
      dailyLossFloor: floorOf(sample, dailyLossLimit),
      trailingThreshold: sample.metrics?.trailingThreshold ?? null,
      drawdown: sample.dailyDrawdown,
    });
  }
  return points;
}

function floorOf(sample: EquitySampleView, dailyLossLimit: string | null): string | null {
  if (sample.metrics !== null) return sample.metrics.dailyLossFloor;
  return dailyLossLimit === null
    ? null
    : floorBelowDayStart(sample.equity, sample.dailyNetPnl, dailyLossLimit);
}
