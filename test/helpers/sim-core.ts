// The real core on the simulated broker, a real SQLite file and a manual clock, over a temp data dir: for
// integration tests that script the market (setPrice) and move time themselves.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimBroker, type SimBroker } from '../../main/broker/sim';
import { createCore } from '../../main/core/app';
import { loadConfig } from '../../main/core/start';
import { engineConfigOf } from '../../main/engine';
import { memoryLogger } from '../../main/platform/logger';
import { openStore } from '../../main/store';
import { createManualClock } from './manual-clock';

/** Longer than any test: a simulated market with this tick interval never walks on its own. */
export const STILL_TICK_INTERVAL_MS = 24 * 3600 * 1000;

/** Tuesday 5 May 2026, 09:30 CDT. */
export const TUESDAY_MORNING = Date.parse('2026-05-05T14:30:00Z');

export async function simCore(options: {
  /** config.yaml's text. */
  config: string;
  /** The temp dir's name prefix. */
  prefix: string;
  at?: number;
  /** The market moves only by the test's own setPrice (its walk would step as the clock moves). */
  stillMarket?: boolean;
  /** The broker the core talks to, built on the simulator (e.g. one that refuses some commands). */
  wrap?: (sim: SimBroker) => SimBroker;
}) {
  const dir = mkdtempSync(join(tmpdir(), options.prefix));
  writeFileSync(join(dir, 'config.yaml'), options.config);
  const clock = createManualClock(options.at ?? TUESDAY_MORNING);
  const logger = memoryLogger();
  const broker = createSimBroker({
    stateFile: join(dir, 'sim-broker.json'),
    clock,
    logger,
    seed: 7,
    ...(options.stillMarket === true ? { tickIntervalMs: STILL_TICK_INTERVAL_MS } : {}),
  });
  const store = openStore(join(dir, 'warden.db'), { logger, clock });
  const core = await createCore({
    broker: options.wrap?.(broker) ?? broker,
    store,
    clock,
    logger,
    engineConfig: engineConfigOf(loadConfig(join(dir, 'config.yaml'))),
  });
  return { core, broker, clock, store, dir };
}

/** Lets enforcement's promises (broker commands, their answers) run: a few turns of the event loop. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
