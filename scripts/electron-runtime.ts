// Can the Electron desktop app run on this machine? Pure decisions (unit-tested) plus the small lookups that feed
// them, for `npm start` (scripts/start.mjs loads this through tsx). Nothing here downloads or builds anything.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Environment = Readonly<Record<string, string | undefined>>;
export type ElectronDecision = { ok: true } | { ok: false; reasons: string[] };

/** Platforms whose Electron draws through X11 or Wayland, so it needs one of them to open a window. */
const displayServerPlatforms = new Set(['linux', 'freebsd', 'openbsd', 'netbsd', 'sunos']);

/** macOS and Windows always have a desktop session when a user runs `npm start`; elsewhere X11 or Wayland. */
export function hasDisplay(platform: string, env: Environment): boolean {
  if (!displayServerPlatforms.has(platform)) return true;
  return nonEmpty(env.DISPLAY) || nonEmpty(env.WAYLAND_DISPLAY);
}

/**
 * Decides whether to start Electron: it needs a downloaded runtime binary and somewhere to show the window.
 * Answers with every reason that applies, in the trader's words, when it cannot.
 */
export function canRunElectron(input: {
  electronPath: string | null;
  exists: (path: string) => boolean;
  platform: string;
  env: Environment;
}): ElectronDecision {
  const reasons: string[] = [];
  if (input.electronPath === null || input.electronPath === '' || !input.exists(input.electronPath)) {
    reasons.push('no Electron binary downloaded');
  }
  if (!hasDisplay(input.platform, input.env)) reasons.push('no display');
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** The one line `npm start` prints before falling back to `warden serve`. */
export function fallbackMessage(reasons: readonly string[]): string {
  return `Electron runtime not available here (${reasons.join(', ')}); starting warden serve instead`;
}

/**
 * Where the electron package says its binary is, without triggering its lazy download (requiring the package
 * would): `path.txt` names the executable inside `dist/`, and ELECTRON_OVERRIDE_DIST_PATH replaces `dist/`, as
 * in the package's own index.js. Null when the runtime was never downloaded.
 */
export function electronBinaryPath(
  packageDir: string,
  env: Environment,
  readFile: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): string | null {
  let executable = '';
  try {
    executable = readFile(join(packageDir, 'path.txt')).trim();
  } catch {
    // Never downloaded: the package writes path.txt only after extracting the runtime.
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && nonEmpty(override))
    return join(override, executable === '' ? 'electron' : executable);
  return executable === '' ? null : join(packageDir, 'dist', executable);
}

/** Where `npm start` keeps a better-sqlite3 built for this Electron (never the copy in node_modules). */
export function electronSqliteDir(
  root: string,
  versions: { sqliteVersion: string; electronVersion: string; platform: string; arch: string },
): string {
  const { sqliteVersion, electronVersion, platform, arch } = versions;
  return join(
    root,
    '.electron-native',
    `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`,
  );
}

export function sqliteBindingPath(buildDir: string): string {
  return join(buildDir, 'build', 'Release', 'better_sqlite3.node');
}

/** The environment for node-gyp building against Electron's headers: npm's own header settings would win. */
export function electronGypEnv(env: Environment): Record<string, string | undefined> {
  const overridden = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !overridden.test(name)));
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
