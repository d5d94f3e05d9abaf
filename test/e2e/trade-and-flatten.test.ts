// The foundation's end-to-end path in real Chromium: open the served UI, buy on the simulator, watch the position
// and its P&L move, flatten all, and see the account flat.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { serveInProcess, type Served } from '../helpers/serve';

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveInProcess();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser.close();
  await served.stop();
});

const text = async (testId: string) => (await page.getByTestId(testId).first().textContent())?.trim() ?? '';

describe('trading the simulator from the browser', () => {
  it('shows the 50,000 demo account, connected', async () => {
    await page.goto(served.server.url);
    await expect.poll(() => text('connection-status')).toMatch(/connected/i);
    const card = page.getByTestId('account-SIM-50K');
    await card.waitFor();
    expect(await card.getByTestId('metric-balance').textContent()).toContain('50,000.00');
  });

  it('buys 2 MNQ at market and shows the position with live P&L', async () => {
    await page.getByTestId('ticket-symbol').selectOption('MNQ');
    await page.getByTestId('ticket-qty').fill('2');
    await page.getByTestId('ticket-buy').click();
    const row = page.getByTestId('position-MNQ');
    await row.waitFor({ timeout: 5000 });
    expect(await row.getByTestId('position-qty').textContent()).toMatch(/Long 2/);

    const position = () => served.core.view().accounts[0]?.positions.find((p) => p.symbol === 'MNQ');
    const firstPnl = position()?.unrealizedPnl;
    await expect.poll(() => position()?.unrealizedPnl, { timeout: 20_000 }).not.toBe(firstPnl);
    const pnl = position()?.unrealizedPnl ?? '';
    const shown = Number(pnl).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await expect
      .poll(async () => (await row.getByTestId('position-pnl').textContent()) ?? '', { timeout: 5000 })
      .toContain(shown.replace('-', ''));
    await page.screenshot({ path: join(artifactsDir, 'e2e-position-open.png') });
  });

  it('flattens all after a deliberate confirm and shows the account flat', async () => {
    await page.getByTestId('flatten-all').click();
    await page.getByRole('dialog').waitFor();
    expect(served.core.view().accounts[0]?.positions).toHaveLength(1);
    await page.getByTestId('flatten-confirm').click();
    await page.getByTestId('positions-empty').waitFor({ timeout: 10_000 });
    const account = served.core.view().accounts[0];
    expect(account?.positions).toEqual([]);
    expect(account?.orders).toEqual([]);
    expect(account?.metrics.unrealizedPnl).toBe('0');
    expect(await text('metric-unrealizedPnl')).toMatch(/^\+?0\.00$/);
    await page.screenshot({ path: join(artifactsDir, 'e2e-flat.png') });
  });
});
