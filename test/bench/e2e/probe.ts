// The core's side of the stopwatch, with no product code changed: the adapter's `start(emit)` callback and its
// `execute` are wrapped before the core is given the adapter. The wrapped callback stamps the armed event as it
// reaches the core, and after the core has taken each event wakes whoever waits for a condition; the wrapped
// execute stamps the first command for the armed account as the core hands it over, and keeps its answer. Between
// the two the store meter runs; after the hand-over the wire tap stamps the first enforcement request handed to its
// socket.
import type { BrokerAdapter, CommandResult } from '../../../main/broker/types';
import type { BrokerEvent } from '../../../shared/domain/events';
import { clientConnections, type StoreCall, type StoreMeter } from './taps';

/**
 * When the core received the armed event from the adapter, handed the adapter its command, and the adapter handed
 * its request to the socket; the time spent in the store between the first two, per call.
 */
export type CoreStamps = {
  receivedAt: bigint;
  handedAt: bigint;
  wroteAt: bigint;
  storeNs: bigint;
  storeCalls: Record<string, StoreCall>;
  /** The enforcement request opened a connection of its own (none was open and idle for it). */
  newConnection: boolean;
};

type Waiter = { check: (event: BrokerEvent) => boolean; resolve: () => void };
type Armed = {
  account: string;
  event: (event: BrokerEvent) => boolean;
  endpoints: readonly string[];
  receivedAt: bigint | null;
  handedAt: bigint | null;
  wroteAt: bigint | null;
  storeNs: bigint;
  storeCalls: Record<string, StoreCall>;
  /** Client connections opened so far, as the core handed over its command. */
  openedBefore: number;
  newConnection: boolean;
};

/** Events kept to name in a timeout's error: what the core heard last. */
const RECENT = 12;
const eventText = (event: BrokerEvent) => JSON.stringify(event).replace(/"t":\d+,?/, '');

export type Probe = ReturnType<typeof probeAdapter>;

export function probeAdapter(adapter: BrokerAdapter, meter: StoreMeter) {
  const waiters = new Set<Waiter>();
  const answers: Promise<CommandResult>[] = [];
  const recent: BrokerEvent[] = [];
  let armed: Armed | null = null;

  const received = (event: BrokerEvent): void => {
    if (armed === null || armed.receivedAt !== null || !armed.event(event)) return;
    meter.reset();
    meter.running = true;
    armed.receivedAt = process.hrtime.bigint();
  };
  const taken = (event: BrokerEvent): void => {
    recent.push(event);
    if (recent.length > RECENT) recent.shift();
    for (const waiter of waiters)
      if (waiter.check(event)) {
        waiters.delete(waiter);
        waiter.resolve();
      }
  };
  const start = adapter.start.bind(adapter);
  adapter.start = (emit, resume) =>
    start((event) => {
      received(event);
      emit(event);
      taken(event);
    }, resume);
  const execute = adapter.execute.bind(adapter);
  adapter.execute = (command) => {
    if (armed !== null && armed.handedAt === null && command.account === armed.account) {
      armed.handedAt = process.hrtime.bigint();
      armed.openedBefore = clientConnections.opened;
      meter.running = false;
      armed.storeNs = meter.ns;
      armed.storeCalls = Object.fromEntries(meter.calls);
    }
    const answer = execute(command);
    answers.push(answer);
    return answer;
  };

  return {
    /** The wire tap's listener: stamps the first enforcement request handed to its socket after the hand-over. */
    wire: (text: string): void => {
      if (armed === null || armed.handedAt === null || armed.wroteAt !== null) return;
      if (!armed.endpoints.some((endpoint) => text.includes(endpoint))) return;
      armed.wroteAt = process.hrtime.bigint();
      armed.newConnection = clientConnections.opened > armed.openedBefore;
    },
    /**
     * Resolves once the core has taken an event after which `check` holds (asked after each event has been
     * handed to the core); rejects naming `what` and the last events after `ms`. Register before causing it.
     */
    until(what: string, check: (event: BrokerEvent) => boolean, ms = 10_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const last = recent.map((event) => `\n  ${eventText(event)}`).join('');
          reject(new Error(`timed out after ${ms} ms waiting for ${what}; the core's last events:${last}`));
        }, ms);
        const waiter: Waiter = {
          check,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        waiters.add(waiter);
      });
    },
    /** Stamps the next event matching `event`, the next command for `account`, and its request to `endpoints`. */
    arm(account: string, event: (event: BrokerEvent) => boolean, endpoints: readonly string[]): void {
      armed = {
        account,
        event,
        endpoints,
        receivedAt: null,
        handedAt: null,
        wroteAt: null,
        storeNs: 0n,
        storeCalls: {},
        openedBefore: 0,
        newConnection: false,
      };
    },
    /** The armed stamps (and disarms); throws when any did not happen. */
    take(): CoreStamps {
      const stamps = armed;
      armed = null;
      meter.reset();
      if (stamps?.receivedAt == null) throw new Error('the core never received the confirming quote');
      if (stamps.handedAt === null) throw new Error('the core never handed the adapter a command for A');
      if (stamps.wroteAt === null)
        throw new Error('the adapter never handed the enforcement request to its socket');
      const { receivedAt, handedAt, wroteAt, storeNs, storeCalls, newConnection } = stamps;
      return { receivedAt, handedAt, wroteAt, storeNs, storeCalls, newConnection };
    },
    /** Every command handed over so far has been answered; throws on the first refused one. */
    async answered(): Promise<void> {
      const results = await Promise.all(answers.splice(0));
      for (const result of results) if (!result.ok) throw new Error(`a command was refused: ${result.error}`);
    },
  };
}
