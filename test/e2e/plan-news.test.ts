// Plans and news in Chromium, over the preview's fixture core standing still (scripts/preview-ui.ts, scenario
// `plan`): the overview's "Cap left today" column, the plan strip of an account with room under today's cap and
// of one over it, the news panel counting down on the core's clock, and the table's headers whole at 1920 px with
// the detail beside it. Screenshots in test/artifacts.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview-ui';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { rendererDir } from '../helpers/serve';

let preview: PreviewServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // An hour between pushes: the figures stay the fixture's, exactly.
  preview = await startPreviewServer({ dir: rendererDir, scenario: 'plan', intervalMs: 3_600_000 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(preview.url);
  await page.getByTestId('overview-table').waitFor();
});

afterAll(async () => {
  await browser.close();
  await preview.close();
});

const text = (testId: string) => page.getByTestId(testId).first().textContent();
const inRow = (account: string, testId: string) =>
  page.getByTestId(`overview-row-${account}`).getByTestId(testId).textContent();

describe('plans and news in Chromium', () => {
  it("shows each account's cap left today in the overview, a dash without a plan", async () => {
    const headers = await page.locator('[data-testid="overview-table"] thead th').allTextContents();
    expect(headers).toContain('Cap left today');
    expect(await inRow('SIM-50K', 'overview-cap')).toBe('412.50');
    expect(await inRow('TS-50K-2', 'overview-cap')).toBe('0.00');
    expect(await inRow('PA-150K-7', 'overview-cap')).toBe('—');
  });

  it('keeps every column header whole and the detail beside the table at 1920 px', async () => {
    const cut = await page
      .locator('[data-testid="overview-table"] thead th')
      .evaluateAll((cells) =>
        cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
      );
    expect(cut).toEqual([]);
    const table = await page.getByTestId('overview-table').boundingBox();
    const detail = await page.getByTestId('overview-detail').boundingBox();
    if (table === null || detail === null) throw new Error('not laid out');
    expect(detail.x).toBeGreaterThan(table.x + table.width);
  });

  it("draws the plan strip of an account with room under today's cap", async () => {
    await page.getByTestId('overview-row-SIM-50K').click();
    const strip = page.getByTestId('account-SIM-50K').getByTestId('plan-strip');
    await strip.waitFor();
    expect(await text('plan-target-text')).toBe('707.50 of 3,000.00 · 2,292.50 to go');
    expect(await text('plan-consistency-today')).toBe('+147.50 of 560.00 today');
    expect(await text('plan-consistency-sentence')).toBe(
      'You can make 412.50 more today and stay within 50%',
    );
    expect(await text('plan-contracts')).toBe('2 contracts today · 3 from +1,500.00 banked');
    expect(await text('plan-days')).toBe('3 of 5 minimum');
    // Each item within the strip, none cut off.
    const box = await strip.boundingBox();
    const items = await strip.locator('.plan-item').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { right: r.right, overflows: el.scrollWidth > el.clientWidth };
      }),
    );
    if (box === null) throw new Error('not laid out');
    for (const item of items) {
      expect(item.overflows).toBe(false);
      expect(item.right).toBeLessThanOrEqual(box.x + box.width);
    }
    await strip.screenshot({ path: join(artifactsDir, 'e2e-plan-strip.png') });
    await page.screenshot({ path: join(artifactsDir, 'e2e-plan-dashboard.png'), fullPage: true });
  });

  it('turns the strip red for an account over its cap, with the profit other days must add', async () => {
    await page.getByTestId('overview-row-TS-50K-2').click();
    const consistency = page.getByTestId('account-TS-50K-2').getByTestId('plan-consistency');
    await consistency.waitFor();
    expect(await consistency.getAttribute('class')).toBe('plan-item plan-consistency limit-breach');
    expect(await text('plan-consistency-sentence')).toBe(
      'Over the 50% cap: profit needed on other days: 140.00',
    );
    // The strip says it; the limit bars do not draw the cap again.
    expect(await page.getByTestId('limit-consistency').count()).toBe(0);
    await page.getByTestId('plan-strip').screenshot({ path: join(artifactsDir, 'e2e-plan-strip-over.png') });
  });

  it('counts down to the next news windows on the core clock, the one in force in amber', async () => {
    const windows = () => page.getByTestId('news-window').allTextContents();
    const [inForce, nfp, ecb] = await windows();
    expect(inForce).toMatch(/^Fed Chair Powell Speaks · USD High · in blackout until \d\d:\d\d$/);
    expect(nfp).toMatch(/^NFP · USD High · flattens in 1[0-4]m \d\ds$/);
    expect(ecb).toMatch(/^ECB Press Conference · EUR High · blackout in 2h 1\dm \d\ds$/);
    await expect.poll(async () => (await windows())[1], { timeout: 5000 }).not.toBe(nfp);
    const amber = await page
      .getByTestId('news-window')
      .first()
      .locator('.news-when')
      .evaluate((el) => getComputedStyle(el).color);
    expect(amber).toBe('rgb(245, 185, 66)'); // --warn
    expect(await text('news-calendar')).toBe('News calendar updated 3 h ago');
    await page.getByTestId('news-panel').screenshot({ path: join(artifactsDir, 'e2e-news-panel.png') });
  });
});
