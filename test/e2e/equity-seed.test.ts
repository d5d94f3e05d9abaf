// The equity chart after a reload, in Chromium over the real core: it starts from the day's stored samples (not
// empty) with the daily-loss floor and trailing threshold they kept, takes the live points after them, and an
// earlier day can be picked beside it. The core samples every
// 500 ms here (10 s by default) so the store holds a curve within a few seconds; the chart keeps one point a second.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryView } from '../../shared/ipc';
import type { Served } from '../helpers/serve';
import { openServedPage } from '../helpers/served-page';

let served: Served;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  ({ served, page, close } = await openServedPage({ sampleEveryMs: 500 }));
});

afterAll(() => close());

async function storedToday(): Promise<NonNullable<HistoryView['equityDay']>> {
  const url = new URL('/api/history?account=SIM-50K&days=1&equityDay=today', served.server.url);
  const response = await fetch(url, { headers: { authorization: `Bearer ${served.token}` } });
  expect(response.status).toBe(200);
  const day = ((await response.json()) as HistoryView).equityDay;
  if (day === undefined) throw new Error('no equityDay in the history answer');
  return day;
}

const seconds = (samples: { t: string }[]) => [
  ...new Set(samples.map((sample) => Math.floor(Date.parse(sample.t) / 1000))),
];

/** How many points the chart drew after the reload, for the second test. */
let drawnAfterReload = 0;

const chartData = async () => {
  const box = page.getByTestId('equity-chart');
  return {
    points: Number(await box.getAttribute('data-points')),
    firstTime: Number(await box.getAttribute('data-first-time')),
    firstFloor: await box.getAttribute('data-first-floor'),
    firstThreshold: await box.getAttribute('data-first-threshold'),
  };
};

describe('the equity chart after a reload', () => {
  it("starts from today's stored samples, their floor and threshold lines included, and goes on live", async () => {
    await page.goto(served.server.url);
    await page.getByTestId('account-SIM-50K').waitFor();
    await expect
      .poll(async () => seconds((await storedToday()).samples).length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(4);
    const stored = await storedToday();
    const storedSeconds = seconds(stored.samples);
    // The default config's prop50k preset: day start 50,000 − 1,000 daily loss; 50,000 − 2,000 end-of-day trailing.
    const first = stored.samples
      .filter((s) => Math.floor(Date.parse(s.t) / 1000) === storedSeconds[0])
      .at(-1);
    expect([first?.metrics?.dailyLossFloor, first?.metrics?.trailingThreshold]).toEqual(['49000', '48000']);

    await page.reload();
    await page.getByTestId('account-SIM-50K').waitFor();
    // Live pushes alone would start at the reload; the stored samples reach back to before the page first opened,
    // and the first (stored) point draws the floor and threshold the sample kept.
    await expect
      .poll(chartData, { timeout: 10_000 })
      .toMatchObject({ firstTime: storedSeconds[0], firstFloor: '49000', firstThreshold: '48000' });
    const seeded = await chartData();
    expect(seeded.points).toBeGreaterThanOrEqual(storedSeconds.length);
    expect(await page.getByTestId('equity-day').inputValue()).toBe(stored.day);
    await expect
      .poll(async () => (await chartData()).points, { timeout: 10_000 })
      .toBeGreaterThan(seeded.points);
    drawnAfterReload = (await chartData()).points;
  });

  it('shows an earlier day from the store, and today again', async () => {
    const day = page.getByTestId('equity-day');
    const today = await day.inputValue();
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await day.fill(yesterday);
    await page.getByTestId('equity-note').waitFor();
    expect(await page.getByTestId('equity-note').textContent()).toBe(`No equity stored for ${yesterday}`);
    expect((await chartData()).points).toBe(0);
    await page.getByTestId('equity-today').click();
    await expect.poll(async () => (await chartData()).points).toBeGreaterThanOrEqual(drawnAfterReload);
    expect(await day.inputValue()).toBe(today);
  });
});
