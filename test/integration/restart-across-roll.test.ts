// Restart across a day roll on the simulator and a real SQLite file (docs/RULES.md section 1): flat at the roll, the
// day is rebuilt from the broker's trades; with a position open at the roll its start cannot be known, so the
// account is reducing until the trader confirms a start, and that survives a further restart.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../main/core/start';
import type { WardenCore } from '../../main/core/types';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import { createManualClock } from '../helpers/manual-clock';
import { recentAlerts } from '../../main/core/subscribers';

/** Tuesday 5 May 2026, 09:30 CDT; the day rolls at 17:00 CDT (22:00Z). */
const tuesday = Date.parse('2026-05-05T14:30:00Z');
/** Wednesday 6 May 2026, 09:30 CDT: Warden was not running at Tuesday's roll. */
const wednesday = Date.parse('2026-05-06T14:30:00Z');

const open = (dataDir: string, at: number) =>
  startCore({ dataDir, broker: 'sim', demo: false, logger: memoryLogger(), clock: createManualClock(at) });

async function ok<T>(promise: Promise<{ ok: true; result: T } | { ok: false; error: string }>): Promise<T> {
  const answer = await promise;
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

const account = (core: WardenCore) => {
  const view = core.view().accounts[0];
  if (view === undefined) throw new Error('no account');
  return view;
};

function dayStartRecords(dataDir: string) {
  const store = openStore(join(dataDir, 'warden.db'), { logger: memoryLogger() });
  const records = store.riskEvents
    .recent(50)
    .filter((event) => event.kind === 'dayStart')
    .reverse();
  store.close();
  return records.map((record) => record.detail as Record<string, string>);
}

/** As the notes write money: grouped, two decimals. */
const money = (amount: string) => Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 });

const buy = (core: WardenCore, symbol: string, qty: number) =>
  core.command('placeOrder', { account: 'SIM-50K', symbol, side: 'buy', qty, kind: 'market' });

describe('a restart after a day roll Warden did not see', () => {
  it('rebuilds the day from the broker when the account was flat at the roll', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-roll-flat-'));
    const first = await open(dataDir, tuesday);
    await ok(buy(first, 'ES', 1));
    await ok(first.command('closePosition', { account: 'SIM-50K', symbol: 'ES' }));
    const tuesdayBalance = account(first).metrics.balance;
    expect(account(first).metrics.tradesToday).toBe(1);
    await first.stop();

    const second = await open(dataDir, wednesday);
    const view = account(second);
    expect(view.tradingState).toBe('active');
    expect(view.metrics.balance).toBe(tuesdayBalance);
    expect(view.metrics.dailyNetPnl).toBe('0');
    expect(view.metrics.tradesToday).toBe(0);
    expect(recentAlerts(second).map((alert) => alert.title)).toContain("Today's start rebuilt");
    await second.stop();

    const [record] = dayStartRecords(dataDir);
    expect(record?.source).toBe('rebuilt');
    expect(record?.startEquity).toBe(tuesdayBalance);
    expect(record?.note).toBe(
      "today's start rebuilt from the broker's trades since 2026-05-05 17:00 CDT: balance " +
        `${money(tuesdayBalance)} − net 0.00 = ${money(tuesdayBalance)}`,
    );
  });

  it('locks the account reducing until the trader confirms, when a position was open at the roll', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-roll-open-'));
    const first = await open(dataDir, tuesday);
    await ok(buy(first, 'MNQ', 2));
    const balance = account(first).metrics.balance;
    await first.stop();

    const second = await open(dataDir, wednesday);
    const locked = account(second);
    expect(locked.tradingState).toBe('reducing');
    expect(locked.lockedUntil).toBe('confirmed');
    expect(locked.lockReason).toBe(
      "dayStart: today's start could not be rebuilt: MNQ was open at the roll (2026-05-05 17:00 CDT), and its " +
        `price then is unknown. It is taken as ${money(balance)} ` +
        '(the balance at the roll); confirm it, or enter the start your broker shows',
    );
    // Reducing: adding to the position is refused, the position itself is kept.
    const refused = await buy(second, 'MNQ', 1);
    expect(refused.ok).toBe(false);
    expect(locked.positions.map((p) => [p.symbol, p.qty])).toEqual([['MNQ', 2]]);
    expect(await second.command('resetLock', { account: 'SIM-50K' })).toEqual({
      ok: true,
      result: { lifted: 0 },
    });
    expect(account(second).tradingState).toBe('reducing');

    expect(await second.command('confirmDayStart', { account: 'SIM-50K', startEquity: '50100' })).toEqual({
      ok: true,
      result: { startEquity: '50100' },
    });
    const confirmed = account(second);
    expect(confirmed.tradingState).toBe('active');
    const equity = Number(confirmed.metrics.equity);
    expect(Number(confirmed.metrics.dailyNetPnl)).toBeCloseTo(equity - 50100, 2);
    expect(await second.command('confirmDayStart', { account: 'SIM-50K', startEquity: '50100' })).toEqual({
      ok: false,
      error: 'SIM-50K has no day start waiting to be confirmed',
    });
    await second.stop();

    // The confirmed start is journaled: a restart the same day keeps it and asks nothing again.
    const third = await open(dataDir, wednesday + 60_000);
    const again = account(third);
    expect(again.tradingState).toBe('active');
    expect(Number(again.metrics.dailyNetPnl)).toBeCloseTo(Number(again.metrics.equity) - 50100, 2);
    await third.stop();
    expect(dayStartRecords(dataDir).map((r) => [r.source, r.startEquity, r.note])).toEqual([
      ['estimate', balance, expect.stringContaining('MNQ was open at the roll') as string],
      [
        'confirmed',
        '50100',
        `the trader set today's start to 50,100.00 (Warden's estimate was ${money(balance)})`,
      ],
    ]);
  });
});
