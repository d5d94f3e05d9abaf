// The intraday equity chart (with the daily-loss floor and the trailing threshold as lines) and the drawdown
// chart: imperative islands. Each chart is created once when mounted, filled once from the ring, and then
// updated per point (series.update) as pushes arrive; React never re-renders them.
import {
  AreaSeries,
  LineSeries,
  LineStyle,
  createChart,
  type DeepPartial,
  type ChartOptions,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { useStores } from '../../state';
import type { EquityPoint } from '../../state';

/** The charts have one point per second: redrawing them more often than that only costs frames. */
export const DRAW_EVERY_MS = 1000;

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
type Value = (point: EquityPoint) => number | null;

/** Sends one point to a series; a line without a value (rule off) gets a gap (whitespace point). */
function put(series: Line, value: Value, point: EquityPoint): void {
  const v = value(point);
  const time = point.time as UTCTimestamp;
  series.update(v === null ? { time } : { time, value: v });
}

function fill(series: Line, value: Value, points: readonly EquityPoint[]): void {
  series.setData(
    points.map((point) => {
      const v = value(point);
      const time = point.time as UTCTimestamp;
      return v === null ? { time } : { time, value: v };
    }),
  );
}

let canvas: boolean | undefined;
/** Whether this page can draw on a canvas (not so in a DOM without one: then the charts are left out). */
export function canvasSupported(): boolean {
  canvas ??= document.createElement('canvas').getContext('2d') !== null;
  return canvas;
}

export function EquityCharts({ accountId }: { accountId: string }) {
  const { equity } = useStores();
  const equityRef = useRef<HTMLDivElement>(null);
  const drawdownRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (equityRef.current === null || drawdownRef.current === null || !canvasSupported()) return;
    const equityChart = createChart(equityRef.current, chartOptions);
    const drawdownChart = createChart(drawdownRef.current, chartOptions);
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
        equityChart.addSeries(LineSeries, {
          color: '#ff6b6b',
          lineWidth: 1,
          lineStyle: LineStyle.Dashed,
          priceLineVisible: false,
          lastValueVisible: true,
          title: 'Daily loss floor',
        }),
        (p) => p.dailyLossFloor,
      ],
      [
        equityChart.addSeries(LineSeries, {
          color: '#f5b942',
          lineWidth: 1,
          lineStyle: LineStyle.Dashed,
          priceLineVisible: false,
          title: 'Trailing threshold',
        }),
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
        (p) => -p.drawdown,
      ],
    ];
    const history = equity.points(accountId);
    for (const [series, value] of lines) fill(series, value, history);
    // Pushes come 20 times a second but the charts move once a second: draw the newest point at most every
    // DRAW_EVERY_MS (a new second's point always gets drawn, its later replacements coalesce).
    let pending: EquityPoint | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const draw = () => {
      timer = null;
      if (pending === null) return;
      for (const [series, value] of lines) put(series, value, pending);
      pending = null;
    };
    const unsubscribe = equity.subscribe(accountId, (point, replaced) => {
      if (!replaced && pending !== null) draw();
      pending = point;
      timer ??= setTimeout(draw, DRAW_EVERY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      equityChart.remove();
      drawdownChart.remove();
    };
  }, [equity, accountId]);
  return (
    <div className="charts">
      <figure
        className="chart"
        aria-label="Intraday equity with the daily loss floor and the trailing threshold"
      >
        <figcaption>Equity today</figcaption>
        <div ref={equityRef} className="chart-canvas" data-testid="equity-chart" />
      </figure>
      <figure className="chart" aria-label="Drawdown from the day's peak">
        <figcaption>Drawdown</figcaption>
        <div ref={drawdownRef} className="chart-canvas" data-testid="drawdown-chart" />
      </figure>
    </div>
  );
}
