// Where Warden keeps its files: WARDEN_DATA_DIR, else the OS's per-user app data folder (as Electron's userData).
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WARDEN_DATA_DIR !== undefined && env.WARDEN_DATA_DIR !== '') return env.WARDEN_DATA_DIR;
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Warden');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Warden');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Warden');
  }
}

export const dataFiles = (dataDir: string) => ({
  database: join(dataDir, 'warden.db'),
  config: join(dataDir, 'config.yaml'),
  simBroker: join(dataDir, 'sim-broker.json'),
  log: join(dataDir, 'warden.log'),
});

/**
 * Creates the data folder readable by its owner only (0700), and closes one that is open to others: the journal,
 * the log and the simulator's book inside it hold the trader's accounts and trades (docs/SECURITY.md, F3). On
 * Windows the mode is ignored; the folder lives in the user's own profile.
 */
export function ensurePrivateDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (platform() !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
