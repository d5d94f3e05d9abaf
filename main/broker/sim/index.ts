// The simulated broker: the app's default adapter (a seeded market, a paper broker with a persisted book, a
// demo robot), and its parts for tests and tools.
export { createSimBroker, DEFAULT_TICK_INTERVAL_MS } from './sim-broker';
export { PRICE_SAVE_INTERVAL_MS } from './kept-book';
export type { SimAccountOption, SimBroker, SimBrokerOptions, SimLedger } from './sim-broker';
export { simAccountsOf, simCopiersOf, simSetupOf } from './from-config';
export type { SimCopier, SimSetup } from './from-config';
export { fitAccounts } from './accounts';
export type { AccountsFitted } from './accounts';
export { SIM_INSTRUMENTS, instrumentMap, instrumentEvent, onTickGrid, pointValue } from './instruments';
export type { SimInstrument } from './instruments';
export { createMarket } from './market';
export type { SimMarket, SimQuote } from './market';
export { createRng } from './prng';
export type { Rng } from './prng';
export { createPaperBroker } from './paper-broker';
export { orderEvent } from './working-orders';
export type { Outcome, PaperBroker, PaperBrokerDeps } from './paper-broker';
export { bookExecution, nextHolding, accountEvent, positionEvent, usedMargin } from './ledger';
export type { Execution } from './ledger';
export { createStateFile, STATE_FILE_VERSION } from './store-file';
export type { StateFile, StoredBook, Prices } from './store-file';
export { createDemoTrader, DEMO_MAX_CONTRACTS, DEMO_MAX_SYMBOLS, DEMO_TAG } from './demo-trader';
export type { DemoTrader, DemoTraderDeps } from './demo-trader';
export {
  COPY_LATE_MS,
  COPY_LATE_RATE,
  COPY_MISS_RATE,
  COPY_ON_TIME_MS,
  copyCommand,
  copyTiming,
  DEMO_COPY_TAG,
} from './demo-copier';
export type { CopyTiming, DemoMove } from './demo-copier';
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_ACCOUNT_NAME,
  defaultAccount,
  freshState,
  positionKey,
  positionQty,
  type SimAccount,
  type SimAccountSpec,
  type ShelvedAccount,
  type SimOrder,
  type SimPosition,
  type SimState,
} from './state';
export { checkPlaceOrder, checkClose } from './validate';
export type { EventTap } from './event-sender';
