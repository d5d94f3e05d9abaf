// `npm run bench`: bundles the benchmark with esbuild (as the desktop build bundles the app; tsx's on-the-fly
// transform adds per-closure naming that is not in a build) and runs it with an exposed GC for heap figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

mkdirSync('.tsbuild', { recursive: true });
await build({
  entryPoints: ['test/bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: '.tsbuild/bench.cjs',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', '.tsbuild/bench.cjs'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
