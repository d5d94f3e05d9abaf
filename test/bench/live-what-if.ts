// `npm run bench` case `live-what-if`: breach-to-command on the live core (breach-loop.ts) with and without a what-if
// over a large journal running (time queued behind the what-if's journal reads on the core's thread counts). A
// third phase runs beside a thread that only spins (a core taken, as the what-if's worker takes one, and nothing
// more), to tell the two costs apart. BENCH_WHATIF_ROWS sets the journal's size (default 300k rows of
// the what-if account), BENCH_WHATIF_SAMPLES the breaches per phase (default 200).
import { Worker } from 'node:worker_threads';
import type { WardenCore } from '../../main/core/types';
import type { Store } from '../../main/store';
import type { EngineEvent } from '../../shared/domain/events';
import { dec } from '../../shared/domain/money';
import { breachCore } from './breach-loop';

const journalRows = Number(process.env.BENCH_WHATIF_ROWS ?? 300_000);
const samples = Number(process.env.BENCH_WHATIF_SAMPLES ?? 200);
/**
 * Mean time between breaches (BENCH_WHATIF_GAP_MS): long enough for each to be carried out (alerts, the audit's
 * rows, each written with a full sync) before the next, as breaches are rare; closer ones time the queue.
 */
const gapMs = Number(process.env.BENCH_WHATIF_GAP_MS ?? 100);
const edited = { accounts: { A: { startingBalance: 50000, rules: { dailyLoss: { amount: 600 } } } } };

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
  const live = await breachCore({});
  try {
    const now = Date.now();
    live.emit({
      type: 'instrument',
      t: now,
      symbol: 'WI',
      tickSize: dec('0.25'),
      tickValue: dec('0.50'),
      currency: 'USD',
    });
    live.emit({ type: 'account', t: now, account: 'A', balance: dec(50000) });
    fillJournal(live.store, journalRows, now);
    const without = await live.phase({ samples, gapMs });
    const whatIf = whatIfLoop(live.core);
    await whatIf.start();
    const withWhatIf = await live.phase({
      samples,
      gapMs,
      during: () => {
        whatIf.keepRunning();
      },
    });
    await whatIf.finish();
    if (whatIf.loop.error !== null) throw new Error(`the what-if failed: ${whatIf.loop.error}`);
    // The control: a thread that only spins, taking a core as the what-if's worker does, nothing on this one.
    const spinner = new Worker('for (;;) {}', { eval: true });
    const withSpinner = await live.phase({ samples, gapMs });
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
    await live.stop();
  }
}
