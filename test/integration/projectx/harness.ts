// The real ProjectX adapter (and its real SignalR client) against the fake gateway on real sockets, with the
// timings shortened so reconnects and refreshes happen within a test.
import type { BrokerEvent } from '../../../shared/domain/events';
import { createProjectXBroker, type ProjectXTiming } from '../../../main/broker/projectx';
import type { Held } from '../../../main/broker/types';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import {
  FAKE_CREDENTIALS,
  startFakeGateway,
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
};

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
  const broker = createProjectXBroker({
    apiUrl: gateway.url,
    rtcUrl: gateway.url,
    credentials: FAKE_CREDENTIALS,
    exclude: new Set(options.exclude ?? []),
    clock: systemClock,
    logger,
    timing: { ...FAST, ...options.timing },
  });
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
