// The account's equity and drawdown charts. Today: the points kept since the screen opened, seeded with the
// day's stored samples (so a reload does not start empty), then moved per point as pushes arrive. An earlier
// day, picked beside the chart: that day's stored samples, still. React never re-renders the charts themselves.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApi, useStores } from '../../state';
import { followLive, loadStoredDay } from './equity-feed';
import { EquityDayPicker, TODAY } from './EquityDayPicker';
import { createEquityCharts, type EquityChartsHandle } from './equity-series';

export { DRAW_EVERY_MS } from './equity-feed';

let canvas: boolean | undefined;
/** Whether this page can draw on a canvas (not so in a DOM without one: then the charts are left out). */
export function canvasSupported(): boolean {
  canvas ??= document.createElement('canvas').getContext('2d') !== null;
  return canvas;
}

export function EquityCharts({ accountId }: { accountId: string }) {
  const stores = useStores();
  const api = useApi();
  const equityRef = useRef<HTMLDivElement>(null);
  const drawdownRef = useRef<HTMLDivElement>(null);
  const chartsRef = useRef<EquityChartsHandle | null>(null);
  const [day, setDay] = useState<string>(TODAY);
  const [todayLabel, setTodayLabel] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  // Created and removed in the layout phase, with the DOM they draw in: removed later, lightweight-charts could
  // still redraw into the detached canvas after it was disposed ("Object is disposed").
  useLayoutEffect(() => {
    if (equityRef.current === null || drawdownRef.current === null || !canvasSupported()) return;
    const charts = createEquityCharts(equityRef.current, drawdownRef.current);
    chartsRef.current = charts;
    return () => {
      chartsRef.current = null;
      charts.remove();
    };
  }, [accountId]);

  useEffect(() => {
    const charts = chartsRef.current;
    if (charts === null) return;
    let open = true;
    setNote(null);
    const live = day === TODAY;
    const stop = live ? followLive(charts, stores.equity, accountId) : null;
    if (!live) charts.fill([]);
    loadStoredDay(api, accountId, day)
      .then((stored) => {
        if (!open || stored.kind === 'none') return;
        if (stored.kind === 'error') {
          setNote(`Stored equity not available: ${stored.error}`);
          return;
        }
        if (stored.today) setTodayLabel(stored.label);
        if (live) stores.equity.seed(accountId, stored.points);
        charts.fill(live ? stores.equity.points(accountId) : stored.points);
        if (!live && stored.points.length === 0) setNote(`No equity stored for ${day}`);
      })
      .catch((error: unknown) => {
        if (open) setNote(`Stored equity not available: ${String(error)}`);
      });
    return () => {
      open = false;
      stop?.();
    };
  }, [api, stores, accountId, day]);

  const shown = day === TODAY ? 'today' : day;
  return (
    <div className="charts">
      <figure
        className="chart"
        aria-label={`Equity ${shown} with the daily loss floor and the trailing threshold`}
      >
        <figcaption className="chart-head">
          <span>Equity {shown}</span>
          <EquityDayPicker day={day} todayLabel={todayLabel} onChange={setDay} />
        </figcaption>
        <div ref={equityRef} className="chart-canvas" data-testid="equity-chart" />
        {note !== null ? (
          <p className="chart-note muted" data-testid="equity-note">
            {note}
          </p>
        ) : null}
      </figure>
      <figure className="chart" aria-label={`Drawdown from the day's peak, ${shown}`}>
        <figcaption>Drawdown</figcaption>
        <div ref={drawdownRef} className="chart-canvas" data-testid="drawdown-chart" />
      </figure>
    </div>
  );
}
