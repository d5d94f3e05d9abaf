// A trading day's stored equity samples as chart points, exactly: the daily-loss floor is the day start equity
// (equity − day net P&L) less the limit, in decimals. The store keeps no trailing threshold, so stored points
// leave that line out rather than guess it.
import type { EquitySampleView } from '../../../../shared/ipc';
import { floorBelowDayStart, type EquityPoint } from '../../state/equity-history';

/** `dailyLossLimit`: the daily loss amount to draw the floor with (today's rule), or null for no floor line. */
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
      dailyLossFloor:
        dailyLossLimit === null
          ? null
          : floorBelowDayStart(sample.equity, sample.dailyNetPnl, dailyLossLimit),
      trailingThreshold: null,
      drawdown: sample.dailyDrawdown,
    });
  }
  return points;
}
