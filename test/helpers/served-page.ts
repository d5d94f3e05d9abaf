// An end-to-end test's world: `warden serve` in-process (the real core, store and simulator) and one Chromium
// page on it; and the order ticket driven as a trader would.
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { serveInProcess, type Served } from './serve';

type PageOptions = { viewport?: { width: number; height: number }; acceptDownloads?: boolean };

export async function openServedPage(
  serve: Parameters<typeof serveInProcess>[0] = {},
  pageOptions: PageOptions = {},
): Promise<{ served: Served; page: Page; close: () => Promise<void> }> {
  const served = await serveInProcess(serve);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, ...pageOptions });
  return {
    served,
    page,
    close: async () => {
      await browser.close();
      await served.stop();
    },
  };
}

/** Buys `qty` of `symbol` at the market through the ticket (with a protective stop when given). */
export async function buyWithTicket(
  page: Page,
  order: { symbol: string; qty: number; stopLoss?: string },
): Promise<void> {
  await page.getByTestId('ticket-symbol').selectOption(order.symbol);
  await page.getByTestId('ticket-qty').fill(String(order.qty));
  if (order.stopLoss !== undefined) await page.getByTestId('ticket-stoploss').fill(order.stopLoss);
  await page.getByTestId('ticket-buy').click();
}
