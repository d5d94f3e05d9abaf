// Frame timing in a real browser: every requestAnimationFrame interval and every long task (> 50 ms main-thread
// work, PerformanceObserver 'longtask'), installed before the page's own scripts run, read back as a summary.
import type { Page } from 'playwright-core';

export type FrameTiming = {
  seconds: number;
  frames: number;
  fps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Intervals longer than 1.5 vsync periods (at 60 Hz: > 25 ms): each is at least one frame not drawn. */
  droppedFrames: number;
  longTasks: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  /** How often the watched element's text changed (renders that reached the screen). */
  updates: number;
  /** Main-thread time per second of the window, from Chrome's Performance.getMetrics (ms per s). */
  perSecond: { scriptMs: number; styleMs: number; layoutMs: number; taskMs: number };
};

const metricNames = {
  scriptMs: 'ScriptDuration',
  styleMs: 'RecalcStyleDuration',
  layoutMs: 'LayoutDuration',
  taskMs: 'TaskDuration',
} as const;

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function mainThreadTotals(cdp: Cdp): Promise<Record<keyof typeof metricNames, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    scriptMs: value(metricNames.scriptMs),
    styleMs: value(metricNames.styleMs),
    layoutMs: value(metricNames.layoutMs),
    taskMs: value(metricNames.taskMs),
  };
}

type PerfWindow = Window & {
  __perf?: { frames: number[]; longTasks: number[]; updates: number; recording: boolean };
};

/** Call before `page.goto`. */
export async function installFrameProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const perf = { frames: [] as number[], longTasks: [] as number[], updates: 0, recording: false };
    (window as PerfWindow).__perf = perf;
    new PerformanceObserver((list) => {
      if (perf.recording) for (const entry of list.getEntries()) perf.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = 0;
    const loop = (t: number) => {
      if (perf.recording && last !== 0) perf.frames.push(t - last);
      last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** Records for `ms` while counting text changes of the element with `testId`; returns the summary. */
export async function measureFrames(page: Page, ms: number, testId: string): Promise<FrameTiming> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await mainThreadTotals(cdp);
  const raw = await page.evaluate(
    async ({ ms, testId }) => {
      const perf = (window as PerfWindow).__perf;
      if (perf === undefined) throw new Error('installFrameProbe was not called before the page loaded');
      const target = document.querySelector(`[data-testid="${testId}"]`);
      if (target === null) throw new Error(`no element ${testId}`);
      const observer = new MutationObserver(() => {
        perf.updates += 1;
      });
      observer.observe(target, { characterData: true, childList: true, subtree: true });
      perf.frames = [];
      perf.longTasks = [];
      perf.updates = 0;
      perf.recording = true;
      await new Promise((resolve) => setTimeout(resolve, ms));
      perf.recording = false;
      observer.disconnect();
      return { frames: perf.frames, longTasks: perf.longTasks, updates: perf.updates };
    },
    { ms, testId },
  );
  const after = await mainThreadTotals(cdp);
  await cdp.detach();
  const sorted = [...raw.frames].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  const total = raw.frames.reduce((sum, f) => sum + f, 0);
  return {
    seconds: round(total / 1000),
    frames: raw.frames.length,
    fps: round(raw.frames.length / (total / 1000)),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: round(sorted.at(-1) ?? 0),
    droppedFrames: raw.frames.filter((f) => f > 25).length,
    longTasks: raw.longTasks.length,
    longTaskTotalMs: round(raw.longTasks.reduce((sum, d) => sum + d, 0)),
    longTaskMaxMs: round(Math.max(0, ...raw.longTasks)),
    updates: raw.updates,
    perSecond: {
      scriptMs: round(((after.scriptMs - before.scriptMs) * 1000) / ms),
      styleMs: round(((after.styleMs - before.styleMs) * 1000) / ms),
      layoutMs: round(((after.layoutMs - before.layoutMs) * 1000) / ms),
      taskMs: round(((after.taskMs - before.taskMs) * 1000) / ms),
    },
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
