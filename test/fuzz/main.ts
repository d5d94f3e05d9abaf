// `npm run fuzz`: every surface that takes outside input, fuzzed for FUZZ_SECONDS (default 60) from FUZZ_SEED
// (default: a fresh one, printed), each crash and state corruption printed with its shrunk input, then one JSON
// line of totals. FUZZ_ONLY=surface[/property] and FUZZ_PATH replay one counterexample. docs/TESTING.md, "Fuzz".
import { register } from 'node:module';
import type { Finding } from './harness/types';

register('./electron-hook.mjs', import.meta.url);
// Electron's fake is bound now; the modules that import it are loaded after.
const { runFuzz } = await import('./harness/runner');
const { allSurfaces } = await import('./surfaces');

const seconds = Number(process.env.FUZZ_SECONDS ?? '60');
const seed =
  process.env.FUZZ_SEED === undefined
    ? (Date.now() ^ (Math.random() * 2 ** 31)) | 0
    : Number(process.env.FUZZ_SEED);
if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('FUZZ_SECONDS must be a positive number and FUZZ_SEED an integer\n');
  process.exit(2);
}
const only = process.env.FUZZ_ONLY;
const path = process.env.FUZZ_PATH;
process.stderr.write(`fuzz: FUZZ_SEED=${seed} FUZZ_SECONDS=${seconds}${only ? ` FUZZ_ONLY=${only}` : ''}\n`);

const result = await runFuzz({
  surfaces: allSurfaces(),
  seed,
  seconds,
  ...(only === undefined ? {} : { only }),
  ...(path === undefined ? {} : { path }),
  log: (line) => process.stderr.write(`fuzz: ${line}\n`),
});

for (const finding of result.findings) process.stdout.write(describe(finding));
const crashes = result.findings.filter((f) => f.kind === 'crash').length;
const stateCorruptions = result.findings.filter((f) => f.kind === 'stateCorruption').length;
process.stdout.write(
  `${JSON.stringify({ inputs: result.inputs, surfaces: result.surfaces, crashes, stateCorruptions })}\n`,
);
process.exitCode = crashes + stateCorruptions > 0 ? 1 : 0;
// Sockets a surface could not close must not keep the process alive.
setTimeout(() => process.exit(), 2_000).unref();

function describe(f: Finding): string {
  const replay =
    f.path === null
      ? ''
      : ` (replay: FUZZ_SEED=${f.seed} FUZZ_ONLY=${f.surface}/${f.property} FUZZ_PATH=${f.path})`;
  return [
    `${f.kind === 'crash' ? 'CRASH' : 'STATE CORRUPTION'} ${f.surface}/${f.property} seed=${f.seed} path=${f.path ?? '-'}${replay}`,
    `  input: ${f.counterexample}`,
    `  error: ${f.error.split('\n').join('\n    ')}`,
    '',
  ].join('\n');
}
