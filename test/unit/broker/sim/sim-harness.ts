// Shared set-up for the simulated broker's tests: a broker on a real temp file, a manual clock, and the events.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrokerEvent } from '../../../../shared/domain/events';
import { dec } from '../../../../shared/domain/money';
import { createSimBroker, type SimBroker, type SimBrokerOptions } from '../../../../main/broker/sim';
import type { Held, PlaceOrder } from '../../../../main/broker/types';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock, type ManualClock } from '../../../helpers/manual-clock';

/** Monday 6 January 2025, 15:00 UTC. */
export const START_MS = Date.UTC(2025, 0, 6, 15, 0, 0);
export const ACCOUNT = 'SIM-50K';

export type Harness = {
  broker: SimBroker;
  clock: ManualClock;
  logger: ReturnType<typeof memoryLogger>;
  stateFile: string;
  events: BrokerEvent[];
  /** The events emitted since the last call (or since start). */
  take(): BrokerEvent[];
};

export function tempStateFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'warden-sim-')), 'sim-broker.json');
}

export async function startSim(
  overrides: Partial<SimBrokerOptions> & { lastFillAt?: number | null; held?: Held[] } = {},
): Promise<Harness> {
  const { lastFillAt = null, held = [], ...options } = overrides;
  const clock = createManualClock(START_MS);
  const logger = memoryLogger();
  const stateFile = options.stateFile ?? tempStateFile();
  const broker = createSimBroker({ stateFile, clock, logger, seed: 7, ...options });
  const events: BrokerEvent[] = [];
  let seen = 0;
  await broker.start(
    (event) => events.push(event),
    () => ({ lastFillAt, held }),
  );
  const take = (): BrokerEvent[] => {
    const out = events.slice(seen);
    seen = events.length;
    return out;
  };
  take();
  return { broker, clock, logger, stateFile, events, take };
}

type OrderFields = Omit<
  PlaceOrder,
  'type' | 'account' | 'limitPrice' | 'stopPrice' | 'stopLossPrice' | 'takeProfitPrice'
> & {
  limitPrice?: string;
  stopPrice?: string;
  stopLossPrice?: string;
  takeProfitPrice?: string;
};

/** A placeOrder command for the demo account, prices written as strings. */
export function order(fields: OrderFields): PlaceOrder {
  const { limitPrice, stopPrice, stopLossPrice, takeProfitPrice, ...rest } = fields;
  return {
    type: 'placeOrder',
    account: ACCOUNT,
    ...rest,
    ...(limitPrice === undefined ? {} : { limitPrice: dec(limitPrice) }),
    ...(stopPrice === undefined ? {} : { stopPrice: dec(stopPrice) }),
    ...(stopLossPrice === undefined ? {} : { stopLossPrice: dec(stopLossPrice) }),
    ...(takeProfitPrice === undefined ? {} : { takeProfitPrice: dec(takeProfitPrice) }),
  };
}

/** An event as plain JSON (decimals as exact strings), easy to compare with toEqual/toMatchObject. */
export function plain(event: BrokerEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

export function plainAll(events: readonly BrokerEvent[]): Record<string, unknown>[] {
  return events.map(plain);
}

export function ofType<T extends BrokerEvent['type']>(
  events: readonly BrokerEvent[],
  type: T,
): Extract<BrokerEvent, { type: T }>[] {
  return events.filter((e): e is Extract<BrokerEvent, { type: T }> => e.type === type);
}

/** The events minus quotes: what a fill or a command did. */
export function trading(events: readonly BrokerEvent[]): BrokerEvent[] {
  return events.filter((e) => e.type !== 'quote');
}
