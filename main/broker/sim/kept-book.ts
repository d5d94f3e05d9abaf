// The simulated broker's book as kept on disk: loaded (or started fresh) at the first connect, written whole
// at every change, and the last prices alone at most every PRICE_SAVE_INTERVAL_MS.
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { accountsChanged, fitAccounts } from './accounts';
import type { SimInstrument } from './instruments';
import type { SimMarket } from './market';
import { createPaperBroker, type PaperBroker } from './paper-broker';
import { freshState, type SimAccountSpec, type SimState } from './state';
import { createStateFile } from './store-file';

/** Last prices alone are written at most this often; any change to the book is written at once. */
export const PRICE_SAVE_INTERVAL_MS = 5000;

export type Book = { state: SimState; paper: PaperBroker };

export type KeptBookDeps = {
  /** The book's JSON file. */
  path: string;
  clock: Clock;
  logger: Logger;
  market: SimMarket;
  instruments: ReadonlyMap<string, SimInstrument>;
  /** The accounts the book holds: new ones open at their starting balance, others are set aside. */
  accounts: readonly SimAccountSpec[];
};

export type KeptBook = {
  /** The book once loaded; it stays loaded after the broker stops. */
  readonly current: Book | undefined;
  /** The book, read from the file (or started fresh and written) the first time. */
  load(): Book;
  /** Writes the whole book and the market's last prices. */
  save(): void;
  /** Writes the last prices when they were last written PRICE_SAVE_INTERVAL_MS ago or more. */
  savePricesWhenDue(): void;
};

function openBook(deps: KeptBookDeps, state: SimState): Book {
  const { market, instruments, clock } = deps;
  const paper = createPaperBroker({
    state,
    instruments,
    quote: (s) => market.quote(s),
    now: () => clock.now(),
  });
  return { state, paper };
}

export function keepBook(deps: KeptBookDeps): KeptBook {
  const { clock, logger, market } = deps;
  const file = createStateFile({ path: deps.path, clock, logger, symbols: new Set(deps.instruments.keys()) });
  let book: Book | undefined;
  let pricesSavedAt = clock.now();

  const save = (): void => {
    if (book === undefined) return;
    file.save({ state: book.state, prices: market.prices() });
    pricesSavedAt = clock.now();
  };

  const load = (): Book => {
    if (book !== undefined) return book;
    const stored = file.load();
    if (stored !== undefined) market.restore(stored.prices);
    const state = stored?.state ?? freshState(clock.now(), deps.accounts);
    const fitted = fitAccounts(state, deps.accounts);
    book = openBook(deps, state);
    logger.info(stored === undefined ? 'sim broker: new book' : 'sim broker: book restored', {
      accounts: [...state.accounts.keys()],
      positions: state.positions.size,
      workingOrders: state.working.size,
    });
    if (stored !== undefined && accountsChanged(fitted)) logger.info('sim broker: accounts changed', fitted);
    if (stored === undefined || accountsChanged(fitted)) save();
    return book;
  };

  return {
    get current() {
      return book;
    },
    load,
    save,
    savePricesWhenDue() {
      if (clock.now() - pricesSavedAt >= PRICE_SAVE_INTERVAL_MS) save();
    },
  };
}
