// The browser console stays clean in Chromium: on every screen (the dashboard with an order placed, the rule
// editor through a previewed edit, each History tab, and the ProjectX login) nothing is logged as an error or
// warning, no script error is thrown and the page's Content-Security-Policy reports no violation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveProjectX, type Served } from '../helpers/serve';
import { buyWithTicket, openServedPage } from '../helpers/served-page';

let served: Served;
let close: () => Promise<void>;
let page: Page;
const problems: string[] = [];

/** Records into `into` what a clean page never shows: console errors and warnings, uncaught errors, CSP reports. */
async function recordConsoleProblems(on: Page, into: string[]): Promise<void> {
  on.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      into.push(`console ${message.type()}: ${message.text()}`);
  });
  on.on('pageerror', (error) => into.push(`uncaught: ${error.message}`));
  // A binding outlives reloads, so a violation reported during a page load is kept.
  await on.exposeFunction('reportPolicyViolation', (report: string) => into.push(`CSP violation: ${report}`));
  await on.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { reportPolicyViolation: (text: string) => void })
          .reportPolicyViolation;
        report(
          `${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
        );
      },
      { capture: true },
    );
  });
}

beforeAll(async () => {
  ({ served, page, close } = await openServedPage({ stillMarket: true }));
  await recordConsoleProblems(page, problems);
});

afterAll(() => close());

describe('the browser console on every screen', () => {
  it('stays clean on the dashboard, with an order placed from the ticket', async () => {
    await page.goto(served.server.url);
    await page.getByTestId('account-SIM-50K').waitFor();
    await buyWithTicket(page, { symbol: 'ES', qty: 1 });
    await page.getByTestId('position-ES').waitFor();
    expect(problems.splice(0)).toEqual([]);
  });

  it('stays clean on the rules screen, through an edit the core previews', async () => {
    await page.getByTestId('tab-rules').click();
    const amount = page.getByTestId('rule-dailyLoss-amount');
    await amount.fill('250');
    await page.getByTestId('rules-preview').waitFor();
    expect(problems.splice(0)).toEqual([]);
  });

  it('stays clean on every History tab', async () => {
    await page.getByTestId('tab-history').click();
    await page.getByTestId('history-screen').waitFor();
    const shown = {
      timeline: ['timeline-table', 'timeline-empty'],
      days: ['history-days-table', 'history-days-empty'],
      trades: ['history-trades-table', 'history-trades-empty'],
      breakdown: ['breakdown-symbol', 'history-breakdown-empty'],
    };
    for (const [tab, testIds] of Object.entries(shown)) {
      await page.getByTestId(`history-tab-${tab}`).click();
      await page
        .locator(testIds.map((id) => `[data-testid="${id}"]`).join(', '))
        .first()
        .waitFor();
    }
    expect(problems.splice(0)).toEqual([]);
  });

  it('stays clean on the ProjectX login screen', async () => {
    const projectX = await serveProjectX();
    const browser = page.context().browser();
    if (browser === null) throw new Error('the page has no browser to open another page in');
    const loginPage = await browser.newPage();
    const loginProblems: string[] = [];
    try {
      await recordConsoleProblems(loginPage, loginProblems);
      await loginPage.goto(projectX.server.url);
      await loginPage.getByTestId('credentials-form').waitFor();
      expect(loginProblems).toEqual([]);
    } finally {
      await loginPage.close();
      await projectX.stop();
    }
  });
});
