// The history screens in Chromium: a trade is closed at a loss past the daily limit, Warden flattens; the
// history screen (`?screen=history`) shows the breach in the timeline with its detail, the day's summary, the
// closed trade and the breakdown, and exports the trades as CSV. Not yet part of the suite (WARDEN_HISTORY_E2E=1
// runs it): inside the tabbed app shell the breach row's click does not settle within the poll (see the note).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { serveInProcess, type Served } from '../helpers/serve';

describe.skipIf(process.env.WARDEN_HISTORY_E2E === undefined)('the history screens', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    served = await serveInProcess({
      config:
        'accounts:\n  SIM-50K:\n    startingBalance: 50000\n    rules:\n      dailyLoss: { amount: 300 }\n',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser.close();
    await served.stop();
  });

  // Equity is sampled every 10 s, so this test waits for one sample after the breach.
  it(
    'shows the breach, the day, the trade and the breakdown, and exports the trades',
    { timeout: 120_000 },
    async () => {
      await page.goto(served.server.url);
      await page.getByTestId('account-SIM-50K').waitFor();
      served.broker.setPrice('ES', '6000.00');
      await page.getByTestId('ticket-symbol').selectOption('ES');
      await page.getByTestId('ticket-qty').fill('1');
      await page.getByTestId('ticket-buy').click();
      await page.getByTestId('position-ES').waitFor();
      served.broker.setPrice('ES', '5994.00');
      served.broker.setPrice('ES', '5993.75');
      await page.getByTestId('positions-empty').waitFor({ timeout: 10_000 });

      await page.goto(`${served.server.url}&screen=history`);
      await page.getByTestId('history-screen').waitFor();
      await page.getByTestId('history-account').selectOption('SIM-50K');
      const breach = page.getByTestId('timeline-breach').first();
      await breach.waitFor({ timeout: 10_000 });
      expect(await breach.textContent()).toMatch(/flatten/i);
      // Equity is sampled every 10 s: refresh until a sample after the breach is there.
      await expect
        .poll(
          async () => {
            await page.getByTestId('history-refresh').click();
            await page.getByTestId('history-refresh').isEnabled();
            await page.getByTestId('timeline-breach').first().click();
            return page.getByTestId('breach-equity-after').count();
          },
          { timeout: 30_000, interval: 2000 },
        )
        .toBe(1);
      const detail = page.getByTestId('breach-detail');
      expect(await page.getByTestId('breach-after').textContent()).toMatch(/^-/);
      expect(await detail.getByTestId('breach-trades').textContent()).toContain('ES');
      expect(await page.getByTestId('breach-equity-after').textContent()).toMatch(/^-/);
      await detail.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, 'e2e-history-breach.png'), fullPage: true });

      await page.getByTestId('history-tab-days').click();
      const day = page.getByTestId('history-day-row').first();
      expect(await day.textContent()).toContain('SIM-50K');
      await page.getByTestId('history-tab-trades').click();
      expect(await page.getByTestId('history-trade-row').count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('history-trade-row').first().textContent()).toContain('ES');
      await page.getByTestId('history-tab-breakdown').click();
      await page.getByTestId('breakdown-symbol').waitFor();
      await page.screenshot({ path: join(artifactsDir, 'e2e-history-breakdown.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('history-export-trades-csv').click(),
      ]);
      expect(download.suggestedFilename()).toBe('warden-trades-SIM-50K-30d.csv');
      const path = await download.path();
      const text = readFileSync(path, 'utf8');
      expect(text.split('\r\n')[0]).toBe(
        'account,day,openedAt,closedAt,symbol,side,qty,entryPrice,exitPrice,netPnl,fees,mfe,mae,tag',
      );
      expect(text).toContain(',ES,long,1,');
    },
  );
});
