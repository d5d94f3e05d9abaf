// The real core on the simulated broker, a real SQLite file and a manual clock, over a temp data dir: for
// integration tests that script the market (setPrice) and move time themselves.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimBroker, type SimBroker } from '../../main/broker/sim';
import { createCore } from '../../main/core/app';
import type { WardenCore } from '../../main/core/types';
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
  /** false: the helper does not subscribe to the core's pushes (then `waitFor` hears only the broker). */
  listen?: boolean;
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
    broker: announcing(options.wrap?.(broker) ?? broker),
    store,
    clock,
    logger,
    engineConfig: engineConfigOf(loadConfig(join(dir, 'config.yaml'))),
  });
  if (options.listen !== false) core.subscribe(announce);
  return { core, broker, clock, store, dir };
}

/** Re-checks of `waitFor` waiting on any sim core of this test file. */
const waiting = new Set<() => void>();
const announce = (): void => {
  for (const recheck of [...waiting]) recheck();
};

/** The broker as the core sees it, announcing each event it emits and each command it answered. */
function announcing(broker: SimBroker): SimBroker {
  return Object.create(broker, {
    start: {
      value: (...[emit, resume]: Parameters<SimBroker['start']>) =>
        broker.start((event) => {
          emit(event);
          announce();
        }, resume),
    },
    execute: {
      value: (command: Parameters<SimBroker['execute']>[0]) => broker.execute(command).finally(announce),
    },
  }) as SimBroker;
}

/**
 * Runs every promise reaction already queued, and every one those queue: one turn of the event loop. On the sim
 * core that is all there is to run (the simulator answers with settled promises, SQLite and the state file are
 * synchronous, timers are the manual clock's), so afterwards the core has done everything it will do until the
 * test moves the clock or the market. For tests that step the manual clock and look at each instant.
 */
export function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Resolves once `check()` holds, re-checked (after a `drain`) whenever the core pushes a message, the broker emits
 * an event or answers a command. `timeoutMs` only fails the test (naming `what`), it never lets it pass.
 */
export function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = false;
    const finish = (error?: Error): void => {
      waiting.delete(recheck);
      clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(error);
    };
    const recheck = (): void => {
      if (pending) return;
      pending = true;
      void drain().then(() => {
        pending = false;
        try {
          if (check()) finish();
        } catch (error) {
          finish(error as Error);
        }
      });
    };
    const timer = setTimeout(() => {
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    waiting.add(recheck);
    recheck();
  });
}

/** Long 1 ES at 6,000.25 (the ask over 6,000.00): each point down is 50.00, plus the 1.40 entry fee. */
export async function buyOneEs(core: Pick<WardenCore, 'command'>, broker: Pick<SimBroker, 'setPrice'>) {
  broker.setPrice('ES', '6000.00');
  const placed = await core.command('placeOrder', {
    account: 'SIM-50K',
    symbol: 'ES',
    side: 'buy',
    qty: 1,
    kind: 'market',
  });
  if (!placed.ok) throw new Error(`the buy of 1 ES was refused: ${placed.error}`);
}
