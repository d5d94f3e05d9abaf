// `npm run bench`: bundles the benchmark with esbuild (as the desktop build bundles the app; tsx's on-the-fly
// transform adds per-closure naming that is not in a build) and runs it with an exposed GC for heap figures. The
// worker threads are written beside it, as the desktop build does, for the live core's case.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { buildWorkers, bundleFileUrl } from './build-desktop.mjs';

mkdirSync('.tsbuild', { recursive: true });
await build({
  entryPoints: ['test/bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: '.tsbuild/bench.cjs',
  logLevel: 'warning',
  // The native addon loads from node_modules at run time.
  external: ['better-sqlite3'],
  ...bundleFileUrl,
});
await buildWorkers({ outdir: '.tsbuild', target: 'node20' });
const run = spawnSync(process.execPath, ['--expose-gc', '.tsbuild/bench.cjs'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
