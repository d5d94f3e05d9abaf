// The Rules screen against `warden serve` on the simulator, in Chromium: fields set in each group of rules (loss
// limits, size, behaviour, time, market data & broker, program), including a per-symbol limit, a trading window, a
// news event and the calendar selection, a blocked symbol's chip and a lock under "More"; applied, and read back
// from GET /api/config as in force (the core fills the parts left to their defaults). Screenshots of each group
// in test/artifacts.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleGroups } from '../../shared/config/rule-catalog';
import { artifactsDir } from '../helpers/browser';
import type { Served } from '../helpers/serve';
import { openServedPage } from '../helpers/served-page';

let served: Served;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  ({ served, page, close } = await openServedPage(
    {
      stillMarket: true,
      config: [
        'accounts:',
        '  SIM-50K:',
        '    startingBalance: 50000',
        '    rules:',
        '      dailyLoss: { amount: 1000 }',
        '      maxContracts: { total: 4 }',
        '',
      ].join('\n'),
    },
    { viewport: { width: 1440, height: 1000 } },
  ));
});

afterAll(() => close());

/** The config in force, as GET /api/config returns it. */
async function configInForce(): Promise<{ accounts: Record<string, { rules?: Record<string, unknown> }> }> {
  const response = await fetch(`http://127.0.0.1:${served.server.port}/api/config`, {
    headers: { authorization: `Bearer ${served.token}` },
  });
  return ((await response.json()) as { config: never }).config;
}

const fill = (testId: string, value: string) => page.getByTestId(testId).fill(value);
const turnOn = (rule: string) => page.getByTestId(`rule-${rule}-enabled`).check();

describe('every group of rules from the screen', () => {
  it('sets a field in each group, applies, and the core has them in force', async () => {
    await page.goto(served.server.url);
    await page.getByTestId('account-SIM-50K').waitFor();
    await page.getByTestId('tab-rules').click();
    await page.getByTestId('rule-editor').waitFor();

    // Loss limits: a position loss, and the daily loss's lock under "More".
    await turnOn('positionLoss');
    await fill('rule-positionLoss-amount', '250');
    await page.getByTestId('rule-dailyLoss-more').click();
    await page.getByTestId('rule-dailyLoss-lock').selectOption('weekEnd');
    // Size: a per-symbol limit beside the total.
    await fill('rule-maxContracts-perSymbol-input', 'MNQ');
    await page.getByTestId('rule-maxContracts-perSymbol-add').click();
    await fill('rule-maxContracts-perSymbol-MNQ', '10');
    // Behaviour: a trailing stop.
    await turnOn('trailingStop');
    await fill('rule-trailingStop-activateAfterTicks', '8');
    await fill('rule-trailingStop-trailTicks', '4');
    // Time: a window on weekdays (the working week is ticked for a new window) and a flatten time.
    await turnOn('tradingHours');
    await page.getByTestId('rule-tradingHours-windows-add').click();
    await fill('rule-tradingHours-windows-0-start', '08:30');
    await fill('rule-tradingHours-windows-0-end', '15:00');
    await fill('rule-tradingHours-flattenAt', '14:55');
    expect(await page.getByTestId('rule-tradingHours').textContent()).toContain('America/Chicago');
    // News blackout: an event of the trader's own, read back in the session's zone, and the calendar's releases.
    await turnOn('newsBlackout');
    await page.getByTestId('rule-newsBlackout-events-add').click();
    // Typed as a date and time in the session's zone; kept with Chicago's offset that day.
    await fill('rule-newsBlackout-events-0-at', '2030-05-08T08:30');
    await fill('rule-newsBlackout-events-0-name', 'CPI');
    await page.getByTestId('rule-newsBlackout-events-0-flatten').selectOption('true');
    expect(await page.getByTestId('rule-newsBlackout-events').textContent()).toContain(
      'Wed 8 May, 08:30 America/Chicago',
    );
    await page.getByTestId('rule-newsBlackout-calendar-on').click();
    await page.getByTestId('rule-newsBlackout-calendar-currencies-EUR').click();
    // Market data & broker: CL blocked, chosen from the instruments.
    await turnOn('symbolBlock');
    await page.getByTestId('rule-symbolBlock-symbols-CL').click();
    // Program: a profit target.
    await turnOn('profitTarget');
    await fill('rule-profitTarget-amount', '3000');

    await expect.poll(() => page.getByTestId('rules-change').count()).toBeGreaterThan(0);
    for (const group of ruleGroups) {
      await page
        .getByTestId(`rules-group-${group.id}`)
        .screenshot({ path: join(artifactsDir, `e2e-rules-group-${group.id}.png`) });
    }
    // A rule's section of the reference opens in place on its card.
    await page.getByTestId('rule-dailyLoss-doc').click();
    const reference = page.getByTestId('rule-dailyLoss-reference');
    await reference.waitFor();
    expect(await reference.textContent()).toContain("Stops the day when the day's loss reaches an amount.");
    await page
      .getByTestId('rule-dailyLoss')
      .screenshot({ path: join(artifactsDir, 'e2e-rules-reference.png') });
    await page.getByTestId('rule-dailyLoss-doc').click();
    await expect.poll(() => reference.count()).toBe(0);
    await page.getByTestId('rules-apply').click();
    await page.getByTestId('rules-applied').waitFor();

    const rules = (await configInForce()).accounts['SIM-50K']?.rules;
    expect(rules).toEqual({
      dailyLoss: { amount: '1000', lock: 'weekEnd' },
      maxContracts: { total: '4', perSymbol: { MNQ: '10' } },
      positionLoss: { enabled: true, amount: '250' },
      trailingStop: { enabled: true, activateAfterTicks: 8, trailTicks: 4 },
      tradingHours: {
        enabled: true,
        windows: [
          { days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], start: '08:30', end: '15:00' },
        ],
        flattenAt: '14:55',
      },
      newsBlackout: {
        enabled: true,
        events: [
          { at: '2030-05-08T08:30:00-05:00', minutesBefore: 2, minutesAfter: 2, flatten: true, name: 'CPI' },
        ],
        calendar: {
          impacts: ['High'],
          currencies: ['USD', 'EUR'],
          minutesBefore: 2,
          minutesAfter: 2,
          flatten: false,
        },
      },
      symbolBlock: { enabled: true, symbols: ['CL'] },
      profitTarget: { enabled: true, amount: '3000' },
    });
    // The screen shows what is in force now: nothing unapplied, the values as the core keeps them.
    await expect.poll(() => page.getByTestId('rules-unapplied').count()).toBe(0);
    expect(await page.getByTestId('rule-positionLoss-amount').inputValue()).toBe('250');
    expect(await page.getByTestId('rules-discard').isDisabled()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'e2e-rules-applied.png'), fullPage: true });
  });
});
