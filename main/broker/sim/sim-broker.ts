// The simulated broker adapter: a seeded market and a paper broker that live "outside" the app, with their
// book kept in a JSON file so positions and working orders survive restarts of Warden, and an optional robot.
import { dec, type Dec } from '../../../shared/domain/money';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { BrokerAdapter, BrokerCommand, CommandResult, ResumePoint } from '../types';
import { createDemoSwitch, type DemoSwitch } from './demo-switch';
import { createDemoTrader } from './demo-trader';
import { createEventSender, type EventSender, type EventTap } from './event-sender';
import { instrumentMap, SIM_INSTRUMENTS } from './instruments';
import { keepBook, type Book, type KeptBook } from './kept-book';
import { createMarket, type SimMarket } from './market';
import { createMarketFeed, type MarketFeed } from './market-feed';
import { snapshotEvents } from './snapshot';
import type { SimCopier } from './from-config';
import {
  defaultAccount,
  positionQty,
  type SimAccount,
  type SimAccountSpec,
  type SimOrder,
  type SimPosition,
  type SimState,
} from './state';

export type SimBrokerOptions = {
  /** The book's JSON file; the app passes `<dataDir>/sim-broker.json`. */
  stateFile: string;
  clock: Clock;
  logger: Logger;
  /** Seeds the market and the demo robot: the same seed and clock replay the same session. Default: the time. */
  seed?: number;
  /** Time between quotes of each symbol; 250 ms (four a second) by default. */
  tickIntervalMs?: number;
  demo?: boolean;
  /**
   * The simulated accounts (docs/API.md section 7: the config's accounts with a startingBalance, see simSetupOf).
   * None or absent: the one default account SIM-50K at `startingBalance`.
   */
  accounts?: readonly SimAccountOption[];
  /** Leaders whose demo trades are copied to their followers (the config's group copiers). */
  copiers?: readonly SimCopier[];
  /** Balance of the default account SIM-50K when it is new; 50,000 by default. */
  startingBalance?: Dec | string | number;
  /** Hears every event the broker sends and whether it reached the app (soak runs: what a dropped link lost). */
  tap?: EventTap;
};

/** One simulated account: its id, its name (the id when absent) and its balance when new. */
export type SimAccountOption = { id: string; name?: string; startingBalance: Dec | string | number };

export type SimBroker = BrokerAdapter & {
  setDemo(enabled: boolean): void;
  readonly demo: boolean;
  /**
   * Moves the simulated market (scripted scenarios and tests): the bid and last trade at `price`, the ask one
   * tick above, for the symbol and every symbol quoting the same market (MNQ moves NQ too). Quotes are emitted
   * and resting orders work against them. Throws when the broker is not started or the price is off the grid.
   */
  setPrice(symbol: string, price: Dec | string): void;
  /**
   * Drops the link to the app as a network fault would (soak runs and tests): a `connection` event `reconnecting`
   * (detail `reconnecting: <reason>`), then nothing gets through — the market, the book and the demo robot go on
   * at the broker, the app's commands are refused as not connected — until `restoreLink`. False when the broker
   * is not started or the link is already down.
   */
  dropLink(reason: string): boolean;
  /**
   * The link back: like every (re)connect, the full snapshot (what the app missed reconciled) and then
   * `connected`. False when the broker is not started or the link is up.
   */
  restoreLink(): boolean;
  /** The broker's own book (soak runs and tests compare the app with it): a copy; undefined before the first start. */
  ledger(): SimLedger | undefined;
};

/** What the simulated broker holds: every account with its balance, the open positions and the working orders. */
export type SimLedger = {
  accounts: Pick<SimAccount, 'id' | 'balance' | 'canTrade'>[];
  positions: SimPosition[];
  working: Pick<SimOrder, 'id' | 'account' | 'symbol' | 'side' | 'kind' | 'qty'>[];
};

export const DEFAULT_TICK_INTERVAL_MS = 250;
const NOT_STARTED = 'the simulated broker is not started';
const LINK_DOWN = 'not connected: the link to the simulated broker is down';

/** The simulator's units, wired: the market and its feed, the kept book, the event sender, the demo robot. */
type Parts = { market: SimMarket; book: KeptBook; sender: EventSender; feed: MarketFeed; demo: DemoSwitch };

/** The book while the broker is started (loaded, and the app listens); undefined otherwise. */
function startedBook({ book, sender }: Pick<Parts, 'book' | 'sender'>): Book | undefined {
  return sender.attached ? book.current : undefined;
}

/** Runs a command on the paper broker; the book is on disk before its events go out. Never throws. */
function runCommand(
  parts: Pick<Parts, 'book' | 'sender'>,
  logger: Logger,
  command: BrokerCommand,
): CommandResult {
  const book = startedBook(parts);
  if (book === undefined) return { ok: false, error: NOT_STARTED };
  try {
    const { result, events } = book.paper.execute(command);
    if (events.length > 0) parts.book.save();
    parts.sender.send(events);
    if (result.ok) logger.debug('command done', { command: command.type, orderId: result.orderId });
    else logger.info('command refused', { command: command.type, error: result.error });
    return result;
  } catch (error) {
    logger.error('command failed', { command: command.type, error: String(error) });
    return { ok: false, error: `the simulated broker failed: ${String(error)}` };
  }
}

/** The accounts the book holds: the ones given, else the default account. */
function accountSpecs(options: SimBrokerOptions): SimAccountSpec[] {
  const given = options.accounts ?? [];
  if (given.length === 0) return [defaultAccount(dec(options.startingBalance ?? 50_000))];
  return given.map((a) => ({ id: a.id, name: a.name ?? a.id, startingBalance: dec(a.startingBalance) }));
}

function assemble(options: SimBrokerOptions): Parts & { run(command: BrokerCommand): CommandResult } {
  const { clock, logger } = options;
  const seed = options.seed ?? clock.now() % 2 ** 32;
  const accounts = accountSpecs(options);
  const market = createMarket(SIM_INSTRUMENTS, seed);
  const book = keepBook({
    path: options.stateFile,
    clock,
    logger,
    market,
    instruments: instrumentMap(),
    accounts,
  });
  const sender = createEventSender(clock, logger, options.tap);
  const feed = createMarketFeed({ market, book, sender, clock, logger });
  const run = (command: BrokerCommand) => runCommand({ book, sender }, logger, command);
  const trader = createDemoTrader({
    clock,
    logger,
    seed: (seed ^ 0x5eed) >>> 0,
    accounts: accounts.map((a) => a.id),
    copiers: options.copiers ?? [],
    instruments: SIM_INSTRUMENTS,
    positionQty: (account, symbol) => {
      const current = book.current;
      return current === undefined ? 0 : positionQty(current.state, account, symbol);
    },
    quote: (symbol) => market.quote(symbol),
    execute: run,
  });
  const demo = createDemoSwitch({
    trader,
    logger,
    on: options.demo ?? false,
    marketRunning: () => feed.running,
  });
  return { market, book, sender, feed, demo, run };
}

export function createSimBroker(options: SimBrokerOptions): SimBroker {
  const parts = assemble(options);
  const { market, book, sender, feed, demo } = parts;
  let resumePoint: () => ResumePoint = () => ({ lastFillAt: null, held: [] });
  /** Cancels the fresh connection a reconnect scheduled (set while one is under way). */
  let cancelReconnect: (() => void) | undefined;
  const halt = (): void => {
    feed.stop();
    demo.pause();
    cancelReconnect?.();
    cancelReconnect = undefined;
  };
  /** What every (re)connect reports (BrokerAdapter.start): the full snapshot, then connected. */
  const reconciled = (current: Book): void => {
    const t = options.clock.now();
    sender.send(snapshotEvents(current.state, market, resumePoint(), t));
    sender.send([{ type: 'connection', t, status: 'connected' }]);
  };
  return {
    kind: 'sim',
    get demo() {
      return demo.on;
    },
    setDemo: (enabled) => demo.set(enabled),
    setPrice(symbol, price) {
      if (startedBook(parts) === undefined) throw new Error(NOT_STARTED);
      feed.publish(market.setPrice(symbol, typeof price === 'string' ? dec(price) : price));
    },
    start(listener, resume) {
      halt();
      const current = book.load();
      sender.attach(listener);
      resumePoint = resume;
      sender.send([{ type: 'connection', t: options.clock.now(), status: 'connecting' }]);
      reconciled(current);
      feed.start(options.tickIntervalMs ?? DEFAULT_TICK_INTERVAL_MS);
      demo.resume();
      return Promise.resolve();
    },
    execute: (command) =>
      Promise.resolve(
        startedBook(parts) !== undefined && !sender.linkUp
          ? { ok: false as const, error: LINK_DOWN }
          : parts.run(command),
      ),
    reconnect(reason) {
      if (startedBook(parts) === undefined) return false;
      if (cancelReconnect !== undefined) return true;
      options.logger.info('reconnect asked for', { reason });
      const t = options.clock.now();
      sender.send([
        { type: 'connection', t, status: 'reconnecting', detail: `reconnecting: ${reason}`, asked: true },
      ]);
      // A turn later, as a real broker's fresh connection would come: the screen shows the reconnect.
      cancelReconnect = options.clock.setTimeout(() => {
        cancelReconnect = undefined;
        const current = startedBook(parts);
        if (current !== undefined) reconciled(current);
      }, 0);
      return true;
    },
    dropLink(reason) {
      if (startedBook(parts) === undefined || !sender.linkUp) return false;
      options.logger.info('link dropped', { reason });
      const t = options.clock.now();
      sender.send([{ type: 'connection', t, status: 'reconnecting', detail: `reconnecting: ${reason}` }]);
      sender.setLink(false);
      return true;
    },
    restoreLink() {
      const current = startedBook(parts);
      if (current === undefined || sender.linkUp) return false;
      options.logger.info('link restored');
      sender.setLink(true);
      reconciled(current);
      return true;
    },
    ledger: () => ledgerOf(book.current?.state),
    stop() {
      halt();
      book.save();
      sender.detach();
      return Promise.resolve();
    },
  };
}

function ledgerOf(state: SimState | undefined): SimLedger | undefined {
  if (state === undefined) return undefined;
  return {
    accounts: [...state.accounts.values()].map(({ id, balance, canTrade }) => ({ id, balance, canTrade })),
    positions: [...state.positions.values()].map((p) => ({ ...p })),
    working: [...state.working.values()].map(({ id, account, symbol, side, kind, qty }) => ({
      id,
      account,
      symbol,
      side,
      kind,
      qty,
    })),
  };
}
