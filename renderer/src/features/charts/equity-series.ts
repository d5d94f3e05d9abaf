// The two chart islands (lightweight-charts): intraday equity with the daily-loss floor and the trailing
// threshold, and drawdown below zero. Filled with setData, then moved with series.update per point. Points hold
// exact decimal text; this is the one place it becomes a number, to draw.
import {
  AreaSeries,
  LineSeries,
  LineStyle,
  createChart,
  type ChartOptions,
  type DeepPartial,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { dec } from '../../../../shared/domain/money';
import type { EquityPoint } from '../../state';

const chartOptions: DeepPartial<ChartOptions> = {
  autoSize: true,
  layout: { background: { color: 'transparent' }, textColor: '#8e97a8', attributionLogo: false },
  grid: { vertLines: { visible: false }, horzLines: { color: '#1e232d' } },
  rightPriceScale: { borderVisible: false },
  timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false },
  crosshair: { horzLine: { visible: false } },
  handleScroll: false,
  handleScale: false,
};

type Line = ISeriesApi<'Line'> | ISeriesApi<'Area'>;
type Value = (point: EquityPoint) => string | null;

export type EquityChartsHandle = {
  /** Replaces everything drawn with `points` (oldest first). */
  fill(points: readonly EquityPoint[]): void;
  /** Draws one point: a new second, or the newest second again. */
  put(point: EquityPoint): void;
  remove(): void;
};

function dataOf(value: Value, point: EquityPoint) {
  const v = value(point);
  const time = point.time as UTCTimestamp;
  return v === null ? { time } : { time, value: Number(v) };
}

/**
 * `equityBox` also carries what is drawn, for tests and for anyone checking the chart: data-points (how many
 * seconds), data-first-time (the first one, epoch seconds), and the first point's data-first-floor and
 * data-first-threshold (exact text; absent where that line has no value).
 */
export function createEquityCharts(equityBox: HTMLElement, drawdownBox: HTMLElement): EquityChartsHandle {
  const equityChart = createChart(equityBox, chartOptions);
  const drawdownChart = createChart(drawdownBox, chartOptions);
  const dashed = { lineWidth: 1, lineStyle: LineStyle.Dashed, priceLineVisible: false } as const;
  const lines: [Line, Value][] = [
    [
      equityChart.addSeries(LineSeries, {
        color: '#e7eaf0',
        lineWidth: 2,
        priceLineVisible: false,
        title: 'Equity',
      }),
      (p) => p.equity,
    ],
    [
      equityChart.addSeries(LineSeries, { ...dashed, color: '#ff6b6b', title: 'Daily loss floor' }),
      (p) => p.dailyLossFloor,
    ],
    [
      equityChart.addSeries(LineSeries, { ...dashed, color: '#f5b942', title: 'Trailing threshold' }),
      (p) => p.trailingThreshold,
    ],
    [
      drawdownChart.addSeries(AreaSeries, {
        lineColor: '#ff6b6b',
        topColor: 'rgba(255, 107, 107, 0.05)',
        bottomColor: 'rgba(255, 107, 107, 0.3)',
        lineWidth: 1,
        priceLineVisible: false,
        title: 'Drawdown',
      }),
      (p) => dec(p.drawdown).negated().toFixed(),
    ],
  ];
  let count = 0;
  let lastTime: number | null = null;
  /** A feed may still deliver a point after the screen removed the charts: drawing it would revive them. */
  let removed = false;
  const attribute = (name: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined) equityBox.removeAttribute(name);
    else equityBox.setAttribute(name, String(value));
  };
  const mark = (first: EquityPoint | undefined) => {
    attribute('data-points', count);
    attribute('data-first-time', first?.time);
    attribute('data-first-floor', first?.dailyLossFloor);
    attribute('data-first-threshold', first?.trailingThreshold);
  };
  return {
    fill(points) {
      if (removed) return;
      for (const [series, value] of lines) series.setData(points.map((point) => dataOf(value, point)));
      count = points.length;
      lastTime = points.at(-1)?.time ?? null;
      mark(points[0]);
    },
    put(point) {
      if (removed) return;
      for (const [series, value] of lines) series.update(dataOf(value, point));
      if (lastTime === null || point.time > lastTime) {
        if (count === 0) mark(point);
        count += 1;
        lastTime = point.time;
        equityBox.dataset.points = String(count);
      }
    },
    remove() {
      removed = true;
      equityChart.remove();
      drawdownChart.remove();
    },
  };
}
