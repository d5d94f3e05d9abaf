// The live core's breach loop shared by the bench cases that time it (live-what-if, dead-channel): a real core over
// a real SQLite file and a broker that fills at once; accounts B<i>, each long 2 of its own contract S<i> under a
// position loss limit; a breaching quote comes from another thread, as a broker's frames come off the socket, and
// is timed from when that thread sent it to when the core hands the broker its closePosition (so time queued on
// the core's thread counts); the close fills and the position is bought back for the next breach.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BrokerAdapter } from '../../main/broker/types';
import { createCore, type CoreDeps } from '../../main/core/app';
import type { WardenCore } from '../../main/core/types';
import { engineConfigOf } from '../../main/engine';
import { systemClock } from '../../main/platform/clock';
import { createLogger } from '../../main/platform/logger';
import { openStore, type Store } from '../../main/store';
import { validateConfig, type WardenConfig } from '../../shared/config/schema';
import type { BrokerEvent } from '../../shared/domain/events';
import { dec } from '../../shared/domain/money';

/** Accounts breached in turn. */
const accounts = 10;
const warmups = 30;
/** Every account's position loss limit: a quote at 4800 (2 contracts, 80 points at 1.25 a tick) breaches it. */
export const breachRules = { positionLoss: { amount: 300 } };

/**
 * A broker that takes every command and fills a close at once (as the simulator does), then buys the position
 * back for the next breach; `onClose` hears each closePosition as it is handed over.
 */
function benchBroker(onClose: (account: string) => void) {
  let emit: (event: BrokerEvent) => void = () => undefined;
  let fills = 0;
  const fill = (account: string, symbol: string, side: 'buy' | 'sell', price: number) => {
    fills += 1;
    const id = `f${fills}`;
    emit({
      type: 'fill',
      t: Date.now(),
      account,
      id,
      orderId: id,
      symbol,
      side,
      qty: 2,
      price: dec(price),
      fees: dec(0),
    });
  };
  const adapter: BrokerAdapter = {
    kind: 'sim',
    start: (to) => {
      emit = to;
      return Promise.resolve();
    },
    execute(command) {
      if (command.type !== 'closePosition') return Promise.resolve({ ok: true });
      onClose(command.account);
      setImmediate(() => {
        fill(command.account, command.symbol, 'sell', 4800);
        emit({ type: 'quote', t: Date.now(), symbol: command.symbol, last: dec(5000) });
        fill(command.account, command.symbol, 'buy', 5000);
      });
      return Promise.resolve({ ok: true });
    },
    reconnect: () => false,
    stop: () => Promise.resolve(),
  };
  return { adapter, emit: (event: BrokerEvent) => emit(event), fill };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/** Sends `count` breach signals, 0.5 to 1.5 gaps apart, from another thread, each with its send time. */
function feed(count: number, gapMs: number): Worker {
  return new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let i = 0;
     const next = () => {
       if (i >= workerData.count) return;
       parentPort.postMessage({ i: i++, sentAt: process.hrtime.bigint() });
       setTimeout(next, workerData.gap * (0.5 + Math.random()));
     };
     next();`,
    { eval: true, workerData: { count, gap: gapMs } },
  );
}

/** Breach-to-command times of one phase, in microseconds. */
export type Phase = { n: number; p50: number; p99: number; max: number };

const turn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

export type BreachCore = {
  core: WardenCore;
  store: Store;
  /** A working directory of the run (removed at stop). */
  dir: string;
  emit: (event: BrokerEvent) => void;
  /**
   * One breach per signal from the feed thread (`samples` after the warm-up, about `gapMs` apart), the accounts
   * in turn; `during` runs at each signal.
   */
  phase: (options: { samples: number; gapMs: number; during?: () => void }) => Promise<Phase>;
  stop: () => Promise<void>;
};

/**
 * The live core on the bench broker, its config `document` (the breached accounts' limits are added to its
 * defaults); `deps` adds to what createCore is given, with the run's directory to hand.
 */
export async function breachCore(
  document: Record<string, unknown>,
  deps: (dir: string) => Promise<Partial<CoreDeps>> = () => Promise.resolve({}),
): Promise<BreachCore> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
  const logger = createLogger({ level: 'error', console: false });
  const store = openStore(join(dir, 'warden.db'), { logger });
  /** Each account's breach sent and not yet commanded: its send time (-1 for a warm-up). */
  const sent = new Map<string, bigint>();
  const latencies: number[] = [];
  const broker = benchBroker((account) => {
    const sentAt = sent.get(account);
    if (sentAt === undefined) return;
    sent.delete(account);
    if (sentAt >= 0n) latencies.push(Number(process.hrtime.bigint() - sentAt) / 1000);
  });
  const config = configOf(document);
  const core = await createCore({
    broker: broker.adapter,
    store,
    clock: systemClock,
    logger,
    engineConfig: engineConfigOf(config),
    configSource: { document: config },
    ...(await deps(dir)),
  });
  setUp(broker.emit, broker.fill);

  const phase: BreachCore['phase'] = async ({ samples, gapMs, during }) => {
    latencies.length = 0;
    const worker = feed(samples + warmups, gapMs);
    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', ({ i, sentAt }: { i: number; sentAt: bigint }) => {
        during?.();
        const account = `B${i % accounts}`;
        // Still being closed (the machine is slower than the gap): this signal is not a sample.
        if (sent.has(account)) return;
        sent.set(account, i < warmups ? -1n : sentAt);
        broker.emit({ type: 'quote', t: Date.now(), symbol: `S${i % accounts}`, last: dec(4800) });
      });
      worker.on('exit', () => {
        resolve();
      });
    });
    await worker.terminate();
    for (let wait = 0; sent.size > 0; wait += 1) {
      if (wait > 100_000)
        throw new Error(`a breach gave no command: ${[...sent.keys()].join(', ')} after ${latencies.length}`);
      await turn();
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      n: sorted.length,
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    };
  };
  return {
    core,
    store,
    dir,
    emit: broker.emit,
    phase,
    stop: async () => {
      await core.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function configOf(document: Record<string, unknown>): WardenConfig {
  const defaults = (document.defaults ?? {}) as { rules?: Record<string, unknown> };
  const valid = validateConfig({
    quoteSanity: { maxJumpPct: 50, confirmQuotes: 1 },
    ...document,
    defaults: { ...defaults, rules: { ...breachRules, ...defaults.rules } },
  });
  if (!valid.ok) throw new Error(valid.errors.join('; '));
  return valid.config;
}

/** The breached accounts B<i>, each long 2 of its own contract S<i> at 5000. */
function setUp(
  emit: (event: BrokerEvent) => void,
  fill: (account: string, symbol: string, side: 'buy', price: number) => void,
): void {
  const now = Date.now();
  for (let i = 0; i < accounts; i += 1) {
    emit({
      type: 'instrument',
      t: now,
      symbol: `S${i}`,
      tickSize: dec('0.25'),
      tickValue: dec('1.25'),
      currency: 'USD',
    });
    emit({ type: 'quote', t: now, symbol: `S${i}`, last: dec(5000) });
    emit({ type: 'account', t: now, account: `B${i}`, balance: dec(50000) });
    fill(`B${i}`, `S${i}`, 'buy', 5000);
  }
}
