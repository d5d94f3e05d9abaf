// `npm run bench`: feeds a generated quote stream through the engine and prints one JSON line per case
// (quotes/s and heap growth; breach-to-command latency once the rules exist). BENCH_QUOTES sets the stream length.
import { apply, createEngineState, defaultEngineConfig, type EngineState } from '../../main/engine';
import type { EngineEvent } from '../../shared/domain/events';
import { dec } from '../../shared/domain/money';

type Case = { name: string; accounts: number; positionsPerAccount: number };
const cases: Case[] = [
  { name: '1x10', accounts: 1, positionsPerAccount: 10 },
  { name: '20x5', accounts: 20, positionsPerAccount: 5 },
];
const quotes = Number(process.env.BENCH_QUOTES ?? 1_000_000);
const symbolCount = 10;
const t0 = Date.parse('2026-05-05T14:00:00Z');

function setup(c: Case): EngineState {
  const state = createEngineState(defaultEngineConfig);
  for (let s = 0; s < symbolCount; s += 1) {
    apply(state, {
      type: 'instrument',
      t: t0,
      symbol: `S${s}`,
      tickSize: dec('0.25'),
      tickValue: dec('1.25'),
      currency: 'USD',
    });
  }
  for (let a = 0; a < c.accounts; a += 1) {
    apply(state, { type: 'account', t: t0, account: `A${a}`, balance: dec('50000') });
    for (let p = 0; p < c.positionsPerAccount; p += 1) {
      const symbol = `S${(a + p) % symbolCount}`;
      apply(state, {
        type: 'fill',
        t: t0 + 1,
        account: `A${a}`,
        id: `f${a}-${p}`,
        orderId: `o${a}-${p}`,
        symbol,
        side: p % 2 === 0 ? 'buy' : 'sell',
        qty: 1 + (p % 3),
        price: dec('5000'),
        fees: dec('0.37'),
      });
    }
  }
  return state;
}

/** Pre-built quotes: a random walk in whole ticks, round-robin over the symbols. */
function stream(count: number): EngineEvent[] {
  const ticks = new Array<number>(symbolCount).fill(20_000);
  const prices = new Map<number, ReturnType<typeof dec>>();
  let seed = 42;
  const events: EngineEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const s = i % symbolCount;
    ticks[s] = (ticks[s] ?? 20_000) + ((seed >> 16) % 3) - 1;
    const tick = ticks[s] ?? 20_000;
    let last = prices.get(tick);
    if (last === undefined) {
      last = dec(tick).times('0.25');
      prices.set(tick, last);
    }
    events.push({ type: 'quote', t: t0 + 1000 + i, symbol: `S${s}`, last });
  }
  return events;
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

const events = stream(quotes);
for (const c of cases) {
  const state = setup(c);
  for (const event of events.slice(0, Math.min(10_000, quotes))) apply(state, event);
  const heapBefore = heapMB();
  const started = process.hrtime.bigint();
  for (const event of events) apply(state, event);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const heapGrowthMB = heapMB() - heapBefore;
  process.stdout.write(
    `${JSON.stringify({
      case: c.name,
      quotes,
      quotesPerSec: Math.round(quotes / seconds),
      breachToCommandP50Us: null,
      breachToCommandP99Us: null,
      breachToCommandMaxUs: null,
      heapGrowthMB: Math.round(heapGrowthMB * 100) / 100,
    })}\n`,
  );
}
