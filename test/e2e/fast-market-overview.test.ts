// The overview keeps up with a fast market on the real core: `warden serve` in-process with the simulator's 20
// accounts in 4 groups from the config, 5 open positions each (100 in all), the market walking every 50 ms so the
// core pushes about 20 states a second. Measured in Chromium at 1920×1080 over 5 s (requestAnimationFrame
// intervals, long tasks, and the renders of the open account's equity); the numbers are written to
// test/artifacts/frame-timing-overview-core.json. Frame targets are checked by `npm run bench:ui`.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushMessage } from '../../main/core/types';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { installFrameProbe, measureFrames } from '../helpers/frame-timing';
import { serveInProcess, type Served } from '../helpers/serve';

const ACCOUNTS = 20;
const SYMBOLS = ['ES', 'NQ', 'YM', 'RTY', 'CL'] as const;

/** 20 accounts A01–A20, 4 groups of 5, each account with its daily loss and contract limits. */
function config(): string {
  const lines = ['accounts:'];
  for (let i = 1; i <= ACCOUNTS; i += 1) {
    const id = `A${String(i).padStart(2, '0')}`;
    lines.push(`  ${id}:`, `    name: Apex ${id}`, '    startingBalance: 50000');
    lines.push('    rules:', '      dailyLoss: { amount: 100000 }', '      maxContracts: { total: 10 }');
  }
  lines.push('groups:');
  for (let g = 0; g < 4; g += 1) {
    const members = Array.from({ length: 5 }, (_, k) => `A${String(g * 5 + k + 1).padStart(2, '0')}`);
    lines.push(`  g${g + 1}:`, `    name: Group ${g + 1}`, `    accounts: [${members.join(', ')}]`);
    lines.push('    rules:', '      groupDailyLoss: { amount: 400000 }');
  }
  return `${lines.join('\n')}\n`;
}

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveInProcess({ config: config(), tickIntervalMs: 50 });
  const accounts = served.core.view().accounts.map((account) => account.id);
  expect(accounts).toHaveLength(ACCOUNTS);
  for (const account of accounts) {
    for (const symbol of SYMBOLS) {
      const response = await served.core.command('placeOrder', {
        account,
        symbol,
        side: 'buy',
        qty: 1,
        kind: 'market',
      });
      if (!response.ok) throw new Error(`${account} ${symbol}: ${response.error}`);
    }
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await served.stop();
});

describe('a fast market on 20 accounts', () => {
  it('draws the real core’s pushes with 100 positions across 20 accounts in 4 groups', async () => {
    await expect
      .poll(() => served.core.view().accounts.reduce((sum, account) => sum + account.positions.length, 0), {
        timeout: 20_000,
      })
      .toBe(ACCOUNTS * SYMBOLS.length);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await installFrameProbe(page);
    await page.goto(served.server.url);
    await page.getByTestId('overview-table').waitFor();
    await page.getByTestId('metric-equity').waitFor();
    const open = await page
      .locator('[data-testid^="overview-row-"][aria-selected="true"]')
      .getAttribute('data-testid');
    const accountId = open?.slice('overview-row-'.length) ?? '';
    // The pushes during the window in which the open account's equity changed: what the screen should show.
    let equity = '';
    let changes = 0;
    const unsubscribe = served.core.subscribe((message: PushMessage) => {
      if (message.type !== 'state') return;
      const next = message.payload.accounts.find((account) => account.id === accountId)?.metrics.equity ?? '';
      if (next !== equity) changes += 1;
      equity = next;
    });
    changes = 0;
    const timing = await measureFrames(page, 5000, 'metric-equity');
    unsubscribe();
    const machine = { cores: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
    const result = { ...timing, equityChangesPushed: changes, machine };
    writeFileSync(
      join(artifactsDir, 'frame-timing-overview-core.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.log('frame timing, real core, 20 accounts x 5 positions:', JSON.stringify(result));
    await page.screenshot({ path: join(artifactsDir, 'e2e-overview-core-20-accounts.png') });
    expect(await page.locator('[data-testid^="overview-row-"]').count()).toBe(ACCOUNTS);
    // The core pushes about 20 a second; each push that changed the open account's equity reaches the screen
    // (a busy machine may merge two pushes into one render: at least 70% of them).
    expect(changes).toBeGreaterThanOrEqual(40);
    expect(timing.updates).toBeGreaterThanOrEqual(Math.floor(changes * 0.7));
    if (process.env.WARDEN_FRAME_TARGETS === '1') {
      expect(timing.fps).toBeGreaterThanOrEqual(45);
      expect(timing.droppedFrames).toBeLessThanOrEqual(30);
      expect(timing.longTaskMaxMs).toBeLessThan(120);
    }
    await page.close();
  });
});
