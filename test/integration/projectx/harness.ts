// The real ProjectX adapter (and its real SignalR client) against the fake gateway on real sockets, with the
// timings shortened so reconnects and refreshes happen within a test.
import type { BrokerEvent } from '../../../shared/domain/events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectXBroker, type ProjectXTiming } from '../../../main/broker/projectx';
import { createCore } from '../../../main/core/app';
import { loadConfig } from '../../../main/core/start';
import type { WardenCore } from '../../../main/core/types';
import { engineConfigOf } from '../../../main/engine';
import { openStore, type Store } from '../../../main/store';
import type { Held } from '../../../main/broker/types';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import {
  FAKE_CREDENTIALS,
  startFakeGateway,
  type FakeGateway,
  type FakeGatewayOptions,
} from '../../fakes/projectx-gateway/server';
import { seedDemo } from '../../fakes/projectx-gateway/seed';

export const FAST: Partial<ProjectXTiming> = {
  reconnectDelaysMs: [0, 100, 200],
  restartDelaysMs: [100, 200, 400],
  serverTimeoutMs: 5000,
  keepAliveMs: 1000,
  requestTimeoutMs: 1000,
  positionSettleMs: 150,
  resyncDelayMs: 50,
  rateLimitBackoffMs: 50,
  warmLineMinGapMs: 20,
};

/** The real ProjectX adapter logged in to `gateway` with the fake credentials, on the system clock. */
function adapterOn(
  gateway: FakeGateway,
  logger: ReturnType<typeof memoryLogger>,
  timing: Partial<ProjectXTiming> = FAST,
) {
  return createProjectXBroker({
    apiUrl: gateway.url,
    rtcUrl: gateway.url,
    credentials: FAKE_CREDENTIALS,
    clock: systemClock,
    logger,
    timing,
  });
}

export async function gatewayAndBroker(
  options: {
    gateway?: FakeGatewayOptions;
    timing?: Partial<ProjectXTiming>;
    lastFillAt?: number | null;
    held?: Held[];
    seed?: (gateway: Awaited<ReturnType<typeof startFakeGateway>>) => void;
    exclude?: string[];
  } = {},
) {
  const gateway = await startFakeGateway({ pingMs: 200, ...options.gateway });
  seedDemo(gateway.model);
  options.seed?.(gateway);
  const events: BrokerEvent[] = [];
  const logger = memoryLogger();
  const broker = adapterOn(gateway, logger, { ...FAST, ...options.timing });
  // As the core does: the whole excluded set before start.
  broker.setExcluded(new Set(options.exclude));
  await broker.start(
    (event) => events.push(event),
    () => ({
      lastFillAt: options.lastFillAt ?? null,
      held: options.held ?? [],
    }),
  );
  return {
    gateway,
    broker,
    events,
    logger,
    of: <T extends BrokerEvent['type']>(type: T) =>
      events.filter((e): e is Extract<BrokerEvent, { type: T }> => e.type === type),
    async stop() {
      await broker.stop();
      await gateway.stop();
    },
  };
}

/** Polls until `check` is true (or throws with `what` after `ms`). */
export async function waitFor(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The real core (store in `dir`: the same dir again is a restart) on the ProjectX adapter against `gateway`;
 * `fixedExcluded` as WARDEN_PROJECTX_EXCLUDE would give them. `stop()` may be called more than once.
 */
export async function coreOn(
  gateway: FakeGateway,
  dir: string,
  options: { fixedExcluded?: string[]; config?: string } = {},
): Promise<WardenCore & { logger: ReturnType<typeof memoryLogger>; store: Store }> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'config.yaml'),
    options.config ?? 'session: { timezone: America/Chicago, dayStart: "17:00" }\n',
  );
  const logger = memoryLogger();
  const broker = adapterOn(gateway, logger, { ...FAST, reconnectDelaysMs: [0, 200, 400, 800, 1600] });
  const store = openStore(join(dir, 'warden.db'), { logger, clock: systemClock });
  const core = await createCore({
    broker,
    store,
    clock: systemClock,
    logger,
    engineConfig: engineConfigOf(loadConfig(join(dir, 'config.yaml'))),
    ...(options.fixedExcluded === undefined ? {} : { fixedExcluded: options.fixedExcluded }),
  });
  let stopped: Promise<void> | undefined;
  return { ...core, logger, store, stop: () => (stopped ??= core.stop()) };
}

/** Whether the core has handled a clock tick at `t` or later: it journals each event just before applying it. */
export function tickedAt(store: Store, t: number): boolean {
  return store.journal.readAfter(0).some((entry) => entry.event.type === 'clock' && entry.event.t >= t);
}

/**
 * How many REST snapshots the adapter emitted after `events[from]`: each one's events go out together, its
 * instruments first and then its accounts; a contract met first on the hub brings its instrument before its fill.
 */
export function snapshotsAfter(events: readonly BrokerEvent[], from: number): number {
  let count = 0;
  for (let i = from; i < events.length - 1; i += 1) {
    if (events[i]?.type === 'instrument' && events[i + 1]?.type === 'account') count += 1;
  }
  return count;
}
