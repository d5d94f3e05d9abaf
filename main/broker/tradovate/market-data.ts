// Quotes for every contract held or ordered, from the market-data socket (`md/subscribeQuote`), as QuoteEvents in
// arrival order. When that socket is refused, or no quote comes within `silenceMs` of subscribing, open P&L cannot
// be computed from quotes: the cash-balance snapshots are polled instead (snapshot-poller.ts) and the connection's
// detail says so (`fallbackDetail`); quotes that stop later do the same, and quotes that come back end it. Its
// socket ending after it was up is a loss of the connection. A quote older (by Tradovate's own `timestamp`) than
// the newest one taken for its contract is stale and dropped: nothing promises timestamp order, and a late old
// quote would put the mark back. Dropped quotes do not count as quotes flowing.
import type { BrokerEvent, QuoteEvent } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { SerialQueue } from '../serial-queue';
import type { PnlSource } from '../types';
import type { TradovateAuth } from './auth';
import type { TradovateBook } from './book';
import { parseMdPush, type TvQuote } from './parse/messages';
import { pollSnapshots } from './snapshot-poller';
import type { SocketOutcome } from './wire/outcome';
import { connectSocket, type SocketTiming, type TradovateSocket } from './wire/socket';

export const fallbackDetail = (pollMs: number, why: string): string =>
  `P&L from broker snapshots (${pollMs / 1000} s): no market data (${why})`;

export type MarketDataDeps = {
  url: string;
  auth: TradovateAuth;
  clock: Clock;
  logger: Logger;
  socketTiming: Partial<SocketTiming>;
  queue: SerialQueue;
  book: TradovateBook;
  silenceMs: number;
  pollMs: number;
  emit(events: readonly BrokerEvent[]): void;
  /** A request on the user socket (the cash-balance snapshot). */
  request(endpoint: string, body: Record<string, unknown>): Promise<SocketOutcome>;
  /** The market data went away: the detail to show. */
  fellBack(detail: string): void;
  /** Quotes came back after a fall-back: the P&L is live again. */
  recovered(): void;
  /** The socket ended after it was up: the connection is rebuilt (with the user socket, usually gone too). */
  ended(reason: string): void;
};

export type MarketData = {
  /** Opens the socket and subscribes what is held or ordered now. */
  start(): Promise<void>;
  /** Subscribes contracts held or ordered since (after a props push). */
  follow(): void;
  /** Null while quotes flow; the fallback's detail otherwise. */
  detail(): string | null;
  /** Where open P&L comes from now, and for snapshots how fresh the newest is. */
  pnlSource(): PnlSource;
  stop(): void;
};

export function createMarketData(deps: MarketDataDeps): MarketData {
  const { clock, logger, book } = deps;
  let socket: TradovateSocket | null = null;
  let subscribed = new Set<string>();
  /** When the last quote came (null: none yet), and since when quotes are watched for. */
  let lastQuoteAt: number | null = null;
  let watchedSince: number | null = null;
  let detail: string | null = null;
  let fallback: { why: string; lastAt: number | null; stop: () => void } | null = null;
  let stopped = false;
  const stops: (() => void)[] = [];
  const fresh = freshQuotes(logger);

  const fallBack = (why: string): void => {
    if (fallback !== null || stopped) return;
    detail = fallbackDetail(deps.pollMs, why);
    logger.warn('Tradovate: no market data; polling cash-balance snapshots', { why });
    const polling: { why: string; lastAt: number | null; stop: () => void } = {
      why,
      lastAt: null,
      stop: () => undefined,
    };
    polling.stop = pollSnapshots({
      ...deps,
      book,
      read: (at) => {
        polling.lastAt = at;
      },
    });
    fallback = polling;
    deps.fellBack(detail);
  };

  /** Quotes flow again: the snapshots stop and the P&L is live again. */
  const recover = (): void => {
    if (fallback === null || stopped) return;
    fallback.stop();
    fallback = null;
    detail = null;
    logger.info('Tradovate: quotes flow again; snapshot polling stopped');
    deps.recovered();
  };

  /**
   * Quotes that never come within `silenceMs` of the first subscription mean no market data; quotes that stop for
   * three times that while something is held or ordered mean it went away (a quiet contract is not silent that
   * long; a closed market is, and snapshots then cost little).
   */
  const checkSilence = (): void => {
    if (fallback !== null || watchedSince === null || wanted(book).length === 0) return;
    const now = clock.now();
    if (lastQuoteAt === null) {
      if (now - watchedSince >= deps.silenceMs) fallBack(`no quote in ${deps.silenceMs / 1000} s`);
    } else if (now - lastQuoteAt >= 3 * deps.silenceMs)
      fallBack(`quotes stopped ${Math.round((now - lastQuoteAt) / 1000)} s ago`);
  };

  const subscribe = (): void => {
    if (socket === null) return;
    for (const contractId of wanted(book)) {
      if (subscribed.has(contractId)) continue;
      const symbol = book.contracts.get(contractId)?.name;
      if (symbol === undefined) continue;
      subscribed.add(contractId);
      void socket.request('md/subscribeQuote', undefined, { symbol }).then((outcome) => {
        if (outcome.kind !== 'ok')
          logger.warn('Tradovate: quote subscription failed', { symbol, error: outcome.error });
      });
    }
    // One watch, from the first subscription on.
    if (watchedSince === null && subscribed.size > 0) {
      watchedSince = clock.now();
      stops.push(clock.setInterval(checkSilence, deps.silenceMs / 2));
    }
  };

  const onQuotes = (payload: unknown): void => {
    const { quotes, errors } = parseMdPush(payload);
    for (const error of errors) logger.warn('Tradovate: a quote not understood', { error: error.message });
    // Only quotes taken count as flowing: a feed that sends nothing but stale ones gives no market data.
    const taken = fresh(quotes);
    if (taken.length === 0) return;
    lastQuoteAt = clock.now();
    recover();
    void deps.queue.run(() => {
      deps.emit(quoteEvents(book, taken, clock.now()));
    });
  };

  return {
    async start() {
      const token = deps.auth.mdAccessToken();
      if (token === null) {
        fallBack('not logged in');
        return;
      }
      const opened = await connectSocket({
        url: deps.url,
        token,
        clock,
        logger,
        timing: deps.socketTiming,
        onPush: (push) => {
          if (push.event === 'md') onQuotes(push.payload);
        },
        onEnd: (end) => {
          socket = null;
          if (!stopped) deps.ended(`the market-data socket ended (${end.code} ${end.reason})`);
        },
      });
      if (stopped) {
        if (opened.ok) opened.socket.close();
        return;
      }
      if (!opened.ok) {
        fallBack(opened.error);
        return;
      }
      socket = opened.socket;
      subscribed = new Set();
      subscribe();
    },
    follow: subscribe,
    detail: () => detail,
    pnlSource: () =>
      fallback === null
        ? { source: 'quotes' }
        : { source: 'snapshots', everyMs: deps.pollMs, lastAt: fallback.lastAt, why: fallback.why },
    stop() {
      stopped = true;
      fallback?.stop();
      for (const stop of stops.splice(0)) stop();
      socket?.close();
      socket = null;
    },
  };
}

/**
 * A filter for one socket's quotes: those not older than the newest already taken for their contract (those
 * without a timestamp cannot be judged and pass); each taken becomes the newest.
 */
function freshQuotes(logger: Logger): (quotes: readonly TvQuote[]) => TvQuote[] {
  const newest = new Map<string, number>();
  return (quotes) =>
    quotes.filter((quote) => {
      if (quote.timestamp === null) return true;
      const seen = newest.get(quote.contractId);
      if (seen !== undefined && quote.timestamp < seen) {
        logger.debug('Tradovate: a quote older than the newest taken, dropped', {
          contractId: quote.contractId,
        });
        return false;
      }
      newest.set(quote.contractId, quote.timestamp);
      return true;
    });
}

/** Contracts with an open position or a working order. */
function wanted(book: TradovateBook): string[] {
  const ids = new Set<string>();
  for (const p of book.positions.values()) if (p.netPos !== 0) ids.add(p.contractId);
  for (const o of book.orders.values())
    if (o.ordStatus === 'Working' || o.ordStatus === 'PendingNew') ids.add(o.contractId);
  return [...ids].sort();
}

/** Quotes of contracts the book knows, each side only when it came with a price. */
function quoteEvents(book: TradovateBook, quotes: readonly TvQuote[], t: number): QuoteEvent[] {
  const events: QuoteEvent[] = [];
  for (const { contractId, bid, ask, last } of quotes) {
    const symbol = book.contracts.get(contractId)?.name;
    if (symbol === undefined) continue;
    events.push({
      type: 'quote',
      t,
      symbol,
      ...(bid === undefined ? {} : { bid }),
      ...(ask === undefined ? {} : { ask }),
      ...(last === undefined ? {} : { last }),
    });
  }
  return events;
}
