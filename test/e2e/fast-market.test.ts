// The UI keeps up with a fast market: 20 state pushes per second with 100 open positions (the preview's fake
// core), measured in Chromium over 5 s with requestAnimationFrame intervals and long tasks. The numbers are
// written to test/artifacts/frame-timing.json.
import { writeFileSync } from 'node:fs';
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
  it('renders 20 pushes/s with 100 positions without long tasks or dropped frames', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await installFrameProbe(page);
    await page.goto(preview.url);
    await page.getByTestId('position-X099').waitFor();
    expect(await page.locator('[data-testid^="position-X"]').count()).toBe(100);
    await page.waitForTimeout(1000);
    const timing = await measureFrames(page, 5000, 'metric-equity');
    writeFileSync(join(artifactsDir, 'frame-timing.json'), `${JSON.stringify(timing, null, 2)}\n`);
    console.log('frame timing, 20 pushes/s, 100 positions:', JSON.stringify(timing));
    await page.screenshot({ path: join(artifactsDir, 'e2e-fast-market.png') });
    // Every push changes equity; at least 90% of the 100 pushes in 5 s reach the screen.
    expect(timing.updates).toBeGreaterThanOrEqual(90);
    expect(timing.longTaskMaxMs).toBeLessThan(100);
    expect(timing.droppedFrames / timing.frames).toBeLessThan(0.05);
  });
});
