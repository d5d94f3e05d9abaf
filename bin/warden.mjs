#!/usr/bin/env node
// The `warden` command. It runs the compiled bundle (dist/cli/warden.cjs, made by `npm run build`, which npm install
// runs) while that is newer than every source file under main/ and shared/; otherwise, or with WARDEN_FROM_SOURCE=1,
// it runs the TypeScript directly through tsx, as in development.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli/warden.cjs`;

/** The newest modification time of the sources under `dir` (TypeScript, and the plain CommonJS workers; 0 when absent). */
function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && (entry.name.endsWith('.ts') || entry.name.endsWith('.cjs')))
      newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
  return newest;
}

function bundleIsCurrent() {
  if (process.env.WARDEN_FROM_SOURCE === '1' || !existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return newestSource(`${root}main`) <= built && newestSource(`${root}shared`) <= built;
}

async function loadMain() {
  if (bundleIsCurrent()) return createRequire(import.meta.url)(bundle).main;
  if (process.argv[2] === 'serve' && existsSync(bundle) && process.env.WARDEN_FROM_SOURCE !== '1')
    process.stderr.write(
      'warden: running from source (slower to start): dist/cli/warden.cjs is older than the sources; `npm run build` remakes it\n',
    );
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../main/cli.ts')).main;
}

try {
  const main = await loadMain();
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exit(code);
} catch (error) {
  process.stderr.write(`warden: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
