// The Notifications screen against `warden serve` on the simulator, in Chromium: the ntfy channel turned on with
// a local fake ntfy server's topic URL, applied (read back from GET /api/config as in force), and a test message
// sent from the screen reaches the fake and shows as delivered. A full-page screenshot in test/artifacts.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNotifyServer, type FakeNotifyServer } from '../fakes/notify-server';
import { artifactsDir } from '../helpers/browser';
import type { Served } from '../helpers/serve';
import { openServedPage } from '../helpers/served-page';

let served: Served;
let close: () => Promise<void>;
let page: Page;
let ntfy: FakeNotifyServer;

beforeAll(async () => {
  ntfy = await startFakeNotifyServer();
  ({ served, page, close } = await openServedPage(
    {
      stillMarket: true,
      config: [
        'accounts:',
        '  SIM-50K:',
        '    startingBalance: 50000',
        'notify:',
        '  minLevel: warning',
        '',
      ].join('\n'),
    },
    { viewport: { width: 1440, height: 1000 } },
  ));
});

afterAll(async () => {
  await close();
  await ntfy.close();
});

async function notifyInForce(): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${served.server.port}/api/config`, {
    headers: { authorization: `Bearer ${served.token}` },
  });
  return ((await response.json()) as { config: { notify?: unknown } }).config.notify;
}

describe('the Notifications screen', () => {
  it('sets the ntfy topic, applies it, and a test message reaches the topic and shows as delivered', async () => {
    await page.goto(served.server.url);
    await page.getByTestId('account-SIM-50K').waitFor();
    await page.getByTestId('tab-notifications').click();
    await page.getByTestId('notifications').waitFor();

    await page.getByTestId('notify-ntfy-enabled').check();
    const topic = `${ntfy.origin}/warden-desk`;
    await page.getByTestId('notify-ntfy-url').fill(topic);
    await page.getByTestId('notify-apply').click();
    await page.getByTestId('notify-applied').waitFor();
    expect(await notifyInForce()).toEqual({ minLevel: 'warning', ntfy: { url: topic } });

    // The core rebuilds its channels after the change: the test is offered once ntfy runs.
    const test = page.getByTestId('notify-ntfy-test');
    await expect.poll(() => test.isEnabled()).toBe(true);
    await test.click();
    const [request] = await ntfy.waitForRequests(1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/warden-desk');
    expect(request?.headers.title).toBe('Warden test message');
    expect(request?.body).toContain('Alerts from Warden reach you here.');
    const result = page.getByTestId('notify-ntfy-test-result');
    await expect.poll(() => result.textContent()).toMatch(/^Delivered \d\d:\d\d:\d\d$/);
    await page.getByTestId('notify-ntfy-last').waitFor();

    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(artifactsDir, 'e2e-notifications.png'), fullPage: true });
  });

  it('lays out every channel turned on, with what keeps Telegram from running in amber', async () => {
    await page.getByTestId('notify-telegram-enabled').check();
    await page.getByTestId('notify-telegram-chat-input').fill('123456789');
    await page.getByTestId('notify-telegram-chat-add').click();
    await page.getByTestId('notify-webhook-enabled').check();
    await page.getByTestId('notify-webhook-url').fill('ftp://example.com/hook');
    await page.getByTestId('notify-webhook-url-error').waitFor();
    await page.getByTestId('notify-webhook-url').fill('https://example.com/hook');
    await page.getByTestId('notify-apply').click();
    await page.getByTestId('notify-applied').waitFor();
    await page.getByTestId('notify-telegram-problem').waitFor();
    expect(await notifyInForce()).toEqual({
      minLevel: 'warning',
      telegram: { chatIds: ['123456789'], commands: false },
      ntfy: { url: `${ntfy.origin}/warden-desk` },
      webhook: { url: 'https://example.com/hook' },
    });
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(artifactsDir, 'e2e-notifications-all.png'), fullPage: true });
  });
});
