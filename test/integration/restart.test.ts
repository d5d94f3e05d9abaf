// Simulator → engine → store → restart: a session traded on the real sim broker and a real SQLite file is
// stopped and started again; the account, positions, orders and day P&L come back exactly.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../main/core/start';
import type { WardenCore } from '../../main/core/types';
import { memoryLogger } from '../../main/platform/logger';
import { createManualClock } from '../helpers/manual-clock';

const start = Date.parse('2026-05-05T14:30:00Z');

async function open(dataDir: string, clock = createManualClock(start)) {
  const core = await startCore({ dataDir, broker: 'sim', demo: false, logger: memoryLogger(), clock });
  return { core, clock };
}

async function ok<T>(promise: Promise<{ ok: true; result: T } | { ok: false; error: string }>): Promise<T> {
  const answer = await promise;
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

function picture(core: WardenCore) {
  const account = core.view().accounts[0];
  if (account === undefined) throw new Error('no account');
  const { metrics } = account;
  return {
    balance: metrics.balance,
    dailyRealizedPnl: metrics.dailyRealizedPnl,
    tradesToday: metrics.tradesToday,
    consecutiveLosses: metrics.consecutiveLosses,
    positions: account.positions.map((p) => ({ symbol: p.symbol, qty: p.qty, avgPrice: p.avgPrice })),
    orders: account.orders.map((o) => ({
      id: o.id,
      symbol: o.symbol,
      side: o.side,
      kind: o.kind,
      qty: o.qty,
      stopPrice: o.stopPrice,
    })),
  };
}

describe('restart restores the account', () => {
  it('brings back positions, working orders and day P&L after a clean stop', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-restart-'));
    const first = await open(dataDir);
    const { core } = first;
    await ok(
      core.command('placeOrder', { account: 'SIM-50K', symbol: 'ES', side: 'buy', qty: 1, kind: 'market' }),
    );
    first.clock.advance(5_000);
    await ok(core.command('closePosition', { account: 'SIM-50K', symbol: 'ES' }));
    await ok(
      core.command('placeOrder', {
        account: 'SIM-50K',
        symbol: 'MNQ',
        side: 'buy',
        qty: 2,
        kind: 'market',
        stopLoss: '20900.00',
      }),
    );
    first.clock.advance(2_000);
    const before = picture(core);
    expect(before.positions).toEqual([{ symbol: 'MNQ', qty: 2, avgPrice: expect.any(String) as string }]);
    expect(before.orders).toEqual([
      {
        id: expect.any(String) as string,
        symbol: 'MNQ',
        side: 'sell',
        kind: 'stop',
        qty: 2,
        stopPrice: '20900',
      },
    ]);
    expect(before.tradesToday).toBe(2);
    // ES round trip: fees 1.40 each way, plus the MNQ entry 0.74; the ES P&L depends on the random walk.
    await core.stop();
    expect(existsSync(join(dataDir, 'warden.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'sim-broker.json'))).toBe(true);

    const second = await open(dataDir, createManualClock(start + 10_000));
    expect(picture(second.core)).toEqual(before);
    await second.core.stop();
  });

  it('replays the journal when the process died before its last snapshot', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-crash-'));
    const first = await open(dataDir);
    await ok(
      first.core.command('placeOrder', {
        account: 'SIM-50K',
        symbol: 'CL',
        side: 'sell',
        qty: 3,
        kind: 'market',
      }),
    );
    const before = picture(first.core);
    // No stop(): the snapshot taken at stop never happens, as after a crash. (Timers of the first core are
    // simply never advanced again.)
    const second = await open(dataDir, createManualClock(start + 60_000));
    expect(picture(second.core)).toEqual(before);
    expect(picture(second.core).positions).toEqual([
      { symbol: 'CL', qty: -3, avgPrice: expect.any(String) as string },
    ]);
    await second.core.stop();
  });

  it('rebuilds from the broker alone when the database is lost: each position once, the day from its fills', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-lost-db-'));
    const first = await open(dataDir);
    await ok(
      first.core.command('placeOrder', {
        account: 'SIM-50K',
        symbol: 'MES',
        side: 'buy',
        qty: 3,
        kind: 'market',
      }),
    );
    const before = picture(first.core);
    await first.core.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `warden.db${suffix}`), { force: true });

    const second = await open(dataDir, createManualClock(start + 60_000));
    const after = picture(second.core);
    expect(after).toEqual(before);
    expect(after.positions.map((p) => p.qty)).toEqual([3]);
    expect(after.dailyRealizedPnl).toBe('-1.11'); // 3 × 0.37, the day rebuilt from the broker's fills
    expect(second.core.view().accounts[0]?.metrics.balance).toBe('49998.89');
    await second.core.stop();
  });

  it('keeps a self-lock across a restart: halted until the day ends, new orders refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-selflock-'));
    const first = await open(dataDir);
    await ok(
      first.core.command('placeOrder', {
        account: 'SIM-50K',
        symbol: 'MES',
        side: 'buy',
        qty: 1,
        kind: 'market',
      }),
    );
    // 14:30Z is 09:30 CDT on Tuesday 5 May: the trading day ends at 17:00 CDT, 22:00Z.
    expect(await ok(first.core.command('lock', { account: 'SIM-50K', until: 'dayEnd' }))).toEqual({
      lockedUntil: '2026-05-05T22:00:00.000Z',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(picture(first.core).positions).toEqual([]);
    await first.core.stop();

    const second = await open(dataDir, createManualClock(start + 60_000));
    const account = second.core.view().accounts[0];
    expect([account?.tradingState, account?.lockedUntil]).toEqual(['halted', '2026-05-05T22:00:00.000Z']);
    const refused = await second.core.command('placeOrder', {
      account: 'SIM-50K',
      symbol: 'MES',
      side: 'buy',
      qty: 1,
      kind: 'market',
    });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('halted') as string });
    await second.core.stop();
  });
});
