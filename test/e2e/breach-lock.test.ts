// A breach seen on the screen: the market moves against a position until the daily loss limit is confirmed;
// Warden flattens, the account shows HALTED with its reason and a live countdown, and the ticket is disabled.
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
  ({ served, page, close } = await openServedPage({
    // Prices move only by setPrice: a walking market could fill the buy a few ticks lower, short of the limit.
    stillMarket: true,
    config:
      'accounts:\n  SIM-50K:\n    startingBalance: 50000\n    rules:\n      dailyLoss: { amount: 300 }\n',
  }));
});

afterAll(() => close());

describe('a daily-loss breach on the screen', () => {
  it('flattens, shows HALTED with the reason and a countdown, and disables the ticket', async () => {
    await page.goto(served.server.url);
    await page.getByTestId('account-SIM-50K').waitFor();
    served.broker.setPrice('ES', '6000.00');
    await buyWithTicket(page, { symbol: 'ES', qty: 1 });
    await page.getByTestId('position-ES').waitFor();

    served.broker.setPrice('ES', '5994.00');
    served.broker.setPrice('ES', '5993.75');
    await expect
      .poll(async () => page.getByTestId('trading-state').textContent(), { timeout: 10_000 })
      .toMatch(/halted/i);
    await page.getByTestId('positions-empty').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('lock-reason').textContent()).toContain('dailyLoss');
    const countdown = page.getByTestId('lock-countdown');
    const first = await countdown.textContent();
    await expect.poll(async () => countdown.textContent(), { timeout: 5000 }).not.toBe(first);
    expect(await page.getByTestId('ticket-buy').isDisabled()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'e2e-halted.png') });
  });
});
