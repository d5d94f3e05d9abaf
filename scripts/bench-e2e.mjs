// `npm run bench:e2e`: bundles the end-to-end breach bench with esbuild (the product ships bundled; tsx's
// on-the-fly transform adds costs a build does not have): its main thread (the real core) and its gateway thread
// (the fake broker) as two files side by side in a fresh .tsbuild/bench-e2e-* directory of this run's own (a
// second run started meanwhile cannot swap the gateway thread's file under it), then runs the main one with node.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';
import { build } from 'esbuild';
import { bundleFileUrl, copyCheckpointWorker } from './build-desktop.mjs';

/**
 * BENCH_AWAKE=1, a diagnosis and not the figure: one spinner per core at the lowest priority keeps every virtual
 * CPU from halting, so the run shows what is left once waking an idle CPU costs nothing (docs/TESTING.md).
 */
function keepCoresAwake() {
  if (process.env.BENCH_AWAKE !== '1') return () => undefined;
  const spinners = Array.from({ length: availableParallelism() }, () => {
    // It stops by itself once this process is gone (its parent changes), should this one be killed.
    const spin = 'const p = process.ppid; for (let i = 1; (i & 0xfffff) !== 0 || process.ppid === p; i++);';
    const spinner = spawn(process.execPath, ['-e', spin], { stdio: 'ignore' });
    if (spinner.pid !== undefined) setPriority(spinner.pid, 19);
    return spinner;
  });
  process.stderr.write(
    `bench:e2e BENCH_AWAKE=1: ${spinners.length} lowest-priority spinners keep the cores awake\n`,
  );
  return () => spinners.forEach((spinner) => spinner.kill());
}

mkdirSync('.tsbuild', { recursive: true });
const stopSpinners = keepCoresAwake();
const outdir = mkdtempSync('.tsbuild/bench-e2e-');
try {
  await build({
    entryPoints: {
      main: 'test/bench/e2e/main.ts',
      'gateway-thread': 'test/bench/e2e/gateway-thread.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning',
    // The native addon loads from node_modules at run time.
    external: ['better-sqlite3'],
    ...bundleFileUrl,
  });
  // The store's checkpointer thread, beside the bundle as the builds put it.
  copyCheckpointWorker({ outdir });
  const run = spawnSync(
    process.execPath,
    [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), `${outdir}/main.cjs`],
    { stdio: 'inherit' },
  );
  process.exitCode = run.status ?? 1;
} finally {
  stopSpinners();
  rmSync(outdir, { recursive: true, force: true });
}
