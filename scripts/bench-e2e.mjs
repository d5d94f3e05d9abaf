// `npm run bench:e2e`: bundles the end-to-end breach bench with esbuild (the product ships bundled; tsx's
// on-the-fly transform adds costs a build does not have): its main thread (the real core) and its gateway thread
// (the fake broker) as two files side by side in .tsbuild/bench-e2e/, then runs the main one with node.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleFileUrl } from './build-desktop.mjs';

const outdir = '.tsbuild/bench-e2e';
mkdirSync(outdir, { recursive: true });
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
const run = spawnSync(process.execPath, [`${outdir}/main.cjs`], { stdio: 'inherit' });
process.exit(run.status ?? 1);
