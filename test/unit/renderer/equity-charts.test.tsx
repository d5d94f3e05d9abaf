// @vitest-environment jsdom
// Live charts: the ring keeps one point per second of server time per account; the charts are created once,
// filled once, then updated per point (series.update, at most every DRAW_EVERY_MS) and never rebuilt; they are
// removed on unmount.
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEquityHistory } from '../../../renderer/src/state';
import { DRAW_EVERY_MS, EquityCharts } from '../../../renderer/src/features/charts/EquityCharts';
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
afterEach(cleanup);

function stateAt(serverTime: string, equity: string, seq: number) {
  const state = buildFixtureState({ serverTime });
  state.seq = seq;
  const account = state.accounts[0];
  if (account === undefined) throw new Error('no account');
  account.metrics.equity = equity;
  return state;
}

describe('the equity ring', () => {
  it('keeps one point per second, computes the floor from day start and the daily loss limit, and is bounded', () => {
    const history = createEquityHistory(3);
    history.record(stateAt('2025-03-12T15:30:00.200Z', '49912.50', 1));
    history.record(stateAt('2025-03-12T15:30:00.900Z', '49900.00', 2));
    expect(history.points('SIM-50K')).toEqual([
      // day start 49,900 − 147.50 = 49,752.50; floor = that − 1,000
      { time: 1741793400, equity: 49900, dailyLossFloor: 48752.5, trailingThreshold: 48210, drawdown: 97.5 },
    ]);
    for (const [i, t] of ['01', '02', '03'].entries())
      history.record(stateAt(`2025-03-12T15:30:${t}.000Z`, '49950.00', 3 + i));
    expect(history.points('SIM-50K').map((p) => p.time)).toEqual([1741793401, 1741793402, 1741793403]);
    history.record(stateAt('2025-03-12T15:29:59.000Z', '1.00', 9)); // older than the last point: ignored
    expect(history.points('SIM-50K')).toHaveLength(3);
  });

  it('takes earlier points from the store in front of the live ones', () => {
    const history = createEquityHistory();
    history.record(stateAt('2025-03-12T15:30:00.000Z', '49912.50', 1));
    const earlier = { equity: 49000, dailyLossFloor: null, trailingThreshold: null, drawdown: 0 };
    history.seed('SIM-50K', [
      { time: 1741793300, ...earlier },
      { time: 1741793400, ...earlier }, // not before the first live point: dropped
    ]);
    expect(history.points('SIM-50K').map((p) => [p.time, p.equity])).toEqual([
      [1741793300, 49000],
      [1741793400, 49912.5],
    ]);
  });
});

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
    const equityUpdates = () => chartLog.calls.filter((c) => c.series === 0).map((c) => c.data);
    // A new second draws the previous one at once; replacements within a second wait for DRAW_EVERY_MS.
    expect(equityUpdates()).toEqual([{ time: 1741793401, value: 49800 }]);
    act(() => {
      vi.advanceTimersByTime(DRAW_EVERY_MS);
    });
    vi.useRealTimers();
    expect(chartLog.charts).toBe(2);
    expect(chartLog.calls.filter((c) => c.method === 'setData')).toEqual([]);
    expect(equityUpdates()).toEqual([
      { time: 1741793401, value: 49800 },
      { time: 1741793402, value: 49650 },
    ]);
    expect(chartLog.calls.filter((c) => c.series === 3).map((c) => c.data)).toEqual([
      { time: 1741793401, value: -97.5 },
      { time: 1741793402, value: -97.5 },
    ]);
    cleanup();
    expect(chartLog.removed).toBe(2);
  });
});
