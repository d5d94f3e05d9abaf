// The Tradovate adapter against the fake gateway over real sockets, on the manual clock: the events it emits are
// collected in order, and every wait is for a signal or a condition, never a fixed sleep.
import { vi } from 'vitest';
import type { BrokerEvent } from '../../../shared/domain/events';
import { createTradovateAdapter } from '../../../main/broker/tradovate';
import type { TradovateTiming } from '../../../main/broker/tradovate/options';
import type { TradovateCredentials } from '../../../main/broker/tradovate';
import type { ResumePoint } from '../../../main/broker/types';
import { memoryLogger } from '../../../main/platform/logger';
import { createManualClock } from '../../helpers/manual-clock';
import {
  FAKE_CREDENTIALS,
  startFakeTradovate,
  type FakeTradovateOptions,
} from '../../fakes/tradovate-gateway/server';
import { seedDemo } from '../../fakes/tradovate-gateway/seed';
import type { Dec } from '../../../shared/domain/money';

export const START = Date.parse('2026-03-19T14:00:00.000Z');

export type HarnessOptions = {
  gateway?: FakeTradovateOptions;
  timing?: Partial<TradovateTiming>;
  resume?: () => ResumePoint;
  feesPerContract?: Dec;
  /** The login to use (the fake's own by default). */
  credentials?: Partial<TradovateCredentials>;
};

export async function tradovateHarness(options: HarnessOptions = {}) {
  const clock = createManualClock(START);
  const gateway = await startFakeTradovate({ clock, ...options.gateway });
  seedDemo(gateway.model, START);
  const logger = memoryLogger();
  const events: BrokerEvent[] = [];
  const adapter = createTradovateAdapter({
    credentials: { ...FAKE_CREDENTIALS, appVersion: '1.0', ...options.credentials },
    urls: gateway.urls,
    clock,
    logger,
    ...(options.timing === undefined ? {} : { timing: options.timing }),
    ...(options.feesPerContract === undefined ? {} : { feesPerContract: options.feesPerContract }),
  });
  const resume = options.resume ?? (() => ({ lastFillAt: null, held: [] }));
  return {
    clock,
    gateway,
    logger,
    events,
    adapter,
    start: () =>
      adapter.start((event) => {
        events.push(event);
      }, resume),
    /** The events after the first `from` of them. */
    since: (from: number) => events.slice(from),
    ofType: <T extends BrokerEvent['type']>(type: T, from = 0) =>
      events.slice(from).filter((e): e is Extract<BrokerEvent, { type: T }> => e.type === type),
    /** Waits (real time, short polls) until the condition holds. */
    until: (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 }),
    async stop() {
      await adapter.stop();
      await gateway.stop();
    },
  };
}

export type TradovateHarness = Awaited<ReturnType<typeof tradovateHarness>>;

/** The events as plain JSON (decimals as strings), for exact comparison. */
export function plain(events: readonly BrokerEvent[]): unknown[] {
  return JSON.parse(JSON.stringify(events)) as unknown[];
}
