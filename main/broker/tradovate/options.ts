// What the Tradovate adapter is built from: the trader's login and API key, the three URLs, the injected clock and
// logger, and the timings (backoff, market-data silence, fallback polling) a test may shorten.
import type { Dec } from '../../../shared/domain/money';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { TradovateCredentials } from './auth';
import type { SocketTiming } from './wire/socket';

export type TradovateUrls = {
  /** REST base, e.g. `https://demo.tradovateapi.com/v1`. */
  api: string;
  /** The user socket, e.g. `wss://demo.tradovateapi.com/v1/websocket`. */
  ws: string;
  /** The market-data socket, e.g. `wss://md.tradovateapi.com/v1/websocket`. */
  md: string;
};

export type TradovateTiming = {
  /** Waits before each reconnect attempt in turn; the last repeats. */
  restartDelaysMs: readonly number[];
  /** No quote this long after subscribing: market data is taken as absent and P&L comes from snapshots. */
  marketDataSilenceMs: number;
  /** How often `cashBalance/getcashbalancesnapshot` is read per account while market data is absent. */
  snapshotPollMs: number;
  /** A position report that comes ahead of its fills waits this long for them at most (position-order.ts). */
  positionSettleMs: number;
  /** At most one login in this long: each can end the trader's own platform session (auth.ts). */
  minLoginIntervalMs: number;
  socket: Partial<SocketTiming>;
};

export const DEFAULT_TIMING: TradovateTiming = {
  restartDelaysMs: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000],
  marketDataSilenceMs: 10_000,
  snapshotPollMs: 2_000,
  positionSettleMs: 1_000,
  minLoginIntervalMs: 5 * 60_000,
  socket: {},
};

export type TradovateOptions = {
  credentials: TradovateCredentials;
  urls: TradovateUrls;
  clock: Clock;
  logger: Logger;
  /** Which environment the URLs are, for the words when the login lists no account ('custom': given URLs). */
  environment?: 'demo' | 'live' | 'custom';
  /** Fees per contract (per side) for fills Tradovate sent without fees; without it such fills carry 0. */
  feesPerContract?: Dec;
  timing?: Partial<TradovateTiming>;
};
