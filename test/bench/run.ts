// `npm run bench`: feeds a generated quote stream through the engine with a prop-firm rule set and prints one
// JSON line per case: quotes/s, breach-to-command latency (a breaching quote entering apply() to each account's
// flatten decision leaving it) and heap growth over the stream. BENCH_QUOTES sets the stream length (default 1M),
// BENCH_CASE picks one case; `live-what-if` and `dead-channel` are the live core's breach-to-command with a what-if
// running and with every remote alert channel dead.
import { apply, createEngineState, type EngineConfig, type EngineState } from '../../main/engine';
import { engineConfigOf } from '../../main/engine';
import { validateConfig } from '../../shared/config/schema';
import type { QuoteEvent } from '../../shared/domain/events';
import { dec, type Dec } from '../../shared/domain/money';
import { deadChannelCase } from './dead-channel';
import { liveWhatIfCase } from './live-what-if';

/** `groups`: the accounts in that many groups of equal size (docs/RULES.md section 10), each with a group loss. */
type Case = { name: string; accounts: number; positionsPerAccount: number; groups?: number };
/** BENCH_CASE=20x5 runs that case alone. */
const cases: Case[] = [
  { name: '1x10', accounts: 1, positionsPerAccount: 10 },
  { name: '20x5', accounts: 20, positionsPerAccount: 5 },
  // The crash takes every group over its loss: members that hold no S0 are flattened by their group alone.
  { name: '20x5-groups', accounts: 20, positionsPerAccount: 5, groups: 4 },
].filter((c) => process.env.BENCH_CASE === undefined || c.name === process.env.BENCH_CASE);
const quotes = Number(process.env.BENCH_QUOTES ?? 1_000_000);
const breachSamples = Number(process.env.BENCH_BREACHES ?? 300);
const symbolCount = 10;
const t0 = Date.parse('2026-05-05T14:00:00Z');

/** `count` groups of consecutive accounts, each with a summed daily loss and a copier that only alerts. */
function groupsOf(accounts: number, count: number): Record<string, unknown> {
  const size = accounts / count;
  return Object.fromEntries(
    Array.from({ length: count }, (_, g) => {
      const members = Array.from({ length: size }, (_, m) => `A${g * size + m}`);
      const group = {
        name: `Group ${g}`,
        accounts: members,
        rules: { groupDailyLoss: { amount: 1500 }, groupMaxContracts: { total: 100 } },
        copier: { leader: members[0], graceSeconds: 5 },
      };
      return [`G${g}`, group];
    }),
  );
}

function engineConfig(accounts: number, groups?: number): EngineConfig {
  const rules = {
    dailyLoss: { amount: 1000 },
    weeklyLoss: { amount: 2500 },
    trailingDrawdown: { amount: 2000, mode: 'intraday' },
    positionLoss: { amount: 600 },
    maxContracts: { total: 100 },
  };
  const document = {
    quoteSanity: { maxJumpPct: 50, confirmQuotes: 1 },
    accounts: Object.fromEntries(
      Array.from({ length: accounts }, (_, a) => [`A${a}`, { startingBalance: 50000, rules }]),
    ),
    ...(groups === undefined ? {} : { groups: groupsOf(accounts, groups) }),
  };
  const result = validateConfig(document);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return engineConfigOf(result.config);
}

function setup(c: Case): EngineState {
  const state = createEngineState(engineConfig(c.accounts, c.groups));
  for (let s = 0; s < symbolCount; s += 1) {
    apply(state, {
      type: 'instrument',
      t: t0,
      symbol: `S${s}`,
      tickSize: dec('0.25'),
      tickValue: dec('1.25'),
      currency: 'USD',
      marginPerContract: dec('50'),
    });
    apply(state, { type: 'quote', t: t0, symbol: `S${s}`, last: dec('5000') });
  }
  for (let a = 0; a < c.accounts; a += 1) {
    for (let p = 0; p < c.positionsPerAccount; p += 1) {
      apply(state, {
        type: 'fill',
        t: t0 + 1,
        account: `A${a}`,
        id: `f${a}-${p}`,
        orderId: `o${a}-${p}`,
        symbol: `S${(a + p) % symbolCount}`,
        side: p % 2 === 0 ? 'buy' : 'sell',
        qty: 1 + (p % 3),
        price: dec('5000'),
        fees: dec('0.37'),
      });
    }
  }
  return state;
}

/** A random walk in whole ticks (±8 around 5000, so no limit is reached), round-robin over the symbols. */
function stream(count: number): QuoteEvent[] {
  const ticks = new Array<number>(symbolCount).fill(0);
  const prices = new Map<number, Dec>();
  let seed = 42;
  const events: QuoteEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const s = i % symbolCount;
    const step = ((seed >> 16) % 3) - 1;
    const tick = Math.max(-8, Math.min(8, (ticks[s] ?? 0) + step));
    ticks[s] = tick;
    let last = prices.get(tick);
    if (last === undefined) {
      last = dec(5000).plus(dec('0.25').times(tick));
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/**
 * Fresh state each time; a quote that crashes S0 by 400 points breaches the daily loss of every account holding
 * it. Each account's flatten is timed from the quote entering apply() to its first flatten decision leaving the
 * engine (the one that becomes the broker command).
 */
function breachLatencies(c: Case, warmup: QuoteEvent[]): number[] {
  const samples: number[] = [];
  const warmups = 50; // discarded: the breach path's first runs measure the JIT compiler, not the engine
  for (let i = 0; i < breachSamples + warmups; i += 1) {
    const state = setup(c);
    // No forced collection here: a full GC before each sample compacts the heap and leaves V8 sweeping on
    // background threads while the sample runs (on two cores they take the engine's), a state no live quote
    // meets. Collections come as they would in the app, the set-up's garbage included, and count in the tail.
    for (const event of warmup) apply(state, event);
    const crash: QuoteEvent = { type: 'quote', t: t0 + 10_000_000, symbol: 'S0', last: dec('4600') };
    const started = process.hrtime.bigint();
    // One flatten command per account: the enforcer joins later flatten decisions of the same account to it.
    const flattened = new Set<string>();
    apply(state, crash, (decision) => {
      if (decision.kind !== 'rule' || decision.action !== 'flatten' || flattened.has(decision.account))
        return;
      if (i >= warmups) samples.push(Number(process.hrtime.bigint() - started) / 1000);
      flattened.add(decision.account);
    });
    if (flattened.size === 0) throw new Error('the crash did not breach');
    if (c.groups !== undefined && flattened.size !== c.accounts)
      throw new Error(`the crash flattened ${flattened.size} of ${c.accounts} grouped accounts`);
  }
  return samples.sort((a, b) => a - b);
}

const events = stream(quotes);
for (const c of cases) {
  const state = setup(c);
  for (const event of events.slice(0, Math.min(10_000, quotes))) apply(state, event);
  const heapBefore = heapMB();
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  for (const event of events) apply(state, event);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const heapGrowthMB = heapMB() - heapBefore;
  const latencies = breachLatencies(c, events.slice(0, 200));
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      case: c.name,
      quotes,
      quotesPerSec: Math.round(quotes / seconds),
      // CPU time (GC threads included): steadier than wall time on a busy machine.
      quotesPerCpuSec: Math.round(quotes / cpuSeconds),
      breachToCommandP50Us: round(percentile(latencies, 50)),
      breachToCommandP99Us: round(percentile(latencies, 99)),
      tail: [90, 95, 97, 98].map((p) => round(percentile(latencies, p))),
      breachToCommandMaxUs: round(latencies.at(-1) ?? Number.NaN),
      heapGrowthMB: Math.round(heapGrowthMB * 100) / 100,
    })}\n`,
  );
}

// The live core's cases, one after another: with and without a what-if running (live-what-if.ts), and with every
// remote alert channel pointed at a server that never answers (dead-channel.ts).
const liveCases: [string, () => Promise<Record<string, unknown>>][] = [
  ['live-what-if', liveWhatIfCase],
  ['dead-channel', deadChannelCase],
];
void (async () => {
  for (const [name, run] of liveCases) {
    if (process.env.BENCH_CASE !== undefined && process.env.BENCH_CASE !== name) continue;
    try {
      process.stdout.write(`${JSON.stringify(await run())}\n`);
    } catch (error) {
      process.stderr.write(`${name}: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
})();
