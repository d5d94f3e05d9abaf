// The accounts overview on the real core (`warden serve` in-process, the simulator with three accounts from the
// config, two of them in a group): a losing position moves its account to the top of its group with the room the
// core measures, the group's header shows the core's sums, and opening the row shows its detail with the position.
// Screenshot in test/artifacts.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { serveInProcess, type Served } from '../helpers/serve';
import { buyWithTicket } from '../helpers/served-page';

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveInProcess({
    stillMarket: true,
    config: [
      'accounts:',
      '  SIM-50K:',
      '    startingBalance: 50000',
      '    rules:',
      '      dailyLoss: { amount: 300 }',
      '  PA-150K:',
      '    startingBalance: 150000',
      '    rules:',
      '      dailyLoss: { amount: 1000 }',
      '      maxContracts: { total: 6 }',
      '  EVAL-25K:',
      '    startingBalance: 25000',
      '    rules:',
      '      dailyLoss: { amount: 500 }',
      'groups:',
      '  funded:',
      '    name: Funded',
      '    accounts: [PA-150K, EVAL-25K]',
      '    rules:',
      '      groupDailyLoss: { amount: 1200 }',
      '      groupMaxContracts: { total: 8 }',
      '',
    ].join('\n'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
});

afterAll(async () => {
  await browser.close();
  await served.stop();
});

const rows = () =>
  page
    .locator('[data-testid="overview-table"] tbody tr')
    .evaluateAll((list) =>
      list.map((row) => row.getAttribute('data-testid')?.replace(/^overview-(row-)?/, '')),
    );

const money = (value: number, sign = false) =>
  `${sign && value > 0 ? '+' : ''}${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The room the core measures on a limit of an account (or of the group), as the overview writes it. */
function coreRoom(rule: string, account?: string): string | null {
  const view = served.core.view();
  const limits =
    account === undefined ? view.groups[0]?.limits : view.accounts.find((a) => a.id === account)?.limits;
  const limit = limits?.find((l) => l.rule === rule);
  return limit === undefined ? null : money(Math.max(0, Number(limit.limit) - Number(limit.used)));
}

const text = (row: string, testId: string) => page.getByTestId(row).getByTestId(testId).textContent();

describe('the overview on the real core', () => {
  it('lists the accounts under their group, closest to a limit first, with the core figures; opens one', async () => {
    await page.goto(served.server.url);
    await page.getByTestId('overview-row-PA-150K').waitFor();
    // Nothing used yet: every room is whole, so the names decide.
    expect(await rows()).toEqual(['group-funded', 'EVAL-25K', 'PA-150K', 'ungrouped', 'SIM-50K']);
    served.broker.setPrice('ES', '6000.00');
    await page.getByTestId('ticket-account').selectOption('PA-150K');
    await buyWithTicket(page, { symbol: 'ES', qty: 1 });
    await expect
      .poll(() => served.core.view().accounts.find((a) => a.id === 'PA-150K')?.positions.length)
      .toBe(1);
    served.broker.setPrice('ES', '5990.00'); // about −500 of 1,000: half the room left
    await expect
      .poll(rows, { timeout: 10_000 })
      .toEqual(['group-funded', 'PA-150K', 'EVAL-25K', 'ungrouped', 'SIM-50K']);
    // The row and the group's header show what the core measures, compared together until they agree.
    const agree = async () => {
      const group = served.core.view().groups[0];
      return (
        group !== undefined &&
        (await text('overview-row-PA-150K', 'overview-loss')) === coreRoom('dailyLoss', 'PA-150K') &&
        (await text('overview-group-funded', 'overview-loss')) === coreRoom('groupDailyLoss') &&
        (await text('overview-group-funded', 'overview-pnl')) ===
          money(Number(group.metrics.dailyNetPnl), true)
      );
    };
    await expect.poll(agree, { timeout: 10_000 }).toBe(true);
    expect(await text('overview-row-PA-150K', 'overview-contracts')).toBe('1 / 6');
    expect(await text('overview-group-funded', 'overview-contracts')).toBe('1 / 8');
    expect(await text('overview-group-funded', 'overview-members')).toBe('2 accounts');
    await page.getByTestId('overview-row-PA-150K').click();
    await page.getByTestId('account-PA-150K').getByTestId('position-ES').waitFor();
    expect(await page.getByTestId('overview-row-PA-150K').getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: join(artifactsDir, 'e2e-overview-core.png') });
  });
});
