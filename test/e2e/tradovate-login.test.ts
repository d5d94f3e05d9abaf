// `warden serve --broker tradovate` in real Chromium against the fake Tradovate gateway: no login at first (the
// screen says so and offers the Tradovate form), the trader enters it with custom URLs, Warden connects, and a fill
// made on the gateway shows up as a position with its exact P&L, from live quotes or, when the account has no
// market data, from the broker's cash-balance snapshots (the header says which). The password and the API secret
// never reach the page.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CREDENTIALS, startFakeTradovate, type FakeTradovate } from '../fakes/tradovate-gateway/server';
import { ACCOUNT_A, MNQ, seedDemo } from '../fakes/tradovate-gateway/seed';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { serveTradovate } from '../helpers/serve';

type Served = Awaited<ReturnType<typeof serveTradovate>>;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** A gateway with the demo book, Warden serving Tradovate without a login, and a page on it. */
function setUp(): { gateway: () => FakeTradovate; page: () => Page } {
  let gateway: FakeTradovate;
  let warden: Served;
  let page: Page;
  beforeAll(async () => {
    gateway = await startFakeTradovate();
    seedDemo(gateway.model, Date.now());
    warden = await serveTradovate();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(warden.server.url);
    await page.getByTestId('credentials-form').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await page.close();
    await warden.stop();
    await gateway.stop();
  });
  return { gateway: () => gateway, page: () => page };
}

const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).first().textContent())?.trim() ?? '';

/**
 * Enters the fake's login (with `changes` in place of its own password or CID) and its three URLs ("Custom URLs"),
 * and sends it.
 */
async function enterLogin(
  page: Page,
  gateway: FakeTradovate,
  changes: { password?: string; cid?: string } = {},
) {
  await page.getByTestId('credentials-user').fill(FAKE_CREDENTIALS.name);
  await page.getByTestId('credentials-password').fill(changes.password ?? FAKE_CREDENTIALS.password);
  await page.getByTestId('credentials-cid').fill(changes.cid ?? String(FAKE_CREDENTIALS.cid));
  await page.getByTestId('credentials-secret').fill(FAKE_CREDENTIALS.sec);
  await page.getByTestId('credentials-env').selectOption('custom');
  await page.getByTestId('credentials-api-url').fill(gateway.urls.api);
  await page.getByTestId('credentials-ws-url').fill(gateway.urls.ws);
  await page.getByTestId('credentials-md-url').fill(gateway.urls.md);
  await page.getByTestId('credentials-submit').click();
}

/** Logs in with the fake's login and waits for "connected" and the account. */
async function logIn(page: Page, gateway: FakeTradovate): Promise<void> {
  await enterLogin(page, gateway);
  await expect
    .poll(() => text(page, 'connection-status'), { timeout: 15_000 })
    .toMatch(/^Tradovate\s*connected$/i);
  await page.getByTestId(`account-${ACCOUNT_A}`).waitFor();
}

/** Buys 2 MNQ at 21450 on the gateway, then moves the market to 21460 until the position shows the P&L. */
async function buyTwoAndMarkTen(page: Page, gateway: FakeTradovate): Promise<string> {
  gateway.fill({ account: ACCOUNT_A, contract: MNQ, action: 'Buy', qty: 2, price: 21450 });
  const row = page.getByTestId('position-MNQZ6');
  await row.waitFor({ timeout: 10_000 });
  expect(await row.getByTestId('position-qty').textContent()).toMatch(/Long 2/);
  // (21460 − 21450) × 2 contracts × 2 per point. Quotes reach Warden once it has subscribed to the contract
  // (live market data) or once it has read a snapshot taken after the quote (snapshots): quote until it shows.
  await expect
    .poll(
      async () => {
        gateway.quote(MNQ, { bid: 21460, offer: 21460.25, trade: 21460 });
        return (await row.getByTestId('position-pnl').textContent()) ?? '';
      },
      { timeout: 15_000 },
    )
    .toContain('40.00');
  return (await row.getByTestId('position-pnl').textContent()) ?? '';
}

const expectNoSecrets = async (page: Page, password = FAKE_CREDENTIALS.password) => {
  const content = await page.content();
  expect(content).not.toContain(password);
  expect(content).not.toContain(FAKE_CREDENTIALS.sec);
};

describe('guarding a Tradovate account from the browser', () => {
  const { gateway, page } = setUp();

  it('says it is not connected and offers the Tradovate login form', async () => {
    expect(await page().getByTestId('credentials-form').locator('h2').textContent()).toBe(
      'Log in to Tradovate',
    );
    expect(await text(page(), 'connection-status')).toMatch(/not connected/i);
    expect(await page().getByTestId('pnl-source').count()).toBe(0);
    await page().getByTestId('credentials-env').selectOption('custom');
    await page().getByTestId('credentials-md-url').waitFor();
    await page().screenshot({ path: join(artifactsDir, 'e2e-tradovate-login.png') });
    await page().getByTestId('credentials-env').selectOption('demo');
  });

  it('shows a CID Warden refuses beside its field, and keeps neither the password nor the secret', async () => {
    await enterLogin(page(), gateway(), { cid: '8123.5' });
    const error = page().getByTestId('credentials-cid-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toBe('must be the whole number shown as CID');
    expect(await page().getByTestId('credentials-form').locator('h2').textContent()).toBe(
      'Log in to Tradovate',
    );
    expect(await page().getByTestId('credentials-password').inputValue()).toBe('');
    expect(await page().getByTestId('credentials-secret').inputValue()).toBe('');
    await expectNoSecrets(page());
  });

  it('says why Tradovate refused a login, and keeps neither the password nor the secret', async () => {
    const wrong = 'wrong-password-9876';
    await enterLogin(page(), gateway(), { password: wrong });
    const heading = page().getByTestId('credentials-form').locator('h2');
    await expect
      .poll(async () => (await heading.textContent()) ?? '', { timeout: 15_000 })
      .toBe('Login failed: check your credentials');
    expect(await text(page(), 'credentials-reason')).toBe(
      'Tradovate refused the user name or password (Tradovate said: "Incorrect username or password. Please try again.")',
    );
    expect(await page().getByTestId('credentials-password').inputValue()).toBe('');
    expect(await page().getByTestId('credentials-secret').inputValue()).toBe('');
    await expectNoSecrets(page(), wrong);
  });

  it('logs in with custom URLs, connects, and shows a fill made on the gateway as a position with its P&L', async () => {
    await logIn(page(), gateway());
    expect(await text(page(), `account-${ACCOUNT_A}`)).toContain('DEMO3187041');
    expect(await text(page(), 'credentials-login-in-use')).toBe(
      `Logged in as ${FAKE_CREDENTIALS.name} at ${gateway().urls.api}`,
    );
    expect(await buyTwoAndMarkTen(page(), gateway())).toContain('40.00');
    expect(await text(page(), 'pnl-source')).toBe('P&L live');
    // No order ticket and no demo switch: Warden places no orders at a real broker.
    expect(await page().getByTestId('ticket-buy').count()).toBe(0);
    await expectNoSecrets(page());
    await page().screenshot({ path: join(artifactsDir, 'e2e-tradovate-connected.png') });
  });
});

describe('a Tradovate account without market data', () => {
  const { gateway, page } = setUp();

  it('values the position from the broker snapshots and says so in the header', async () => {
    gateway().setMarketData('refuse');
    await logIn(page(), gateway());
    const chip = page().getByTestId('pnl-source');
    await expect
      .poll(async () => (await chip.textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/^P&L from broker snapshots · every 2 s · \d+ s old$/);
    expect(await chip.getAttribute('title')).toMatch(
      /^No market data \(.+\): open P&L is read from the broker's/,
    );
    // The long snapshot detail is the chip's, not repeated beside "connected".
    expect(await text(page(), 'connection-status')).toMatch(/^Tradovate\s*connected$/i);
    expect(await buyTwoAndMarkTen(page(), gateway())).toContain('40.00');
    // The snapshots' balances carry no account name: the guarded-accounts list keeps the broker's names.
    expect(await text(page(), `account-choice-${ACCOUNT_A}`)).toContain('DEMO3187041');
    await expectNoSecrets(page());
    await page().screenshot({ path: join(artifactsDir, 'e2e-tradovate-snapshots.png') });
  });
});
