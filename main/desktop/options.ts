// Turns the desktop process's environment and arguments into the core's options (docs/API.md section 2).
import type { BrokerKind } from '../broker/types';
import type { CoreOptions } from '../core/types';
import type { Logger } from '../platform/logger';

export type DesktopEnvironment = Readonly<Record<string, string | undefined>>;

const brokerKinds: readonly BrokerKind[] = ['sim', 'projectx', 'tradovate'];

/** `WARDEN_DATA_DIR` when set, else Electron's per-user folder. */
export function desktopDataDir(env: DesktopEnvironment, userDataDir: string): string {
  return nonEmpty(env.WARDEN_DATA_DIR) ?? userDataDir;
}

/** Fails fast on a bad `WARDEN_BROKER`, naming the variable and the value, so the startup dialog can say why. */
export function desktopCoreOptions(input: {
  env: DesktopEnvironment;
  argv: readonly string[];
  dataDir: string;
  logger: Logger;
}): CoreOptions {
  const { env } = input;
  const configPath = nonEmpty(env.WARDEN_CONFIG);
  const sqliteBinding = nonEmpty(env.WARDEN_SQLITE_BINDING);
  return {
    dataDir: input.dataDir,
    broker: parseBroker(nonEmpty(env.WARDEN_BROKER) ?? 'sim'),
    demo: input.argv.includes('--demo'),
    logger: input.logger,
    ...(configPath === undefined ? {} : { configPath }),
    ...(sqliteBinding === undefined ? {} : { sqliteBinding }),
  };
}

function parseBroker(value: string): BrokerKind {
  const kind = brokerKinds.find((candidate) => candidate === value);
  if (kind === undefined) {
    throw new Error(`WARDEN_BROKER must be one of ${brokerKinds.join(', ')}; got "${value}"`);
  }
  return kind;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
