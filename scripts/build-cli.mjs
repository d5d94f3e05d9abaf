// Bundles the `warden` command (main/cli.ts: serve, replay, check-config, …) into dist/cli/warden.cjs with its
// worker threads beside it, so `npx warden serve` starts from one compiled file instead of transpiling the
// TypeScript at every launch (bin/warden.mjs picks the bundle while it is newer than the sources).
// Usage: node scripts/build-cli.mjs [--outdir DIR]
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWorkers, bundleFileUrl } from './build-desktop.mjs';

const defaultRoot = fileURLToPath(new URL('..', import.meta.url));
const nodeTarget = 'node20';

/** Builds `outdir`/{warden.cjs, what-if-worker.cjs, checkpoint-worker.cjs}; throws with esbuild's messages on failure. */
export async function buildCli({ root = defaultRoot, outdir = join(root, 'dist', 'cli') } = {}) {
  await build({
    entryPoints: [join(root, 'main', 'cli.ts')],
    outfile: join(outdir, 'warden.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: nodeTarget,
    sourcemap: true,
    logLevel: 'warning',
    // The native addon loads from node_modules at run time; ws's optional accelerators are optional.
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
    ...bundleFileUrl,
  });
  await buildWorkers({ root, outdir, target: nodeTarget });
  return { outdir };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const outdirFlag = process.argv.indexOf('--outdir');
    const { outdir } = await buildCli(
      outdirFlag === -1 ? {} : { outdir: resolve(process.argv[outdirFlag + 1] ?? '') },
    );
    console.log(`build-cli: wrote ${outdir}`);
  } catch (error) {
    console.error(`build-cli: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
