// A trading day's stored equity samples as chart points, exactly: each with the daily-loss floor and the trailing
// threshold its sample kept (the core's figures; a sample stored before they were kept draws neither).
import type { EquitySampleView } from '../../../../shared/ipc';
import type { EquityPoint } from '../../state/equity-history';

export function pointsOfDay(samples: readonly EquitySampleView[]): EquityPoint[] {
  const points: EquityPoint[] = [];
  for (const sample of samples) {
    const time = Math.floor(Date.parse(sample.t) / 1000);
    if (!Number.isFinite(time)) continue;
    // As with pushes, the latest sample of a second stands for it.
    if (points.at(-1)?.time === time) points.pop();
    points.push({
      time,
      equity: sample.equity,
      dailyLossFloor: sample.metrics?.dailyLossFloor ?? null,
      trailingThreshold: sample.metrics?.trailingThreshold ?? null,
      drawdown: sample.dailyDrawdown,
    });
  }
  return points;
}
