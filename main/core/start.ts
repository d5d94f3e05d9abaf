// Starts the core for a host: reads the config, opens the store, creates the broker adapter, restores the engine.
import { mkdirSync } from 'node:fs';
import type { WardenConfig } from '../../shared/config/schema';
import { createProjectXBroker, projectXEnvironment } from '../broker/projectx';
import { createSimBroker } from '../broker/sim';
import type { BrokerAdapter } from '../broker/types';
import { engineConfigOf } from '../engine';
import { systemClock } from '../platform/clock';
import { ensureConfigFile, readConfigFile } from '../platform/config-file';
import { createLogger, type Logger } from '../platform/logger';
import type { Clock } from '../platform/clock';
import { credentialsFile, readCredentials } from '../platform/secrets';
import { dataFiles } from '../platform/paths';
import { openStore } from '../store';
import { createCore } from './app';
import type { CoreOptions, WardenCore } from './types';

/** Reads and validates the config file; a broken file stops the start with every problem listed. */
export function loadConfig(file: string): WardenConfig {
  ensureConfigFile(file);
  const result = readConfigFile(file);
  if (!result.ok) throw new Error(`the config file has errors:\n  ${result.errors.join('\n  ')}`);
  return result.config;
}

export async function startCore(options: CoreOptions): Promise<WardenCore> {
  mkdirSync(options.dataDir, { recursive: true });
  const files = dataFiles(options.dataDir);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ file: files.log });
  const configFile = options.configPath ?? files.config;
  const config = loadConfig(configFile);
  const broker: BrokerAdapter =
    options.broker === 'projectx'
      ? projectXBroker(options.dataDir, clock, logger.child('projectx'))
      : createSimBroker({
          stateFile: files.simBroker,
          clock,
          logger: logger.child('sim'),
          demo: options.demo,
        });
  const store = openStore(files.database, {
    logger,
    clock,
    ...(options.sqliteBinding === undefined ? {} : { nativeBinding: options.sqliteBinding }),
  });
  const startupNotices =
    store.recoveredFrom === null
      ? []
      : [
          `The database was damaged and was moved aside to ${store.recoveredFrom}; Warden started with a fresh one.`,
        ];
  try {
    return await createCore({
      broker,
      store,
      clock,
      logger,
      engineConfig: engineConfigOf(config),
      configSource: { document: config, file: configFile },
      startupNotices,
    });
  } catch (error) {
    store.close();
    throw error;
  }
}

/** ProjectX from the environment (INTERFACES.md section 2); credentials from it, else from the data dir's file. */
function projectXBroker(dataDir: string, clock: Clock, logger: Logger): BrokerAdapter {
  const env = projectXEnvironment();
  const credentials = env.credentials ?? readCredentials(credentialsFile(dataDir));
  return createProjectXBroker({ ...env, credentials, clock, logger });
}
