// The simulated broker adapter: a seeded market and a paper broker that live "outside" the app, with their
// book kept in a JSON file so positions and working orders survive restarts of Warden, and an optional robot.
import type { BrokerEvent, QuoteEvent } from '../../../shared/domain/events';
import { dec, type Dec } from '../../../shared/domain/money';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { heldButGone } from '../held';
import type { BrokerAdapter, BrokerCommand, CommandResult, ResumePoint } from '../types';
import { createDemoTrader, type DemoTrader } from './demo-trader';
import { instrumentEvent, instrumentMap, SIM_INSTRUMENTS } from './instruments';
import { accountEvent, positionEvent } from './ledger';
import { createMarket, type SimMarket, type SimQuote } from './market';
import { createPaperBroker, orderEvent, type PaperBroker } from './paper-broker';
import { DEFAULT_ACCOUNT_ID, freshState, positionKey, positionQty, type SimState } from './state';
import { createStateFile } from './store-file';

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
  /** Balance of the demo account when there is no stored book yet; 50,000 by default. */
  startingBalance?: Dec | string | number;
};

export type SimBroker = BrokerAdapter & {
  setDemo(enabled: boolean): void;
  readonly demo: boolean;
  /**
   * Moves the simulated market (scripted scenarios and tests): the bid and last trade at `price`, the ask one
   * tick above, for the symbol and every symbol quoting the same market (MNQ moves NQ too). Quotes are emitted
   * and resting orders work against them. Throws when the broker is not started or the price is off the grid.
   */
  setPrice(symbol: string, price: Dec | string): void;
};

export const DEFAULT_TICK_INTERVAL_MS = 250;
/** Last prices alone are written at most this often; any change to the book is written at once. */
export const PRICE_SAVE_INTERVAL_MS = 5000;
const NOT_STARTED = 'the simulated broker is not started';
const LISTENER_ERROR_LOG_INTERVAL_MS = 60_000;

type Book = { state: SimState; paper: PaperBroker };

function quoteEvent(quote: SimQuote, t: number): QuoteEvent {
  return { type: 'quote', t, symbol: quote.symbol, bid: quote.bid, ask: quote.ask, last: quote.last };
}

/**
 * The broker's full picture, as a reconnect reports it (BrokerAdapter.start). Order matters to the engine: the
 * balance report first (it already holds every fill's cash), then the fills the engine may have missed, then
 * the positions, which only correct what those fills did not explain. What the engine still holds and the book
 * does not (its file was reset, say) is reported closed and cancelled.
 */
function snapshotEvents(state: SimState, market: SimMarket, resume: ResumePoint, t: number): BrokerEvent[] {
  const instruments = instrumentMap();
  const gone = heldButGone(
    resume.held,
    {
      guarded: () => true,
      hasOrder: (_account, id) => state.working.has(id),
      hasPosition: (account, symbol) => (state.positions.get(positionKey(account, symbol))?.qty ?? 0) !== 0,
    },
    t,
  );
  return [
    ...SIM_INSTRUMENTS.map((i) => instrumentEvent(i, t)),
    ...SIM_INSTRUMENTS.map((i) => quoteEvent(market.quote(i.symbol), t)),
    ...[...state.accounts.values()].map((a) => accountEvent(state, a, instruments, t)),
    ...state.fills.filter((f) => resume.lastFillAt === null || f.t >= resume.lastFillAt),
    ...[...state.positions.values()].map((p) => positionEvent(p.account, p.symbol, p, t)),
    ...gone.positions,
    ...[...state.working.values()].map((o) => orderEvent(o, t)),
    ...gone.orders,
  ];
}

export function createSimBroker(options: SimBrokerOptions): SimBroker {
  const { clock, logger } = options;
  const seed = options.seed ?? clock.now() % 2 ** 32;
  const startingBalance = dec(options.startingBalance ?? 50_000);
  const instruments = instrumentMap();
  const market = createMarket(SIM_INSTRUMENTS, seed);
  const file = createStateFile({
    path: options.stateFile,
    clock,
    logger,
    symbols: new Set(instruments.keys()),
  });
  let book: Book | undefined;
  let emit: ((event: BrokerEvent) => void) | undefined;
  let stopTimer: (() => void) | undefined;
  let demo = options.demo ?? false;
  let pricesSavedAt = clock.now();

  const persist = (): void => {
    if (book === undefined) return;
    file.save({ state: book.state, prices: market.prices() });
    pricesSavedAt = clock.now();
  };

  // A listener that throws on every quote would otherwise write dozens of log lines a second.
  let listenerErrorLoggedAt = -Infinity;
  let listenerErrorsUnlogged = 0;
  const listenerFailed = (event: BrokerEvent, error: unknown): void => {
    listenerErrorsUnlogged++;
    if (clock.now() - listenerErrorLoggedAt < LISTENER_ERROR_LOG_INTERVAL_MS) return;
    logger.error('event listener failed', {
      event: event.type,
      error: String(error),
      times: listenerErrorsUnlogged,
    });
    listenerErrorLoggedAt = clock.now();
    listenerErrorsUnlogged = 0;
  };

  const send = (events: readonly BrokerEvent[]): void => {
    for (const event of events) {
      try {
        emit?.(event);
      } catch (error) {
        listenerFailed(event, error);
      }
    }
  };

  const loadBook = (): Book => {
    if (book !== undefined) return book;
    const stored = file.load();
    if (stored !== undefined) market.restore(stored.prices);
    const state = stored?.state ?? freshState(clock.now(), startingBalance);
    const paper = createPaperBroker({
      state,
      instruments,
      quote: (s) => market.quote(s),
      now: () => clock.now(),
    });
    book = { state, paper };
    logger.info(stored === undefined ? 'sim broker: new book' : 'sim broker: book restored', {
      positions: state.positions.size,
      workingOrders: state.working.size,
    });
    if (stored === undefined) persist();
    return book;
  };

  /** Emits each quote and then whatever it filled; the book is on disk before anyone hears of a fill. */
  const publishQuotes = (quotes: readonly SimQuote[]): void => {
    if (book === undefined) return;
    for (const quote of quotes) {
      send([quoteEvent(quote, clock.now())]);
      const filled = book.paper.match(quote.symbol);
      if (filled.length > 0) persist();
      send(filled);
    }
    if (clock.now() - pricesSavedAt >= PRICE_SAVE_INTERVAL_MS) persist();
  };

  const run = (command: BrokerCommand): CommandResult => {
    if (book === undefined || emit === undefined) return { ok: false, error: NOT_STARTED };
    try {
      const { result, events } = book.paper.execute(command);
      if (events.length > 0) persist();
      send(events);
      if (result.ok) logger.debug('command done', { command: command.type, orderId: result.orderId });
      else logger.info('command refused', { command: command.type, error: result.error });
      return result;
    } catch (error) {
      logger.error('command failed', { command: command.type, error: String(error) });
      return { ok: false, error: `the simulated broker failed: ${String(error)}` };
    }
  };

  /** One market step; a bug here is logged, never thrown into the timer (which would stop the app). */
  const tick = (): void => {
    try {
      publishQuotes(market.step());
    } catch (error) {
      logger.error('market step failed', { error: String(error) });
    }
  };

  const trader: DemoTrader = createDemoTrader({
    clock,
    logger,
    seed: (seed ^ 0x5eed) >>> 0,
    account: DEFAULT_ACCOUNT_ID,
    instruments: SIM_INSTRUMENTS,
    positionQty: (symbol) => (book === undefined ? 0 : positionQty(book.state, DEFAULT_ACCOUNT_ID, symbol)),
    quote: (symbol) => market.quote(symbol),
    execute: run,
  });

  const halt = (): void => {
    stopTimer?.();
    stopTimer = undefined;
    trader.stop();
  };

  return {
    kind: 'sim',
    get demo() {
      return demo;
    },
    setDemo(enabled) {
      demo = enabled;
      logger.info(enabled ? 'demo trading on' : 'demo trading off');
      if (enabled && stopTimer !== undefined) trader.start();
      else trader.stop();
    },
    setPrice(symbol, price) {
      if (book === undefined || emit === undefined) throw new Error(NOT_STARTED);
      publishQuotes(market.setPrice(symbol, typeof price === 'string' ? dec(price) : price));
    },
    start(listener, resume) {
      halt();
      const current = loadBook();
      emit = listener;
      const t = clock.now();
      send([{ type: 'connection', t, status: 'connecting' }]);
      send(snapshotEvents(current.state, market, resume(), t));
      send([{ type: 'connection', t, status: 'connected' }]);
      stopTimer = clock.setInterval(tick, options.tickIntervalMs ?? DEFAULT_TICK_INTERVAL_MS);
      if (demo) trader.start();
      return Promise.resolve();
    },
    execute(command) {
      return Promise.resolve(run(command));
    },
    stop() {
      halt();
      persist();
      emit = undefined;
      return Promise.resolve();
    },
  };
}
