// The foundation's end-to-end path in real Chromium: open the served UI, buy on the simulator, watch the position
// and its P&L move, flatten all, and see the account flat.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir } from '../helpers/browser';
import type { Served } from '../helpers/serve';
import { buyWithTicket, openServedPage } from '../helpers/served-page';

let served: Served;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  ({ served, page, close } = await openServedPage());
});

afterAll(() => close());

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
    await buyWithTicket(page, { symbol: 'MNQ', qty: 2 });
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
