// @vitest-environment jsdom
// Live charts: created once, filled once, then updated per point (series.update, at most every DRAW_EVERY_MS) and
// never rebuilt; removed on unmount. On opening they ask the core for today's stored samples and draw them before
// the live points (a reload does not start empty), with the floor and threshold lines the samples stored; an
// earlier day picked beside the chart shows that day, still.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAW_EVERY_MS, EquityCharts } from '../../../renderer/src/features/charts/EquityCharts';
import type { EquitySampleView, HistoryView, SampleMetricsView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

type Call = { series: number; method: 'setData' | 'update'; data: unknown };
const chartLog = vi.hoisted(() => ({
  charts: 0,
  removed: 0,
  series: 0,
  calls: [] as { series: number; method: string; data: unknown }[],
}));

vi.mock('lightweight-charts', () => ({
  LineSeries: 'Line',
  AreaSeries: 'Area',
  LineStyle: { Dashed: 2 },
  createChart: () => {
    chartLog.charts += 1;
    return {
      addSeries: () => {
        const id = chartLog.series++;
        return {
          setData: (data: unknown) => chartLog.calls.push({ series: id, method: 'setData', data }),
          update: (data: unknown) => chartLog.calls.push({ series: id, method: 'update', data }),
        };
      },
      remove: () => {
        chartLog.removed += 1;
      },
    };
  },
}));

beforeAll(() => {
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { value: () => ({}), configurable: true });
});
beforeEach(() => {
  Object.assign(chartLog, { charts: 0, removed: 0, series: 0, calls: [] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function stateAt(serverTime: string, equity: string, seq: number) {
  const state = buildFixtureState({ serverTime });
  state.seq = seq;
  const account = state.accounts[0];
  if (account === undefined) throw new Error('no account');
  account.metrics.equity = equity;
  return state;
}

const calls = (method: Call['method'], series: number) =>
  chartLog.calls.filter((c) => c.method === method && c.series === series).map((c) => c.data);

function history(day: string, today: boolean, samples: EquitySampleView[]): HistoryView {
  return { trades: [], days: [], timeline: [], equityDay: { day, today, samples } };
}

const sample = (
  t: string,
  equity: string,
  dailyNetPnl: string,
  metrics: SampleMetricsView | null = null,
): EquitySampleView => ({ t, equity, dailyNetPnl, dailyDrawdown: '10.00', metrics });

/** What a sample stored since schema 5 carries: its own trailing threshold and daily-loss floor. */
const lines = (trailingThreshold: string | null, dailyLossFloor: string | null): SampleMetricsView => ({
  unrealizedPnl: '0',
  dailyRealizedPnl: '0',
  weeklyNetPnl: '0',
  trailingThreshold,
  dailyLossFloor,
  marginLevel: null,
  tradesToday: 0,
  consecutiveLosses: 0,
  tradingState: 'active',
});

/** Lets the getHistory answer (a resolved promise) reach the component. */
async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

describe('the charts', () => {
  it('are created once, filled once, then updated per point; removed on unmount', () => {
    const host = renderWithState(stateAt('2025-03-12T15:30:00.000Z', '49912.50', 1), {
      ui: <EquityCharts accountId="SIM-50K" />,
    });
    expect(chartLog.charts).toBe(2);
    const setData = chartLog.calls.filter((c) => c.method === 'setData') as Call[];
    expect(setData.map((c) => c.series)).toEqual([0, 1, 2, 3]);
    expect(setData[0]?.data).toEqual([{ time: 1741793400, value: 49912.5 }]);
    chartLog.calls.length = 0;
    vi.useFakeTimers();
    act(() => {
      host.stores.view.getState().receive(stateAt('2025-03-12T15:30:01.000Z', '49800.00', 2));
      host.stores.view.getState().receive(stateAt('2025-03-12T15:30:02.000Z', '49700.00', 3));
      host.stores.view.getState().receive(stateAt('2025-03-12T15:30:02.500Z', '49650.00', 4));
    });
    // A new second draws the previous one at once; replacements within a second wait for DRAW_EVERY_MS.
    expect(calls('update', 0)).toEqual([{ time: 1741793401, value: 49800 }]);
    act(() => {
      vi.advanceTimersByTime(DRAW_EVERY_MS);
    });
    expect(chartLog.charts).toBe(2);
    expect(chartLog.calls.filter((c) => c.method === 'setData')).toEqual([]);
    expect(calls('update', 0)).toEqual([
      { time: 1741793401, value: 49800 },
      { time: 1741793402, value: 49650 },
    ]);
    expect(calls('update', 3)).toEqual([
      { time: 1741793401, value: -97.5 },
      { time: 1741793402, value: -97.5 },
    ]);
    cleanup();
    expect(chartLog.removed).toBe(2);
  });

  it("draw today's stored samples before the live points, each second once, then go on live", async () => {
    const stored = history('2025-03-12', true, [
      sample('2025-03-12T15:29:40.000Z', '50010.00', '20.00'),
      sample('2025-03-12T15:29:50.000Z', '49990.00', '0.00'),
      sample('2025-03-12T15:30:00.000Z', '1.00', '0.00'), // the live point's second: the live point stays
    ]);
    const host = renderWithState(stateAt('2025-03-12T15:30:00.000Z', '49912.50', 1), {
      ui: <EquityCharts accountId="SIM-50K" />,
      handlers: { getHistory: () => ({ ok: true, result: stored }) },
    });
    expect(host.sent).toEqual([
      { command: 'getHistory', args: { account: 'SIM-50K', days: 1, equityDay: 'today' } },
    ]);
    await settle();
    expect(calls('setData', 0).at(-1)).toEqual([
      { time: 1741793380, value: 50010 },
      { time: 1741793390, value: 49990 },
      { time: 1741793400, value: 49912.5 },
    ]);
    // Stored without metrics, so no floor either (the core keeps none for them); the live point's as sent.
    expect(calls('setData', 1).at(-1)).toEqual([
      { time: 1741793380 },
      { time: 1741793390 },
      { time: 1741793400, value: 48765 },
    ]);
    // Stored without metrics, so no trailing threshold: a gap until the live point.
    expect(calls('setData', 2).at(-1)).toEqual([
      { time: 1741793380 },
      { time: 1741793390 },
      { time: 1741793400, value: 48210 },
    ]);
    const box = screen.getByTestId('equity-chart');
    expect([box.dataset.points, box.dataset.firstTime]).toEqual(['3', '1741793380']);
    expect(screen.getByTestId<HTMLInputElement>('equity-day').value).toBe('2025-03-12');
    act(() => {
      host.stores.view.getState().receive(stateAt('2025-03-12T15:30:01.000Z', '49800.00', 2));
      host.stores.view.getState().receive(stateAt('2025-03-12T15:30:02.000Z', '49700.00', 3));
    });
    expect(calls('update', 0)).toEqual([{ time: 1741793401, value: 49800 }]);
    expect(box.dataset.points).toBe('4');
  });

  it('draw the floor and the threshold of stored samples from their own values, today and on an earlier day', async () => {
    const days: Record<string, HistoryView> = {
      // The floor stored is 500 under the day start: the limit in force then, not today's 1,000.
      today: history('2025-03-12', true, [
        sample('2025-03-12T15:29:40.000Z', '50010.00', '20.00', lines('48010.5', '49490')),
        sample('2025-03-12T15:29:50.000Z', '49990.00', '0.00', lines('48010.5', null)),
      ]),
      '2025-03-11': history('2025-03-11', false, [
        sample('2025-03-11T15:00:00.000Z', '50100.00', '100.00', lines('47900', '49000')),
        sample('2025-03-11T15:00:10.000Z', '50050.00', '50.00', lines('47925.25', '49000')),
      ]),
    };
    renderWithState(stateAt('2025-03-12T15:30:00.000Z', '49912.50', 1), {
      ui: <EquityCharts accountId="SIM-50K" />,
      handlers: {
        getHistory: ({ equityDay }) => ({
          ok: true,
          result: days[equityDay ?? 'today'] ?? history('', false, []),
        }),
      },
    });
    await settle();
    // Stored points with their own lines (none where the rule was off), then the live point with its own.
    expect(calls('setData', 1).at(-1)).toEqual([
      { time: 1741793380, value: 49490 },
      { time: 1741793390 },
      { time: 1741793400, value: 48765 },
    ]);
    expect(calls('setData', 2).at(-1)).toEqual([
      { time: 1741793380, value: 48010.5 },
      { time: 1741793390, value: 48010.5 },
      { time: 1741793400, value: 48210 },
    ]);
    const box = screen.getByTestId('equity-chart');
    expect([box.dataset.firstTime, box.dataset.firstFloor, box.dataset.firstThreshold]).toEqual([
      '1741793380',
      '49490',
      '48010.5',
    ]);

    fireEvent.change(screen.getByTestId('equity-day'), { target: { value: '2025-03-11' } });
    await settle();
    expect(calls('setData', 1).at(-1)).toEqual([
      { time: 1741705200, value: 49000 },
      { time: 1741705210, value: 49000 },
    ]);
    expect(calls('setData', 2).at(-1)).toEqual([
      { time: 1741705200, value: 47900 },
      { time: 1741705210, value: 47925.25 },
    ]);
    expect([box.dataset.firstFloor, box.dataset.firstThreshold]).toEqual(['49000', '47900']);
    expect(chartLog.charts).toBe(2);
  });

  it('show an earlier day picked beside the chart, still, and go back to today', async () => {
    const days: Record<string, HistoryView> = {
      today: history('2025-03-12', true, []),
      '2025-03-11': history('2025-03-11', false, [
        sample('2025-03-11T15:00:00.000Z', '50100.00', '100.00'),
        sample('2025-03-11T15:00:10.000Z', '50050.00', '50.00'),
      ]),
    };
    const host = renderWithState(stateAt('2025-03-12T15:30:00.000Z', '49912.50', 1), {
      ui: <EquityCharts accountId="SIM-50K" />,
      handlers: {
        getHistory: ({ equityDay }) => ({
          ok: true,
          result: days[equityDay ?? 'today'] ?? history('', false, []),
        }),
      },
    });
    await settle();
    fireEvent.change(screen.getByTestId('equity-day'), { target: { value: '2025-03-11' } });
    await settle();
    expect(host.sent.at(-1)).toEqual({
      command: 'getHistory',
      args: { account: 'SIM-50K', days: 1, equityDay: '2025-03-11' },
    });
    expect(calls('setData', 0).at(-1)).toEqual([
      { time: 1741705200, value: 50100 },
      { time: 1741705210, value: 50050 },
    ]);
    // Stored without metrics: that day's limit is not known, so no floor line rather than today's.
    expect(calls('setData', 1).at(-1)).toEqual([{ time: 1741705200 }, { time: 1741705210 }]);
    expect(screen.getByText('Equity 2025-03-11')).toBeDefined();
    chartLog.calls.length = 0;
    vi.useFakeTimers();
    act(() => {
      host.stores.view.getState().receive(stateAt('2025-03-12T15:30:01.000Z', '49800.00', 2));
      vi.advanceTimersByTime(DRAW_EVERY_MS);
    });
    expect(chartLog.calls).toEqual([]);
    vi.useRealTimers();
    fireEvent.click(screen.getByTestId('equity-today'));
    expect(calls('setData', 0).at(-1)).toEqual([
      { time: 1741793400, value: 49912.5 },
      { time: 1741793401, value: 49800 },
    ]);
    expect(chartLog.charts).toBe(2);
  });

  it('say so when the stored equity cannot be had, and keep drawing live', async () => {
    renderWithState(stateAt('2025-03-12T15:30:00.000Z', '49912.50', 1), {
      ui: <EquityCharts accountId="SIM-50K" />,
      handlers: { getHistory: () => ({ ok: false, error: 'store closed' }) },
    });
    await settle();
    expect(screen.getByTestId('equity-note').textContent).toBe('Stored equity not available: store closed');
    expect(calls('setData', 0)).toEqual([[{ time: 1741793400, value: 49912.5 }]]);
  });
});
