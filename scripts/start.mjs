// `npm start`: the Electron desktop app where this machine can run it, otherwise `warden serve` (docs/API.md
// section 1). Arguments such as --demo pass through to either. Ctrl+C and kill reach the app, and its exit code
// becomes ours.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

register();
const {
  canRunElectron,
  electronBinaryPath,
  electronGypEnv,
  electronSqliteDir,
  fallbackMessage,
  fileExists,
  hasDisplay,
  sqliteBindingPath,
} = await import('./electron-runtime.ts');

main();

function main() {
  const electron = locateElectron();
  const decision = canRunElectron({
    electronPath: electron.path,
    exists: fileExists,
    platform: process.platform,
    env: process.env,
  });
  if (!decision.ok) return serve(fallbackMessage(decision.reasons));
  const prepared = prepareDesktop(electron.version);
  if (!prepared.ok) return serve(`${prepared.reason}; starting warden serve instead`);
  const env = { ...process.env, WARDEN_SQLITE_BINDING: prepared.sqliteBinding };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the Electron binary into a plain Node
  run(electron.path, [root, ...args], env);
}

/**
 * The runtime binary, if there is one. electron 45 downloads it lazily on first `require('electron')`; that is
 * tried (in a child, so a failure stays contained) only where a window could open at all.
 */
function locateElectron() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, version: null };
  }
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const known = electronBinaryPath(packageDir, process.env);
  if (known !== null && existsSync(known)) return { path: known, version };
  if (!hasDisplay(process.platform, process.env)) return { path: null, version };
  console.log(`Fetching the Electron ${version} runtime (first start only)…`);
  const download = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  });
  // The package logs its progress on stdout too; the path it resolves to comes last.
  const path = download.status === 0 ? (download.stdout.trim().split('\n').at(-1) ?? '') : '';
  return { path: path === '' ? null : path, version };
}

/** Desktop bundle, renderer build and an Electron-ABI better-sqlite3, each made only when missing. */
function prepareDesktop(electronVersion) {
  if (!step('node', [join(root, 'scripts', 'build-desktop.mjs')])) {
    return { ok: false, reason: 'the desktop bundle did not build' };
  }
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html')) && !npm(['run', 'build'])) {
    return { ok: false, reason: 'the renderer did not build' };
  }
  const sqliteBinding = ensureElectronSqlite(electronVersion);
  if (sqliteBinding === null) {
    return { ok: false, reason: `better-sqlite3 could not be built for Electron ${electronVersion}` };
  }
  return { ok: true, sqliteBinding };
}

/**
 * better-sqlite3 compiled against Electron's headers, in a copy under .electron-native/: the copy in
 * node_modules stays built for Node, which the tests and `warden serve` use.
 */
function ensureElectronSqlite(electronVersion) {
  const sourceDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sourceDir, 'package.json'), 'utf8')).version;
  const platform = process.platform;
  const arch = process.arch;
  const buildDir = electronSqliteDir(root, { sqliteVersion, electronVersion, platform, arch });
  const binding = sqliteBindingPath(buildDir);
  if (existsSync(binding)) return binding;
  console.log(
    `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; about a minute)…`,
  );
  rmSync(buildDir, { recursive: true, force: true });
  cpSync(sourceDir, buildDir, {
    recursive: true,
    filter: (source) => !/^(build|node_modules)(\/|$)/.test(relative(sourceDir, source).split(sep).join('/')),
  });
  const gypArgs = [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
    `--devdir=${join(root, '.electron-native', 'node-gyp')}`,
  ];
  const env = electronGypEnv(process.env);
  const nodeGyp = nodeGypScript();
  const built =
    nodeGyp === null
      ? step('npx', ['--yes', 'node-gyp', ...gypArgs], { cwd: buildDir, env })
      : step('node', [nodeGyp, ...gypArgs], { cwd: buildDir, env });
  return built && existsSync(binding) ? binding : null;
}

/** npm's bundled node-gyp (run directly: through npx, npm would put its own header settings back). */
function nodeGypScript() {
  const nodeDir = dirname(process.execPath);
  const candidates = [
    process.env.npm_config_node_gyp,
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((candidate) => candidate !== undefined && existsSync(candidate)) ?? null;
}

function npm(npmArgs) {
  const npmCli = process.env.npm_execpath;
  return npmCli !== undefined && npmCli.endsWith('.js')
    ? step('node', [npmCli, ...npmArgs])
    : step('npm', npmArgs);
}

/** Runs a build step in the foreground; true when it succeeded. */
function step(command, commandArgs, options = {}) {
  const result = spawnSync(command === 'node' ? process.execPath : command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32' && command !== 'node',
    ...options,
  });
  return result.status === 0;
}

function serve(message) {
  console.log(message);
  run(process.execPath, [join(root, 'bin', 'warden.mjs'), 'serve', ...args], process.env);
}

/**
 * Runs the app as a child that owns the terminal's output. On POSIX it gets its own process group, so Ctrl+C
 * reaches it exactly once (through us) and a second Ctrl+C is not mistaken for "force quit".
 */
function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, {
    cwd: root,
    env,
    stdio: 'inherit',
    detached: process.platform !== 'win32',
  });
  // Once per signal: Ctrl+C under `npm start` reaches us twice (from the terminal and from npm), and a second
  // SIGINT would make the app skip its clean stop.
  const forwarded = new Set();
  const forward = (signal) => {
    if (forwarded.has(signal) || child.exitCode !== null || child.signalCode !== null) return;
    forwarded.add(signal);
    child.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`start: could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const name of signals) process.off(name, forward);
    if (signal !== null) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
