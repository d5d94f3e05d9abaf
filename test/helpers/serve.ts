// Starts `warden serve` in-process on a free port over a temp data dir: the real core, store, sim broker and
// server. The sim broker is returned too, so a test can script the market (setPrice).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimBroker, simSetupOf, type SimBroker } from '../../main/broker/sim';
import { createCore } from '../../main/core/app';
import { loadConfig, startCore } from '../../main/core/start';
import { engineConfigOf } from '../../main/engine';
import { NEWS_CACHE_FILE } from '../../main/feeds/news-feed';
import type { WardenCore } from '../../main/core/types';
import { systemClock, type Clock } from '../../main/platform/clock';
import { createLogger } from '../../main/platform/logger';
import { dataFiles } from '../../main/platform/paths';
import { startServer, type RunningServer } from '../../main/server/server';
import { openStore } from '../../main/store';
import { STILL_TICK_INTERVAL_MS } from './sim-core';

export type Served = {
  core: WardenCore;
  broker: SimBroker;
  server: RunningServer;
  dataDir: string;
  token: string;
  stop(): Promise<void>;
};

export const rendererDir = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

/**
 * `config`: the text of config.yaml (default: the one Warden writes on first start). `stillMarket`: the simulated
 * market does not walk on its own, so prices move only by `setPrice` (for a test whose thresholds sit close).
 */
export async function serveInProcess(
  options: {
    dataDir?: string;
    demo?: boolean;
    config?: string;
    seed?: number;
    stillMarket?: boolean;
    /** An equity sample per account this often (the core's default: 10 s). */
    sampleEveryMs?: number;
    /** The core's and the simulator's clock (default: the system clock), e.g. a manual one the test moves. */
    clock?: Clock;
    /** How often the simulated market walks (the simulator's default: 250 ms); `stillMarket` wins. */
    tickIntervalMs?: number;
    /** The news calendar feed's URL, a local fake server's (default: the feed off; never the internet). */
    newsUrl?: string;
  } = {},
): Promise<Served> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'warden-serve-'));
  const files = dataFiles(dataDir);
  if (options.config !== undefined) writeFileSync(files.config, options.config);
  const logger = createLogger({ level: 'warn', file: files.log, console: false });
  const clock = options.clock ?? systemClock;
  const document = loadConfig(files.config);
  // The simulator has the config's accounts (and copiers), as `startCore` gives it.
  const broker = createSimBroker({
    ...simSetupOf(document),
    stateFile: files.simBroker,
    clock,
    logger,
    demo: options.demo ?? false,
    seed: options.seed ?? 1,
    ...(options.tickIntervalMs === undefined ? {} : { tickIntervalMs: options.tickIntervalMs }),
    ...(options.stillMarket === true ? { tickIntervalMs: STILL_TICK_INTERVAL_MS } : {}),
  });
  const store = openStore(files.database, { logger, clock });
  const core = await createCore({
    broker,
    store,
    clock,
    logger,
    engineConfig: engineConfigOf(document),
    configSource: { document, file: files.config },
    ...(options.sampleEveryMs === undefined ? {} : { sampleEveryMs: options.sampleEveryMs }),
    news: { url: options.newsUrl ?? null, cacheFile: join(dataDir, NEWS_CACHE_FILE) },
  });
  const token = 'test-token-0123456789';
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token,
    rendererDir,
    logger,
    version: 'test',
  });
  return {
    core,
    broker,
    server,
    dataDir,
    token,
    async stop() {
      await server.close();
      await core.stop();
    },
  };
}

/**
 * `warden serve --broker projectx` as the CLI composes it (startCore), with no credentials yet: its page opens
 * on the login form, and what is entered there reaches the gateway the form names.
 */
export function serveProjectX(): Promise<{ server: RunningServer; stop(): Promise<void> }> {
  return serveWithLogin('projectx');
}

/**
 * `warden serve --broker tradovate` as the CLI composes it (startCore), with no login yet: its page opens on the
 * Tradovate login form, and what is entered there reaches the URLs the form names. WARDEN_TRADOVATE_* would log in
 * without the form or move its URLs, so the test refuses to run with any set.
 */
export async function serveTradovate(): Promise<{ server: RunningServer; stop(): Promise<void> }> {
  const set = Object.keys(process.env).filter((name) => name.startsWith('WARDEN_TRADOVATE_'));
  if (set.length > 0)
    throw new Error(`serveTradovate: unset ${set.join(', ')} (the test enters its own login)`);
  return serveWithLogin('tradovate');
}

/** `warden serve --broker <broker>` (startCore) over a fresh data dir, for a broker that logs in. */
export async function serveWithLogin(
  broker: 'projectx' | 'tradovate',
): Promise<{ server: RunningServer; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `warden-serve-${broker}-`));
  const logger = createLogger({ level: 'warn', file: join(dataDir, 'warden.log'), console: false });
  const core = await startCore({ dataDir, broker, demo: false, logger, newsUrl: null });
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: `${broker}-token-0123456789`,
    rendererDir,
    logger,
    version: 'test',
  });
  return {
    server,
    async stop() {
      await server.close();
      await core.stop();
    },
  };
}
