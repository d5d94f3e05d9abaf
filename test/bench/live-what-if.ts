// `npm run bench` case `live-what-if`: breach-to-command on the live core (a real core over a real SQLite file, a
// broker that answers at once) with and without a what-if over a large journal running. A few accounts each hold 2
// contracts under a position loss limit; a breaching quote comes from another thread, as a broker's frames come off
// the socket, and is timed from when that thread sent it to when the core hands the broker its closePosition (so
// time spent queued behind the what-if's journal reads on the core's thread counts); the close fills and the
// position is bought again for the next breach. A third phase runs beside a thread that only spins (a core taken,
// as the what-if's worker takes one, and nothing more), to tell the two costs apart. BENCH_WHATIF_ROWS sets the journal's size (default 300k rows of
// the what-if account), BENCH_WHATIF_SAMPLES the breaches per phase (default 200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BrokerAdapter } from '../../main/broker/types';
import { createCore } from '../../main/core/app';
import type { WardenCore } from '../../main/core/types';
import { engineConfigOf } from '../../main/engine';
import { systemClock } from '../../main/platform/clock';
import { createLogger } from '../../main/platform/logger';
import { openStore, type Store } from '../../main/store';
import { validateConfig } from '../../shared/config/schema';
import type { BrokerEvent, EngineEvent } from '../../shared/domain/events';
import { dec } from '../../shared/domain/money';

const journalRows = Number(process.env.BENCH_WHATIF_ROWS ?? 300_000);
const samples = Number(process.env.BENCH_WHATIF_SAMPLES ?? 200);
/**
 * Mean time between breaches (BENCH_WHATIF_GAP_MS): long enough for each to be carried out (alerts, the audit's
 * rows, each written with a full sync) before the next, as breaches are rare; closer ones time the queue.
 */
const gapMs = Number(process.env.BENCH_WHATIF_GAP_MS ?? 100);
const warmups = 30;

/** Accounts breached in turn. */
const accounts = 10;
const document = {
  quoteSanity: { maxJumpPct: 50, confirmQuotes: 1 },
  defaults: { rules: { positionLoss: { amount: 300 } } },
};
const edited = { accounts: { A: { startingBalance: 50000, rules: { dailyLoss: { amount: 600 } } } } };

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
  return { adapter, emit: (event: BrokerEvent) => emit(event), buy: fill };
}

/** The what-if account's last 29 days as rows: mostly its contract's quotes, some fills and balance reports, ticks. */
function fillJournal(store: Store, rows: number, now: number): void {
  const from = now - 29 * 86_400_000;
  const step = (now - 3_600_000 - from) / rows;
  let batch: EngineEvent[] = [];
  let price = 20000;
  for (let i = 0; i < rows; i += 1) {
    const t = Math.round(from + i * step);
    price += ((i * 7919) % 9) - 4;
    const kind = i % 20;
    const fill = (side: 'buy' | 'sell'): EngineEvent => ({
      type: 'fill',
      t,
      account: 'A',
      id: `A${i}`,
      orderId: `A${i}`,
      symbol: 'WI',
      side,
      qty: 2,
      price: dec(price / 4),
      fees: dec('1.24'),
    });
    if (kind === 0) batch.push(fill('buy'));
    else if (kind === 10) batch.push(fill('sell'));
    else if (kind === 11) batch.push({ type: 'account', t, account: 'A', balance: dec(50000) });
    else if (i % 997 === 0) batch.push({ type: 'clock', t });
    else batch.push({ type: 'quote', t, symbol: 'WI', last: dec(price / 4) });
    if (batch.length === 10_000) {
      store.journal.appendMany(batch);
      batch = [];
    }
  }
  store.journal.appendMany(batch);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/** Sends `count` breach signals, 0.5 to 1.5 gaps apart, from another thread, each with its send time. */
function feed(count: number): Worker {
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

type Phase = { n: number; p50: number; p99: number; max: number };
/** The live core as the bench drives it: a quote in, and each account's breach sent but not yet commanded. */
type Live = { emit: (event: BrokerEvent) => void; sent: Map<string, bigint>; latencies: number[] };

const turn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** One breach per signal from the feed thread, the accounts in turn; their breach-to-command times. */
async function phase(live: Live, during?: () => void): Promise<Phase> {
  live.latencies.length = 0;
  const worker = feed(samples + warmups);
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', ({ i, sentAt }: { i: number; sentAt: bigint }) => {
      during?.();
      const account = `B${i % accounts}`;
      // Still being closed (the machine is slower than the gap): this signal is not a sample.
      if (live.sent.has(account)) return;
      live.sent.set(account, i < warmups ? -1n : sentAt);
      live.emit({ type: 'quote', t: Date.now(), symbol: `S${i % accounts}`, last: dec(4800) });
    });
    worker.on('exit', () => {
      resolve();
    });
  });
  await worker.terminate();
  for (let wait = 0; live.sent.size > 0; wait += 1) {
    if (wait > 100_000)
      throw new Error(
        `a breach gave no command: ${[...live.sent.keys()].join(', ')} after ${live.latencies.length}`,
      );
    await turn();
  }
  const latencies = [...live.latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    n: latencies.length,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
  };
}

/** Keeps a what-if of account A running, one after another; how long a whole one took. */
function whatIfLoop(core: WardenCore) {
  let current: { run: string; started: number } | null = null;
  let busy: Promise<void> | null = null;
  const loop = { runs: 0, rows: 0, lastMs: 0, error: null as string | null };
  const start = async (): Promise<void> => {
    const answer = await core.command('whatIf', { account: 'A', days: 30, config: edited });
    if (!answer.ok) throw new Error(`whatIf refused: ${answer.error}`);
    loop.rows = answer.result.total;
    loop.runs += 1;
    current = { run: answer.result.run, started: performance.now() };
  };
  /** Whether the current run has ended (noting how long it took). */
  const ended = async (): Promise<boolean> => {
    if (current === null) return false;
    const status = await core.command('whatIfStatus', { run: current.run });
    if (status.ok && status.result.state === 'running') return false;
    if (!status.ok || status.result.state !== 'done') throw new Error(JSON.stringify(status));
    loop.lastMs = performance.now() - current.started;
    return true;
  };
  /** One look at a time: a run that ended is followed by the next. */
  const look = (next: boolean): Promise<void> => {
    busy ??= ended()
      .then(async (over) => {
        if (over && next) await start();
      })
      .catch((error: unknown) => {
        loop.error = (error as Error).message;
      })
      .finally(() => {
        busy = null;
      });
    return busy;
  };
  return {
    loop,
    start,
    keepRunning(): void {
      void look(true);
    },
    /** Waits for the current run to end. */
    async finish(): Promise<void> {
      await busy;
      try {
        while (!(await ended())) await new Promise((resolve) => setTimeout(resolve, 20));
      } catch (error) {
        loop.error = (error as Error).message;
      }
    },
  };
}

export async function liveWhatIfCase(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-whatif-'));
  const logger = createLogger({ level: 'error', console: false });
  const store = openStore(join(dir, 'warden.db'), { logger });
  const live: Live = { emit: () => undefined, sent: new Map(), latencies: [] };
  const broker = benchBroker((account) => {
    const sentAt = live.sent.get(account);
    if (sentAt === undefined) return;
    live.sent.delete(account);
    if (sentAt >= 0n) live.latencies.push(Number(process.hrtime.bigint() - sentAt) / 1000);
  });
  live.emit = broker.emit;
  const valid = validateConfig(document);
  if (!valid.ok) throw new Error(valid.errors.join('; '));
  let core: WardenCore | null = null;
  try {
    core = await createCore({
      broker: broker.adapter,
      store,
      clock: systemClock,
      logger,
      engineConfig: engineConfigOf(valid.config),
    });
    setUp(broker.emit, broker.buy);
    fillJournal(store, journalRows, Date.now());
    const without = await phase(live);
    const whatIf = whatIfLoop(core);
    await whatIf.start();
    const withWhatIf = await phase(live, () => {
      whatIf.keepRunning();
    });
    await whatIf.finish();
    if (whatIf.loop.error !== null) throw new Error(`the what-if failed: ${whatIf.loop.error}`);
    // The control: a thread that only spins, taking a core as the what-if's worker does, nothing on this one.
    const spinner = new Worker('for (;;) {}', { eval: true });
    const withSpinner = await phase(live);
    await spinner.terminate();
    return {
      case: 'live-what-if',
      journalRows,
      whatIfRows: whatIf.loop.rows,
      whatIfRuns: whatIf.loop.runs,
      whatIfSeconds: Math.round(whatIf.loop.lastMs / 100) / 10,
      samplesWithout: without.n,
      samplesWith: withWhatIf.n,
      breachToCommandWithoutP50Us: without.p50,
      breachToCommandWithoutP99Us: without.p99,
      breachToCommandWithoutMaxUs: without.max,
      breachToCommandWithP50Us: withWhatIf.p50,
      breachToCommandWithP99Us: withWhatIf.p99,
      breachToCommandWithMaxUs: withWhatIf.max,
      breachToCommandSpinnerP50Us: withSpinner.p50,
      breachToCommandSpinnerP99Us: withSpinner.p99,
    };
  } finally {
    await core?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The what-if account and its contract; the breached accounts B<i>, each long 2 of its own contract S<i>. */
function setUp(
  emit: (event: BrokerEvent) => void,
  buy: (account: string, symbol: string, side: 'buy', price: number) => void,
): void {
  const now = Date.now();
  const contract = (symbol: string, tickValue: string): BrokerEvent => ({
    type: 'instrument',
    t: now,
    symbol,
    tickSize: dec('0.25'),
    tickValue: dec(tickValue),
    currency: 'USD',
  });
  emit(contract('WI', '0.50'));
  emit({ type: 'account', t: now, account: 'A', balance: dec(50000) });
  for (let i = 0; i < accounts; i += 1) {
    emit(contract(`S${i}`, '1.25'));
    emit({ type: 'quote', t: now, symbol: `S${i}`, last: dec(5000) });
    emit({ type: 'account', t: now, account: `B${i}`, balance: dec(50000) });
    buy(`B${i}`, `S${i}`, 'buy', 5000);
  }
}
