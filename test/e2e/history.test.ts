// The history screens in Chromium: a trade with a protective stop goes against the daily limit, Warden flattens;
// the History tab shows each level change with its figures, the trailing stop's life and the flatten in the
// timeline, the breach detail (its figures, the P&L around it), the day's summary, the closed trade with its R
// multiple and the breakdown, and exports the trades as CSV. Screenshots in test/artifacts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir } from '../helpers/browser';
import type { Served } from '../helpers/serve';
import { buyWithTicket, openServedPage } from '../helpers/served-page';

let served: Served;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  // The market stands still between the test's own prices, so the figures below are exact: the fill buys at the
  // ask (6000.25) with 1.40 of fees; at 5994.00 the loss is 313.90 (critical, a breach not yet confirmed), at
  // 5993.75 it is 326.40, the second breaching quote, which flattens. The trailing stop never activates.
  ({ served, page, close } = await openServedPage(
    {
      stillMarket: true,
      config: [
        'accounts:',
        '  SIM-50K:',
        '    startingBalance: 50000',
        '    rules:',
        '      dailyLoss: { amount: 300 }',
        '      trailingStop: { activateAfterTicks: 40, trailTicks: 8 }',
        '',
      ].join('\n'),
    },
    { acceptDownloads: true },
  ));
});

afterAll(() => close());

const text = (testId: string) => page.getByTestId(testId).first().textContent();

describe('the history screens', () => {
  it(
    'a breach: the timeline with figures, the detail and the P&L around it',
    { timeout: 120_000 },
    async () => {
      await page.goto(served.server.url);
      await page.getByTestId('account-SIM-50K').waitFor();
      served.broker.setPrice('ES', '6000.00');
      await buyWithTicket(page, { symbol: 'ES', qty: 1, stopLoss: '5990.00' });
      await page.getByTestId('position-ES').waitFor();
      // The bracket's stop is working before the market moves: it fixes the trade's initial risk.
      await expect
        .poll(() => served.core.view().accounts[0]?.orders.map((order) => [order.kind, order.stopPrice]))
        .toEqual([['stop', '5990']]);
      served.broker.setPrice('ES', '5994.00');
      served.broker.setPrice('ES', '5993.75');
      await page.getByTestId('positions-empty').waitFor({ timeout: 10_000 });

      await page.getByTestId('tab-history').click();
      await page.getByTestId('history-screen').waitFor();
      await page.getByTestId('history-account').selectOption('SIM-50K');
      const breach = page.getByTestId('timeline-breach').filter({ hasText: 'flatten:' });
      await breach.waitFor({ timeout: 10_000 });
      const whats = async () =>
        page.locator('[data-testid="timeline-row"] td.history-what').allTextContents();
      await expect
        .poll(whats, { timeout: 10_000 })
        .toEqual(
          expect.arrayContaining([
            'dailyLoss critical: 313.90 of 300.00 (critical at 285.00)',
            'dailyLoss breach: 326.40 of 300.00 (breach at 300.00)',
            'trailingStop add',
            'trailingStop remove',
          ]),
        );
      expect(await breach.textContent()).toBe('flatten: dailyLoss: daily loss 326.4 reached 300');

      // Open the breach once; it stays open while the screen is refreshed until an equity sample after it is
      // there (equity is sampled every 10 s).
      await breach.click();
      const detail = page.getByTestId('breach-detail');
      await detail.waitFor();
      expect(await breach.getAttribute('aria-expanded')).toBe('true');
      expect(await text('breach-level')).toBe('dailyLoss breach: 326.40 of 300.00 (breach at 300.00)');
      await expect
        .poll(
          async () => {
            await page.getByTestId('history-refresh').click();
            return page.getByTestId('breach-equity-after').count();
          },
          { timeout: 40_000, interval: 2000 },
        )
        .toBe(1);
      expect(await breach.getAttribute('aria-expanded')).toBe('true');
      expect(await text('breach-after')).toMatch(/^-\d/);
      expect(await detail.getByTestId('breach-trades').textContent()).toContain('ES');
      expect(await text('breach-equity-after')).toMatch(/^-\d/);

      await page.getByTestId('timeline-table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, 'e2e-history-timeline.png'), fullPage: true });
      // Nothing spills sideways: the panel does not scroll, and no cell's text runs past its cell.
      const spill = await page.evaluate(() => {
        const panel = document.querySelector('.history-panel');
        const cells = [...document.querySelectorAll('[data-testid="timeline-table"] td')];
        return {
          panel: panel === null ? -1 : panel.scrollWidth - panel.clientWidth,
          cells: cells
            .filter((cell) => cell.scrollWidth > cell.clientWidth)
            .map((cell) => `${cell.textContent} ${cell.scrollWidth} > ${cell.clientWidth}`),
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(spill).toEqual({ panel: 0, cells: [], page: 0 });
      await detail.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, 'e2e-history-breach.png') });
    },
  );

  it('the day, the trade with its R multiple, the breakdown, and the trades as CSV', async () => {
    await page.getByTestId('history-tab-days').click();
    expect(await text('history-day-row')).toContain('SIM-50K');
    await page.getByTestId('history-tab-trades').click();
    expect(await page.getByTestId('history-trade-row').count()).toBe(1);
    expect(await text('history-trade-row')).toContain('ES');
    await page.screenshot({ path: join(artifactsDir, 'e2e-history-trades.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('history-export-trades-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('warden-trades-SIM-50K-30d.csv');
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      'account,day,openedAt,closedAt,symbol,side,qty,entryPrice,exitPrice,netPnl,fees,mfe,mae,initialRisk,rMultiple,tag',
    );
    const row = (lines[1] ?? '').split(',');
    expect(row.slice(4, 8)).toEqual(['ES', 'long', '1', '6000.25']);
    // The stop at 5990.00 risked 10.25 points × 50 = 512.50; R is the net P&L in those units, to 4 places.
    const netPnl = row[9] ?? '';
    expect(row[13]).toBe('512.5');
    expect(row[14]).toBe(new Decimal(netPnl).div('512.5').toDecimalPlaces(4).toFixed());
    expect(await text('history-trade-r')).toBe(`${row[14] ?? ''}R`);

    await page.getByTestId('history-tab-breakdown').click();
    await page.getByTestId('breakdown-symbol').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'e2e-history-breakdown.png') });
  });
});
