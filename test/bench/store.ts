// `npm run bench:store`: a generated year of trading (250 days × 200 round trips, with their orders, quotes,
// clock ticks and equity samples with their metrics) written through the store, then compacted in the core's steps;
// prints one JSON line with the database size before and after compaction, the slowest step, and the time to open
// it (openStore + restore).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPACTION_STEP_SEQS } from '../../main/core/journaling';
import { restoreEngine } from '../../main/core/restore';
import { createEngineState, engineConfigOf, serializeState } from '../../main/engine';
import { loadConfig } from '../../main/core/start';
import { memoryLogger } from '../../main/platform/logger';
import { openStore, type EquitySample } from '../../main/store';
import type { EngineEvent } from '../../shared/domain/events';
import { dec } from '../../shared/domain/money';
import { writeFileSync } from 'node:fs';

const days = Number(process.env.BENCH_DAYS ?? 250);
const tradesPerDay = Number(process.env.BENCH_TRADES ?? 200);
const quotesPerTrade = 20;
const day = 86_400_000;
const start = Date.parse('2025-01-06T14:30:00Z');

const dir = mkdtempSync(join(tmpdir(), 'warden-bench-store-'));
const file = join(dir, 'warden.db');
const logger = memoryLogger();
const sizeOf = () =>
  ['', '-wal'].reduce(
    (sum, suffix) => sum + (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0),
    0,
  );

let store = openStore(file, { logger, retentionDays: 30 });
const writeStarted = performance.now();
let rows = 0;
for (let d = 0; d < days; d += 1) {
  const t0 = start + d * day;
  const events: EngineEvent[] = [];
  const samples: EquitySample[] = [];
  for (let i = 0; i < tradesPerDay; i += 1) {
    const t = t0 + i * 120_000;
    const price = dec(5000 + (i % 40));
    for (const [k, side] of (['buy', 'sell'] as const).entries()) {
      const id = `${d}-${i}-${k}`;
      const at = t + k * 60_000;
      events.push({
        type: 'order',
        t: at,
        account: 'A1',
        id,
        symbol: 'MES',
        side,
        kind: 'market',
        qty: 1,
        status: 'filled',
      });
      events.push({
        type: 'fill',
        t: at + 1,
        account: 'A1',
        id,
        orderId: id,
        symbol: 'MES',
        side,
        qty: 1,
        price,
        fees: dec('0.37'),
      });
    }
    for (let q = 0; q < quotesPerTrade; q += 1)
      events.push({ type: 'quote', t: t + 2 + q * 5000, symbol: 'MES', last: price });
    events.push({ type: 'clock', t: t + 3 });
  }
  // An equity sample every 10 s over the 6.7 trading hours the trades span.
  for (let s = 0; s < (tradesPerDay * 120) / 10; s += 1)
    samples.push({
      account: 'A1',
      t: t0 + s * 10_000,
      balance: '50000.00',
      equity: '50012.50',
      dailyNetPnl: '12.50',
      dailyDrawdown: '3.75',
      openQty: 1,
      metrics: {
        unrealizedPnl: '-3.75',
        dailyRealizedPnl: '16.25',
        weeklyNetPnl: '112.5',
        trailingThreshold: '48012.5',
        dailyLossFloor: '49000',
        marginLevel: '100025',
        tradesToday: Math.floor(s / 12),
        consecutiveLosses: 0,
        tradingState: 'active',
      },
    });
  store.journal.appendMany(events);
  store.history.sample(samples);
  for (let i = 0; i < tradesPerDay; i += 1)
    store.history.addTrade({
      account: 'A1',
      symbol: 'MES',
      side: 'long',
      qty: 1,
      entryPrice: '5000.25',
      exitPrice: '5001.5',
      openedAt: t0 + i * 120_000,
      closedAt: t0 + i * 120_000 + 60_000,
      realizedPnl: '6.25',
      fees: '0.74',
      netPnl: '5.51',
      mfe: '8.75',
      mae: '-2.50',
      tag: null,
      initialRisk: '12.50',
      rMultiple: '0.4408',
    });
  rows += events.length + samples.length + tradesPerDay;
}
const writeSeconds = (performance.now() - writeStarted) / 1000;
const configFile = join(dir, 'config.yaml');
writeFileSync(configFile, 'accounts: { A1: { startingBalance: 50000 } }\n');
const config = engineConfigOf(loadConfig(configFile));
const end = start + days * day;
const lastSeq = store.journal.lastSeq();
store.snapshots.save({ journalSeq: lastSeq, t: end, state: serializeState(createEngineState(config)) });
store.close();
const sizeBeforeBytes = sizeOf();

store = openStore(file, { logger, retentionDays: 30 });
// In the core's steps: the slowest step is how long compaction can hold the thread at once.
const compactStarted = performance.now();
const removed = { journal: 0, samples: 0 };
let slowestStepMs = 0;
for (let more = true; more;) {
  const stepStarted = performance.now();
  const step = store.compact(end, COMPACTION_STEP_SEQS);
  slowestStepMs = Math.max(slowestStepMs, performance.now() - stepStarted);
  removed.journal += step.journal;
  removed.samples += step.samples;
  more = step.more;
}
const compactSeconds = (performance.now() - compactStarted) / 1000;
store.close();
// VACUUM-free: SQLite reuses the freed pages; the file shrinks only with VACUUM, so report both.
const sizeAfterCompactBytes = sizeOf();
store = openStore(file, { logger });
store.close();

const opens: number[] = [];
for (let i = 0; i < 5; i += 1) {
  const began = performance.now();
  store = openStore(file, { logger });
  restoreEngine(store, config, logger);
  opens.push(performance.now() - began);
  store.close();
}
const vacuum = (await import('better-sqlite3')).default;
const raw = new vacuum(file);
raw.exec('VACUUM');
raw.close();
const sizeAfterVacuumBytes = sizeOf();
const began = performance.now();
store = openStore(file, { logger });
restoreEngine(store, config, logger);
const openAfterVacuumMs = performance.now() - began;
const journalRows = store.journal.count();
store.close();
rmSync(dir, { recursive: true, force: true });

process.stdout.write(
  JSON.stringify({
    case: 'store-year',
    days,
    tradesPerDay,
    rowsWritten: rows,
    writeSeconds: Number(writeSeconds.toFixed(1)),
    sizeBeforeMB: Number((sizeBeforeBytes / 1e6).toFixed(1)),
    removed,
    compactSeconds: Number(compactSeconds.toFixed(2)),
    compactSlowestStepMs: Number(slowestStepMs.toFixed(1)),
    sizeAfterCompactMB: Number((sizeAfterCompactBytes / 1e6).toFixed(1)),
    sizeAfterVacuumMB: Number((sizeAfterVacuumBytes / 1e6).toFixed(1)),
    journalRowsKept: journalRows,
    openMedianMs: Number((opens.sort((a, b) => a - b)[2] ?? 0).toFixed(1)),
    openAfterVacuumMs: Number(openAfterVacuumMs.toFixed(1)),
  }) + '\n',
);
