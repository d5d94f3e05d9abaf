// The what-if on the Rules screen against `warden serve` on the simulator, in Chromium, over a generated month of
// an account's trading (test/integration/whatif/month.ts) journaled into the data dir before the core starts, the
// core's clock running from the month's last afternoon. The trader tightens the daily loss to 600 on the screen,
// runs the what-if on the last 30 days and reads the figures the core's what-if gives on the same database (the
// CLI's, test/integration/whatif/core-what-if.test.ts); an edit marks the result as for the rules as they were,
// and a second run shows the looser rules. A screenshot of the result in test/artifacts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../main/platform/clock';
import { artifactsDir } from '../helpers/browser';
import type { Served } from '../helpers/serve';
import { openServedPage } from '../helpers/served-page';
import { ACCOUNT, journalMonth, kindOf, MONTH_END } from '../integration/whatif/month';

let served: Served;
let page: Page;
let close: () => Promise<void>;

/** The system clock moved back to 30 April 2026, 16:45 in Chicago, and running from there. */
function clockFromMonthEnd(): Clock {
  const offset = MONTH_END - Date.now();
  return { ...systemClock, now: () => Date.now() + offset };
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-e2e-whatif-'));
  journalMonth(join(dataDir, 'warden.db'));
  ({ served, page, close } = await openServedPage(
    {
      dataDir,
      clock: clockFromMonthEnd(),
      stillMarket: true,
      config: ['accounts:', `  ${ACCOUNT}:`, '    rules:', '      dailyLoss: { amount: 3000 }', ''].join(
        '\n',
      ),
    },
    { viewport: { width: 1440, height: 1100 } },
  ));
});

afterAll(() => close());

/** Each day row's cells as the trader reads them (the rules fired first joined by "; "). */
function rowsOf(testId: string): Promise<string[][]> {
  return page.getByTestId(testId).evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        const items = [...cell.querySelectorAll('li')].map((item) => item.textContent);
        return items.length === 0 ? cell.textContent : items.join('; ');
      }),
    ),
  );
}

/** The element whole, as on a page without the header kept on top (the page is taller than the window). */
async function screenshotOf(testId: string, file: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  const box = await page.getByTestId(testId).boundingBox();
  if (box === null) throw new Error(`${testId} is not shown`);
  await page.screenshot({ path: join(artifactsDir, file), fullPage: true, clip: box });
}

const summary = () =>
  page
    .getByTestId('what-if-summary')
    .textContent({ timeout: 100 })
    .catch(() => null);
const april = (day: number) => `2026-04-${String(day).padStart(2, '0')}`;

describe('the what-if on the Rules screen', () => {
  it('replays the month through the rules as edited and shows, day by day, what they would have done', async () => {
    await page.goto(served.server.url);
    await page.getByTestId('tab-rules').click();
    await page.getByTestId('rule-editor').waitFor();
    await page.getByTestId('rules-account').selectOption(ACCOUNT);
    await page.getByTestId('rule-dailyLoss-amount').fill('600');

    const panel = page.getByTestId('what-if');
    expect(await panel.getByRole('heading').textContent()).toBe('What would these rules have done?');
    expect(await page.getByTestId('what-if-days').inputValue()).toBe('30');
    await page.getByTestId('what-if-run').click();
    // The progress while it runs (the first poll comes 250 ms after the core has counted the rows).
    const bar = page.getByRole('progressbar', { name: 'What-if progress' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toMatch(
      /^(Reading the journal…|[\d,]+ of [\d,]+ events)$/,
    );

    // The core's figures on the same month (test/integration/whatif/core-what-if.test.ts explains them): a daily
    // loss of 600 warns at the −554 quote and stops the recovering and crashing days at the second breaching quote
    // (993.50: 09:22 and 09:12 in Chicago), −658 each instead of −116 and −2,008.
    await expect
      .poll(summary, { timeout: 30_000 })
      .toBe(
        'With these rules you would have been stopped on 11 days and finished -3,486.00 instead of -6,984.00.',
      );
    const rows = await rowsOf('what-if-day');
    expect(rows.length).toBe(30);
    expect(rows[0]).toEqual(['2026-04-01', '+596.00', '+596.00', '0.00', '—', '—']);
    const stoppedDays = Array.from({ length: 29 }, (_, i) => i + 2).filter((d) =>
      ['crash', 'recovering'].includes(kindOf(d)),
    );
    const changed = rows.filter((row) => row[0]?.endsWith(' changed'));
    expect(changed).toEqual(
      stoppedDays.map((d) =>
        kindOf(d) === 'crash'
          ? [
              `${april(d)} changed`,
              '-2,008.00',
              '-658.00',
              '+1,350.00',
              '09:12',
              'Daily loss warning at 08:52',
            ]
          : [`${april(d)} changed`, '-116.00', '-658.00', '-542.00', '09:22', 'Daily loss warning at 09:02'],
      ),
    );
    expect(await rowsOf('what-if-total')).toEqual([
      ['Total', '-6,984.00', '-3,486.00', '+3,498.00', '11 of 30 days', '11 days changed'],
    ]);
    await screenshotOf('what-if', 'e2e-what-if-result.png');

    // An edit after the result: it is for the rules as they were, until run again.
    await page.getByTestId('rule-dailyLoss-amount').fill('3000');
    await page.getByTestId('what-if-stale').waitFor();
    expect(await page.getByTestId('what-if-result').getAttribute('data-stale')).toBe('true');
    await page.getByTestId('what-if-run').click();
    await expect
      .poll(summary, { timeout: 30_000 })
      .toBe('With these rules nothing would have changed in the last 30 days: you finished -6,984.00.');
    expect(await page.getByTestId('what-if-stale').count()).toBe(0);
    expect(await page.locator('[data-testid="what-if-day"][data-changed="true"]').count()).toBe(0);
  });
});
