// `warden serve --broker projectx` in real Chromium against the fake gateway: no credentials at first (the screen
// says so and offers the login form), the trader enters them with custom URLs, Warden connects, and a fill on the
// gateway shows up as a position with its P&L. The API key never reaches the page.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CREDENTIALS, startFakeGateway, type FakeGateway } from '../fakes/projectx-gateway/server';
import { ACCOUNT_ID, MNQ, seedDemo } from '../fakes/projectx-gateway/seed';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { serveProjectX } from '../helpers/serve';

let gateway: FakeGateway;
let warden: Awaited<ReturnType<typeof serveProjectX>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  gateway = await startFakeGateway();
  seedDemo(gateway.model);
  warden = await serveProjectX();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser.close();
  await warden.stop();
  await gateway.stop();
});

const text = async (testId: string) => (await page.getByTestId(testId).first().textContent())?.trim() ?? '';

describe('guarding a ProjectX account from the browser', () => {
  it('says it is not connected and offers the login form', async () => {
    await page.goto(warden.server.url);
    await page.getByTestId('credentials-form').waitFor({ timeout: 10_000 });
    expect(await text('connection-status')).toMatch(/not connected/i);
  });

  it('logs in with custom URLs, connects, and shows a fill made on the gateway as a position', async () => {
    await page.getByTestId('credentials-user').fill(FAKE_CREDENTIALS.userName);
    await page.getByTestId('credentials-key').fill(FAKE_CREDENTIALS.apiKey);
    await page.getByTestId('credentials-env').selectOption('custom');
    await page.getByTestId('credentials-api-url').fill(gateway.url);
    await page.getByTestId('credentials-rtc-url').fill(gateway.url);
    await page.getByTestId('credentials-submit').click();
    await expect
      .poll(() => text('connection-status'), { timeout: 15_000 })
      .toMatch(/^ProjectX\s*connected$/i);
    await page.getByTestId(`account-${ACCOUNT_ID}`).waitFor();

    gateway.fill(ACCOUNT_ID, MNQ, 0, 2, 21450);
    const row = page.getByTestId(`position-${MNQ}`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('position-qty').textContent()).toMatch(/Long 2/);
    // No order ticket and no demo switch: Warden places no orders at a real broker.
    expect(await page.getByTestId('ticket-buy').count()).toBe(0);
    // (21460 − 21450) × 2 contracts × 2 per point
    // The market hub subscribes to the contract once the position exists: quote until the screen shows it.
    await expect
      .poll(async () => {
        gateway.quote(MNQ, { bestBid: 21460, bestAsk: 21460.25, lastPrice: 21460 });
        return (await row.getByTestId('position-pnl').textContent()) ?? '';
      })
      .toContain('40.00');
    expect(await page.content()).not.toContain(FAKE_CREDENTIALS.apiKey);
    await page.screenshot({ path: join(artifactsDir, 'e2e-projectx-connected.png') });
  });
});
