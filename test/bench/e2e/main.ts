// `npm run bench:e2e`: a breach confirmed at a fake broker gateway (its own thread) until that gateway has read the
// enforcement call, through the real core and the real ProjectX and Tradovate adapters over real sockets. One JSON
// line per broker on stdout (p50/p99/max in ms); the hop breakdown, the main thread's event-loop delay and the
// machine's load on stderr. BENCH_CASE=projectx|tradovate runs one, BENCH_SAMPLES counted samples (default 300)
// after BENCH_WARMUP (default 30); BENCH_QUIET_MS=<ms> leaves the market quiet that long before each counted
// sample's confirming quote (no REST call meanwhile: what a kept connection is for); BENCH_REPORT=<file> also
// writes every sample's hops and the gateway's tally.
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lowerBackgroundThreads } from '../../../main/platform/thread-priority';
import { runCase, type CaseRun } from './loop';
import { benchCases, type BenchCase } from './protocol';
import { hopTable, hopsOf, resultLine, spreadOf, storeCallsText } from './stats';

function count(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not '${text}'`);
  return value;
}

function casesAsked(): BenchCase[] {
  const asked = process.env.BENCH_CASE;
  if (asked === undefined || asked === '') return [...benchCases];
  const found = benchCases.find((c) => c === asked);
  if (found === undefined)
    throw new Error(`BENCH_CASE must be one of ${benchCases.join(', ')}, not '${asked}'`);
  return [found];
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const say = (line: string) => process.stderr.write(`${line}\n`);

const WIRE: Record<BenchCase, string> = {
  projectx: 'request handed to its socket',
  tradovate: 'frame handed to ws.send()',
};

function tell(run: CaseRun, loadBefore: string): void {
  const hops = hopsOf(run.samples);
  const endpoints = [...new Set(run.samples.map((s) => s.endpoint))].join(' | ');
  say(`bench:e2e ${run.case}: ${run.samples.length} samples after ${run.warmUp} warm-up`);
  for (const line of hopTable(hops, endpoints, WIRE[run.case])) say(line);
  say('  store calls in hop 2, per sample:');
  for (const line of storeCallsText(run.samples)) say(`    ${line}`);
  const d = run.loopDelay;
  say(
    `  main thread event-loop delay (beyond its 10 ms timer): p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms, ` +
      `max ${d.maxMs} ms, mean ${d.meanMs} ms`,
  );
  say(`  gateway, for A: ${JSON.stringify(run.tally.calls)}, closes carried out ${run.tally.closes}`);
  say(`  client connections opened during the samples: ${run.newConnections}`);
  const cold = run.samples.filter((s) => s.newConnection).length;
  say(`  enforcement requests that opened a connection of their own: ${cold} of ${run.samples.length}`);
  say(`  checkpoints ran on: ${run.checkpoints}`);
  const slow = [...run.slowStoreCalls].map(
    ([call, { count, maxNs }]) => `${call} ×${count} (longest ${(Number(maxNs) / 1e6).toFixed(2)} ms)`,
  );
  say(`  store calls of 1 ms or more during the samples: ${slow.length === 0 ? 'none' : slow.join(', ')}`);
  say(
    `  garbage collections during the samples: ${run.gc.count}, ${run.gc.totalMs} ms in all, longest ${run.gc.maxMs} ms`,
  );
  const touched = run.gcInSamples.filter((ms) => ms > 0);
  say(
    `  samples a collection ran inside: ${touched.length}` +
      (touched.length === 0 ? '' : `, for ${Math.max(...touched)} ms at most`),
  );
  if (run.floor !== null) {
    const floor = spreadOf(run.floor);
    say(
      `  floor, the same threads, sockets and libraries with nothing of Warden between (one after each sample): ` +
        `p50 ${floor.p50Ms}, p99 ${floor.p99Ms}, max ${floor.maxMs} ms`,
    );
  }
  say(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
  process.stdout.write(`${resultLine(run.case, run.samples.length, hops.total)}\n`);
}

/** Every sample's hops in ms, the endpoint read, and the gateway's tally, for a test or a closer look. */
function report(runs: CaseRun[]): unknown {
  const ms = (ns: bigint) => Number(ns) / 1e6;
  return runs.map((run) => ({
    case: run.case,
    warmUp: run.warmUp,
    tally: run.tally,
    loopDelay: run.loopDelay,
    newConnections: run.newConnections,
    gc: run.gc,
    samples: run.samples.map((s, i) => ({
      at: new Date(s.at).toISOString(),
      endpoint: s.endpoint,
      toCoreMs: ms(s.receivedAt - s.sentAt),
      inCoreMs: ms(s.handedAt - s.receivedAt),
      inStoreMs: ms(s.storeNs),
      storeCallsMs: Object.fromEntries(Object.entries(s.storeCalls).map(([call, { ns }]) => [call, ms(ns)])),
      toGatewayMs: ms(s.readAt - s.handedAt),
      inAdapterMs: ms(s.wroteAt - s.handedAt),
      onWireMs: ms(s.readAt - s.wroteAt),
      gcMs: run.gcInSamples[i],
      floorMs: run.floor?.[i] ?? null,
      newConnection: s.newConnection,
    })),
  }));
}

async function main(): Promise<void> {
  const options = {
    workerFile: join(dirname(fileURLToPath(import.meta.url)), 'gateway-thread.cjs'),
    samples: count('BENCH_SAMPLES', 300),
    warmUp: count('BENCH_WARMUP', 30),
    quietMs: count('BENCH_QUIET_MS', 0),
  };
  // As `warden serve` does first thing (main/cli.ts), before the gateway thread, a remote broker's, exists.
  const lowered = lowerBackgroundThreads();
  say(
    `bench:e2e on node ${process.version}, ${availableParallelism()} cores, load ${load()}, ` +
      `${lowered} background threads lowered`,
  );
  const runs: CaseRun[] = [];
  for (const which of casesAsked()) {
    const before = load();
    const run = await runCase(which, options);
    tell(run, before);
    runs.push(run);
  }
  const file = process.env.BENCH_REPORT;
  if (file !== undefined && file !== '') writeFileSync(file, `${JSON.stringify(report(runs), null, 2)}\n`);
}

// An interrupted run exits through 'exit', where each core's temp dir is removed.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`bench:e2e failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
