// The soak's rig: the real core (createCore) over a real SQLite file in a temp dir, holding the simulated broker as
// its BrokerAdapter, with the demo robot trading every account. Nothing of the core is replaced; three taps only
// watch: the broker's side of the link (every event it sent, whether it got through), the adapter boundary (every
// event handed to the core), and the journal's appends (which quotes are applied but not yet journaled).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimBroker, simSetupOf, type SimBroker } from '../../main/broker/sim';
import { createCore } from '../../main/core/app';
import type { WardenCore } from '../../main/core/types';
import { engineConfigOf, type EngineConfig } from '../../main/engine';
import { systemClock } from '../../main/platform/clock';
import { createLogger, type Logger } from '../../main/platform/logger';
import { openStore, type Store } from '../../main/store';
import type { BrokerEvent, EngineEvent, QuoteEvent } from '../../shared/domain/events';
import { soakConfig } from './config';
import { pacedClock } from './paced-clock';

/** What the taps saw. */
export type Taps = {
  /** Events handed to the core through the adapter, by type. */
  delivered: Map<string, number>;
  /**
   * The fills the broker booked (whether the link was up or not), by id, with their time; the soak strikes off each
   * one it finds in the journal.
   */
  booked: Map<string, number>;
  /** Quotes the core was handed since the journal's last append (applied, waiting for their batch). */
  pendingQuotes: QuoteEvent[];
  /** `connected` events handed to the core, and the status it was last told. */
  connected: number;
  status: string;
  /** Errors the core logged, by message (e.g. "broker event not applied"). */
  errors: Map<string, number>;
};

export type Rig = {
  core: WardenCore;
  sim: SimBroker;
  store: Store;
  dir: string;
  engineConfig: EngineConfig;
  taps: Taps;
  logger: Logger;
};

export type RigOptions = { seed: number; tickIntervalMs: number; dir?: string };

/** Counts every error line by message, and passes everything on. */
function countingErrors(logger: Logger, errors: Map<string, number>): Logger {
  return {
    debug: (m, c) => {
      logger.debug(m, c);
    },
    info: (m, c) => {
      logger.info(m, c);
    },
    warn: (m, c) => {
      logger.warn(m, c);
    },
    error: (m, c) => {
      errors.set(m, (errors.get(m) ?? 0) + 1);
      logger.error(m, c);
    },
    child: (scope) => countingErrors(logger.child(scope), errors),
  };
}

/** The adapter as the core holds it, counting each event it hands over (a quote before it is applied). */
function watched(sim: SimBroker, taps: Taps): SimBroker {
  const handedOver = (event: BrokerEvent): void => {
    taps.delivered.set(event.type, (taps.delivered.get(event.type) ?? 0) + 1);
    if (event.type === 'quote') taps.pendingQuotes.push(event);
    if (event.type === 'connection') {
      taps.status = event.status;
      if (event.status === 'connected') taps.connected += 1;
    }
  };
  return Object.create(sim, {
    start: {
      value: (...[emit, resume]: Parameters<SimBroker['start']>) =>
        sim.start((event) => {
          handedOver(event);
          emit(event);
        }, resume),
    },
  }) as SimBroker;
}

/** The journal's appends empty the pending quotes: every append takes all of them (journaling.ts). */
function watchAppends(store: Store, taps: Taps): void {
  const { journal } = store;
  const appendMany = journal.appendMany.bind(journal);
  journal.appendMany = (events: readonly EngineEvent[]) => {
    taps.pendingQuotes.length = 0;
    return appendMany(events);
  };
}

export async function startRig(options: RigOptions): Promise<Rig> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'warden-soak-'));
  const taps: Taps = {
    delivered: new Map(),
    booked: new Map(),
    pendingQuotes: [],
    connected: 0,
    status: 'disconnected',
    errors: new Map(),
  };
  const logger = countingErrors(
    createLogger({ level: 'info', console: false, file: join(dir, 'warden.log') }),
    taps.errors,
  );
  const config = soakConfig();
  const engineConfig = engineConfigOf(config);
  const sim = createSimBroker({
    stateFile: join(dir, 'sim-broker.json'),
    // The market steps on a clock that keeps its rate; everything else runs on the wall clock.
    clock: pacedClock(400),
    logger: logger.child('sim'),
    seed: options.seed,
    tickIntervalMs: options.tickIntervalMs,
    demo: true,
    ...simSetupOf(config),
    tap: (event) => {
      if (event.type === 'fill' && !taps.booked.has(event.id)) taps.booked.set(event.id, event.t);
    },
  });
  const store = openStore(join(dir, 'warden.db'), { logger, clock: systemClock });
  watchAppends(store, taps);
  const core = await createCore({
    broker: watched(sim, taps),
    store,
    clock: systemClock,
    logger,
    engineConfig,
  });
  return { core, sim, store, dir, engineConfig, taps, logger };
}
