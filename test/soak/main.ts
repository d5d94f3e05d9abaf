// `npm run soak` (docs/TESTING.md, "Soak"): the real core on the simulator for SOAK_MINUTES (default 60, may be
// fractional) under the demo robot, a fast market and a broker link dropped about once a minute (SOAK_SEED fixes
// every draw; default 17). Violations are told on stderr as they happen; stdout gets exactly one JSON line at the
// end. Exits 1 on any invariant violation, broker mismatch or lost event, keeping the data dir (SOAK_KEEP=1 always).
import { rmSync } from 'node:fs';
import { runSoak } from './soak';

/** 12 symbols quote once per step: a step every 5 ms is 2,400 quotes a second. */
const TICK_INTERVAL_MS = 5;

function numberFrom(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
}

const minutes = numberFrom('SOAK_MINUTES', 60);
const seed = Math.trunc(numberFrom('SOAK_SEED', 17));
const data = { dir: '' };
const result = await runSoak({
  minutes,
  seed,
  tickIntervalMs: TICK_INTERVAL_MS,
  tell: (line) => {
    if (line.startsWith('data in ')) data.dir = line.slice('data in '.length);
    process.stderr.write(`soak: ${line}\n`);
  },
});
const failed = result.invariantViolations + result.brokerMismatches + result.lostEvents > 0;
// A failed run keeps its data (the database, the simulator's book, the core's log) for a look afterwards.
if (failed || process.env.SOAK_KEEP === '1') process.stderr.write(`soak: data kept in ${data.dir}\n`);
else rmSync(data.dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
if (result.quotesPerSec < 2000)
  process.stderr.write(
    `soak: the market ran at ${result.quotesPerSec} quotes/s, below 2,000 (a busy machine)\n`,
  );
process.exit(failed ? 1 : 0);
