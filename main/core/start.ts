// Starts the core for a host: reads the config, opens the store, creates the broker adapter, restores the engine.
import type { RemoteHost } from './remote-wiring';
import { join } from 'node:path';
import type { WardenConfig } from '../../shared/config/schema';
import { simSetupOf } from '../broker/sim';
import { engineConfigOf } from '../engine';
import { NEWS_CACHE_FILE, newsUrlOf } from '../feeds/news-feed';
import { systemClock } from '../platform/clock';
import { ensureConfigFile, readConfigFile } from '../platform/config-file';
import { createLogger, type Logger } from '../platform/logger';
import type { Clock } from '../platform/clock';
import { fileSecretStore } from '../platform/secrets';
import { dataFiles, ensurePrivateDataDir } from '../platform/paths';
import { openStore, type Store } from '../store';
import { createCore } from './app';
import { brokerFor, excludedByEnvironment } from './broker-choice';
import type { CoreOptions, WardenCore } from './types';

/** Reads and validates the config file; a broken file stops the start with every problem listed. */
export function loadConfig(file: string): WardenConfig {
  ensureConfigFile(file);
  const result = readConfigFile(file);
  if (!result.ok) throw new Error(`the config file has errors:\n  ${result.errors.join('\n  ')}`);
  return result.config;
}

export async function startCore(options: CoreOptions): Promise<WardenCore> {
  ensurePrivateDataDir(options.dataDir);
  const files = dataFiles(options.dataDir);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ file: files.log });
  const configFile = options.configPath ?? files.config;
  const config = loadConfig(configFile);
  const secrets = options.secrets ?? fileSecretStore(options.dataDir);
  const notices: string[] = [];
  const broker = await brokerFor(options.broker, {
    secrets,
    clock,
    logger,
    notices,
    dataDir: options.dataDir,
    sim: { stateFile: files.simBroker, demo: options.demo, ...simSetupOf(config) },
  });
  const store = openCoreStore(files.database, logger, clock, options.sqliteBinding);
  try {
    return await createCore({
      broker,
      store,
      clock,
      logger,
      engineConfig: engineConfigOf(config),
      configSource: { document: config, file: configFile },
      startupNotices: startupNotices(store.recoveredFrom, notices),
      secrets,
      ...(options.broker === 'projectx' ? { fixedExcluded: excludedByEnvironment() } : {}),
      remote: remoteHostOf(process.env),
      news: {
        url: options.newsUrl === undefined ? newsUrlOf(process.env) : options.newsUrl,
        cacheFile: join(options.dataDir, NEWS_CACHE_FILE),
      },
    });
  } catch (error) {
    store.close();
    throw error;
  }
}

/** What the trader is told at start: a damaged database moved aside first. */
function startupNotices(recoveredFrom: string | null, notices: string[]): string[] {
  if (recoveredFrom === null) return notices;
  return [
    `The database was damaged and was moved aside to ${recoveredFrom}; Warden started with a fresh one.`,
    ...notices,
  ];
}

/**
 * The store as the core runs it: checkpoints on their worker thread, the journal kept WARDEN_JOURNAL_RETENTION_DAYS
 * days when that is set.
 */
export function openCoreStore(file: string, logger: Logger, clock: Clock, sqliteBinding?: string): Store {
  const retention = Number(process.env.WARDEN_JOURNAL_RETENTION_DAYS ?? '');
  return openStore(file, {
    logger,
    clock,
    checkpointsInWorker: true,
    ...(Number.isFinite(retention) && retention > 0 ? { retentionDays: retention } : {}),
    ...(sqliteBinding === undefined ? {} : { nativeBinding: sqliteBinding }),
  });
}

/** WARDEN_TELEGRAM_API and WARDEN_TELEGRAM_TOKEN, when set. */
function remoteHostOf(env: NodeJS.ProcessEnv): RemoteHost {
  const api = env.WARDEN_TELEGRAM_API?.trim();
  const token = env.WARDEN_TELEGRAM_TOKEN?.trim();
  return {
    ...(api === undefined || api === '' ? {} : { telegramApi: api.replace(/\/+$/, '') }),
    ...(token === undefined || token === '' ? {} : { telegramToken: token }),
  };
}
