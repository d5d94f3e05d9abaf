// The live equity feed draws at most once a second, and once stopped draws nothing more (the charts may be gone).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAW_EVERY_MS, followLive } from '../../../renderer/src/features/charts/equity-feed';
import type { EquityChartsHandle } from '../../../renderer/src/features/charts/equity-series';
import type { EquityHistory, EquityPoint } from '../../../renderer/src/state';

const point = (time: number): EquityPoint => ({
  time,
  equity: '50000',
  dailyLossFloor: '49000',
  trailingThreshold: null,
  drawdown: '0',
});

/** A history with one account's listener, fed by hand; and charts that note what they were asked to draw. */
function world() {
  let listener: ((point: EquityPoint, replaced: boolean) => void) | null = null;
  const equity = {
    points: () => [],
    subscribe: (_account: string, next: (point: EquityPoint, replaced: boolean) => void) => {
      listener = next;
      return () => {
        listener = null;
      };
    },
  } as unknown as EquityHistory;
  const drawn: number[] = [];
  const charts: EquityChartsHandle = {
    fill: () => undefined,
    put: (p) => drawn.push(p.time),
    remove: () => undefined,
  };
  const push = (p: EquityPoint, replaced = false) => listener?.(p, replaced);
  return { equity, charts, drawn, push };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('followLive', () => {
  it('draws a second once its next second begins, and the newest after the interval', () => {
    const { equity, charts, drawn, push } = world();
    const stop = followLive(charts, equity, 'SIM-50K');
    push(point(100));
    push(point(100), true);
    expect(drawn).toEqual([]);
    push(point(101));
    expect(drawn).toEqual([100]);
    vi.advanceTimersByTime(DRAW_EVERY_MS);
    expect(drawn).toEqual([100, 101]);
    stop();
  });

  it('draws nothing after it is stopped, even when a point was drawn early before', () => {
    const { equity, charts, drawn, push } = world();
    const stop = followLive(charts, equity, 'SIM-50K');
    push(point(100));
    push(point(101));
    expect(drawn).toEqual([100]);
    stop();
    vi.advanceTimersByTime(10 * DRAW_EVERY_MS);
    expect(drawn).toEqual([100]);
  });
});
