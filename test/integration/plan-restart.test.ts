// Plans on the real core (docs/RULES.md section 11, docs/API.md section 4): an account on the built-in
// topstep-50k-combine preset, traded on the simulator over a day roll with a real SQLite file; GET /api/state
// carries its plan, and the plan's figures (the finished day among them) come back exactly after a restart.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanView, StateView } from '../../shared/ipc';
import { createManualClock, type ManualClock } from '../helpers/manual-clock';
import { serveInProcess, type Served } from '../helpers/serve';

const config = `
accounts:
  TS1:
    preset: topstep-50k-combine
    startingBalance: 50000
    plan: { minTradingDays: 2 }
    rules:
      dailyLoss: { enabled: false }
`;

/** Tuesday 5 May 2026, 16:58 CDT: two minutes before the day rolls at 17:00. */
const tuesdayLate = Date.parse('2026-05-05T21:58:00Z');
/** 17:01 CDT: Wednesday's trading day (the clock ticks every second, so it rolls at 17:00 on the way). */
const wednesday = Date.parse('2026-05-05T22:01:00Z');

const running: Served[] = [];
afterEach(async () => {
  for (const served of running.splice(0)) await served.stop();
});

async function serve(dataDir: string, clock: ManualClock): Promise<Served> {
  const served = await serveInProcess({ dataDir, config, clock, stillMarket: true });
  running.push(served);
  return served;
}

async function state(served: Served): Promise<StateView> {
  const response = await fetch(`http://127.0.0.1:${served.server.port}/api/state`, {
    headers: { authorization: `Bearer ${served.token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as StateView;
}

async function planOf(served: Served): Promise<PlanView | null> {
  const account = (await state(served)).accounts.find((a) => a.id === 'TS1');
  if (account === undefined) throw new Error('no account TS1');
  return account.plan;
}

async function ok(promise: Promise<{ ok: true } | { ok: false; error: string }>): Promise<void> {
  const answer = await promise;
  if (!answer.ok) throw new Error(answer.error);
}

/** One ES round trip on TS1: in at market at `entry`, out at market at `exit`. */
async function roundTrip(served: Served, entry: string, exit: string): Promise<void> {
  served.broker.setPrice('ES', entry);
  await ok(
    served.core.command('placeOrder', { account: 'TS1', symbol: 'ES', side: 'buy', qty: 1, kind: 'market' }),
  );
  served.broker.setPrice('ES', exit);
  await ok(served.core.command('closePosition', { account: 'TS1', symbol: 'ES' }));
}

describe('a plan on the real core', () => {
  it('is in GET /api/state, and its figures survive a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-plan-'));
    const clock = createManualClock(tuesdayLate);
    const first = await serve(dataDir, clock);
    expect(await planOf(first)).toStrictEqual({
      name: 'Topstep 50K Combine',
      totalProfit: '0',
      profitTarget: '3000',
      targetRemaining: '3000',
      bestDayProfit: '0',
      consistencyPct: null,
      consistencyLimitPct: '50',
      consistencyCapToday: null,
      consistencyCapLeft: null,
      profitNeededForConsistency: '0',
      tradingDays: 0,
      minTradingDays: 2,
      contractsAllowed: null,
      nextTier: null,
      todayProfit: '0',
    });

    // Tuesday: in at the ask 6000.25, out at the bid 6020: 19.75 points × 50 − 2 × 1.40 fees = +984.70.
    await roundTrip(first, '6000', '6020');
    expect(await planOf(first)).toMatchObject({
      totalProfit: '984.7',
      bestDayProfit: '984.7',
      consistencyPct: '100',
      // The first day banks nothing before it: no cap yet.
      consistencyCapToday: null,
      profitNeededForConsistency: '984.7',
      tradingDays: 1,
    });
    // The roll at 17:00 (the clock ticks through it); then Wednesday: 3.75 points − fees = +184.70.
    clock.set(wednesday);
    await roundTrip(first, '6000', '6004');
    const before = await planOf(first);
    expect(before).toStrictEqual({
      name: 'Topstep 50K Combine',
      totalProfit: '1169.4',
      profitTarget: '3000',
      targetRemaining: '1830.6',
      bestDayProfit: '984.7',
      // 984.70 / 1,169.40 × 100
      consistencyPct: '84.2056',
      consistencyLimitPct: '50',
      // 50 %: x·P / (1 − x) = P, Tuesday's 984.70
      consistencyCapToday: '984.7',
      consistencyCapLeft: '800',
      // 984.70 / 0.5 − 1,169.40
      profitNeededForConsistency: '800',
      tradingDays: 2,
      minTradingDays: 2,
      contractsAllowed: null,
      nextTier: null,
      todayProfit: '184.7',
    });
    await first.stop();
    running.splice(0);

    const second = await serve(dataDir, createManualClock(wednesday + 60_000));
    expect(await planOf(second)).toStrictEqual(before);
  }, 60_000);
});
