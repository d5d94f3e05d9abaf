// Bundles the Electron host: the main process (CommonJS, the core included), the what-if's worker thread beside it,
// and the sandboxed preload (ONE CommonJS file that requires nothing but 'electron'), and copies the tray icons.
// Usage: node scripts/build-desktop.mjs [--minify] [--outdir DIR]
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const defaultRoot = fileURLToPath(new URL('..', import.meta.url));
// Electron 45 runs Node 22 in the main process and Chromium 140 in the renderer.
const target = ['node22', 'chrome140'];

/** Core modules written as ESM may read import.meta.url; in a CJS bundle it is the bundle's own file URL. */
export const bundleFileUrl = {
  banner: { js: 'const __bundleFileUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleFileUrl' },
};

/** What every bundle here shares: one CommonJS file for Node (`target` by default: Electron's). */
const commonOptions = ({ minify = false, target: bundleTarget = target } = {}) => ({
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: bundleTarget,
  minify,
  sourcemap: true,
  logLevel: 'warning',
});

/**
 * The worker threads a bundle starts, written beside it in `outdir`: the what-if's (main/whatif/worker.ts, bundled
 * as `what-if-worker.cjs`, which main/whatif/worker-file.ts picks when it lies beside the bundle) and the store's
 * checkpointer (main/store/checkpoint-worker.cjs, plain CommonJS, copied as it is).
 */
export async function buildWorkers({ root = defaultRoot, outdir, ...options }) {
  await build({
    ...commonOptions(options),
    entryPoints: [join(root, 'main', 'whatif', 'worker.ts')],
    outfile: join(outdir, 'what-if-worker.cjs'),
    ...bundleFileUrl,
  });
  copyCheckpointWorker({ root, outdir });
}

/** The store's checkpointer thread (plain CommonJS) into `outdir`, beside the bundle that opens the store. */
export function copyCheckpointWorker({ root = defaultRoot, outdir }) {
  cpSync(join(root, 'main', 'store', 'checkpoint-worker.cjs'), join(outdir, 'checkpoint-worker.cjs'));
}

/** Builds dist/desktop/{main.cjs, what-if-worker.cjs, checkpoint-worker.cjs, preload.cjs, icons/}; throws with esbuild's messages on failure. */
export async function buildDesktop({
  root = defaultRoot,
  outdir = join(root, 'dist', 'desktop'),
  minify = false,
} = {}) {
  const common = commonOptions({ minify });
  await build({
    ...common,
    entryPoints: [join(root, 'main', 'desktop', 'main.ts')],
    outfile: join(outdir, 'main.cjs'),
    // The native addon is loaded at run time (Electron-ABI build via WARDEN_SQLITE_BINDING); ws's optional
    // accelerators are optional.
    external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
    ...bundleFileUrl,
  });
  await buildWorkers({ root, outdir, minify });
  const preload = await build({
    ...common,
    entryPoints: [join(root, 'main', 'desktop', 'preload.ts')],
    outfile: join(outdir, 'preload.cjs'),
    external: ['electron'],
    metafile: true,
  });
  assertSandboxSafe(preload.metafile);
  copyIcons(root, outdir);
  return { outdir };
}

/** A sandboxed preload can require only Electron's own modules: anything else would fail in the window. */
function assertSandboxSafe(metafile) {
  for (const output of Object.values(metafile.outputs)) {
    const foreign = output.imports.filter((entry) => entry.external && entry.path !== 'electron');
    if (foreign.length > 0) {
      throw new Error(
        `preload would require ${foreign.map((entry) => entry.path).join(', ')} in the sandbox`,
      );
    }
  }
}

/** Every OS's tray icons from build/icons/tray (drawn by build/icons/generate.mjs) and the window icon. */
function copyIcons(root, outdir) {
  const icons = join(outdir, 'icons');
  mkdirSync(icons, { recursive: true });
  const trayDir = join(root, 'build', 'icons', 'tray');
  for (const file of readdirSync(trayDir)) cpSync(join(trayDir, file), join(icons, file));
  cpSync(join(root, 'build', 'icons', '256x256.png'), join(icons, 'warden.png'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const outdirFlag = process.argv.indexOf('--outdir');
    const { outdir } = await buildDesktop({
      minify: process.argv.includes('--minify'),
      ...(outdirFlag === -1 ? {} : { outdir: resolve(process.argv[outdirFlag + 1] ?? '') }),
    });
    console.log(`build-desktop: wrote ${outdir}`);
  } catch (error) {
    console.error(`build-desktop: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
