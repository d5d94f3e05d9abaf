// The UI keeps up with a fast market: 20 state pushes per second with 100 open positions (the preview's fake
// core), measured in Chromium over 5 s with requestAnimationFrame intervals and long tasks. The numbers are
// written to test/artifacts/frame-timing.json.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

describe('a fast market', () => {
  it('renders 20 pushes/s with 100 positions: every push on screen, frames kept', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await installFrameProbe(page);
    await page.goto(preview.url);
    await page.getByTestId('position-X099').waitFor();
    expect(await page.locator('[data-testid^="position-X"]').count()).toBe(100);
    await page.waitForTimeout(1000);
    const timing = await measureFrames(page, 5000, 'metric-equity');
    // The machine is shared: the load says how much of the CPU Chromium could have had.
    const machine = { cores: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
    writeFileSync(
      join(artifactsDir, 'frame-timing.json'),
      `${JSON.stringify({ ...timing, machine }, null, 2)}\n`,
    );
    console.log('frame timing, 20 pushes/s, 100 positions:', JSON.stringify({ ...timing, machine }));
    await page.screenshot({ path: join(artifactsDir, 'e2e-fast-market.png') });
    // Every push changes equity; at least 90% of the 100 pushes in 5 s reach the screen. The frame bounds hold
    // on 2 cores shared with other work (load 4-6): an idle machine draws 58-60 fps with no long task; React's
    // development build or an auto-sized table here gave 5-30 fps with long tasks of 140-430 ms.
    expect(timing.updates).toBeGreaterThanOrEqual(90);
    expect(timing.longTaskMaxMs).toBeLessThan(200);
    expect(timing.fps).toBeGreaterThanOrEqual(20);
  });
});
