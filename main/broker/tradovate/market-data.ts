// Quotes for every contract held or ordered, from the market-data socket (`md/subscribeQuote`), as QuoteEvents in
// arrival order. When that socket is refused, or no quote comes within `silenceMs` of subscribing, open P&L cannot
// be computed from quotes: the cash-balance snapshot of each account is read every `pollMs` instead, its cash sent
// as the account's balance and the mark its open P&L implies as a `last` quote (snapshot-marks.ts), and the
// connection's detail says so (`fallbackDetail`). Its socket ending after it was up is a loss of the connection.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { SerialQueue } from '../projectx/serial-queue';
import type { TradovateAuth } from './auth';
import type { TradovateBook } from './book';
import type { Dec } from '../../../shared/domain/money';
import { parseCashBalanceSnapshot } from './parse/answers';
import { impliedMarks } from './snapshot-marks';
import { parseMdPush } from './parse/messages';
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
  stop(): void;
};

export function createMarketData(deps: MarketDataDeps): MarketData {
  const { clock, logger, book } = deps;
  let socket: TradovateSocket | null = null;
  let subscribed = new Set<string>();
  let heard = false;
  let detail: string | null = null;
  let stopped = false;
  const stops: (() => void)[] = [];
  const lastCash = new Map<string, string>();

  const fallBack = (why: string): void => {
    if (detail !== null || stopped) return;
    detail = fallbackDetail(deps.pollMs, why);
    logger.warn('Tradovate: no market data; polling cash-balance snapshots', { why });
    let polling = false;
    const pollOnce = async (): Promise<void> => {
      if (polling) return; // a slow round is not doubled
      polling = true;
      await poll().finally(() => {
        polling = false;
      });
    };
    stops.push(clock.setInterval(() => void pollOnce(), deps.pollMs));
    deps.fellBack(detail);
  };

  /** Each account's snapshot: its cash as the balance (when it changed), then the marks its open P&L implies. */
  const poll = async (): Promise<void> => {
    const openPnl = new Map<string, Dec>();
    const events: BrokerEvent[] = [];
    for (const accountId of book.accounts.keys()) {
      const outcome = await deps.request('cashBalance/getcashbalancesnapshot', {
        accountId: Number(accountId),
      });
      if (stopped) return;
      if (outcome.kind !== 'ok') {
        logger.warn('Tradovate: cash-balance snapshot not read', { accountId, error: outcome.error });
        continue;
      }
      const parsed = parseCashBalanceSnapshot(outcome.payload);
      if (!parsed.ok) {
        logger.warn('Tradovate: cash-balance snapshot not understood', { error: parsed.error.message });
        continue;
      }
      const { totalCashValue: cash, openPnl: pnl } = parsed.value;
      if (pnl !== null) openPnl.set(accountId, pnl);
      if (cash === null || lastCash.get(accountId) === cash.toString()) continue;
      lastCash.set(accountId, cash.toString());
      events.push({ type: 'account', t: clock.now(), account: accountId, balance: cash });
    }
    const implied = impliedMarks(book, openPnl, clock.now());
    for (const note of implied.notes) logger.info('Tradovate snapshot marks', { note });
    await deps.queue.run(() => {
      deps.emit([...events, ...implied.quotes]);
    });
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
    if (!heard && subscribed.size > 0 && detail === null)
      stops.push(
        clock.setTimeout(() => {
          if (!heard) fallBack(`no quote in ${deps.silenceMs / 1000} s`);
        }, deps.silenceMs),
      );
  };

  const onQuotes = (payload: unknown): void => {
    const { quotes, errors } = parseMdPush(payload);
    for (const error of errors) logger.warn('Tradovate: a quote not understood', { error: error.message });
    if (quotes.length === 0) return;
    heard = true;
    void deps.queue.run(() => {
      const events: BrokerEvent[] = [];
      for (const quote of quotes) {
        const symbol = book.contracts.get(quote.contractId)?.name;
        if (symbol === undefined) continue;
        const { bid, ask, last } = quote;
        events.push({
          type: 'quote',
          t: clock.now(),
          symbol,
          ...(bid === undefined ? {} : { bid }),
          ...(ask === undefined ? {} : { ask }),
          ...(last === undefined ? {} : { last }),
        });
      }
      deps.emit(events);
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
    stop() {
      stopped = true;
      for (const stop of stops.splice(0)) stop();
      socket?.close();
      socket = null;
    },
  };
}

/** Contracts with an open position or a working order. */
function wanted(book: TradovateBook): string[] {
  const ids = new Set<string>();
  for (const p of book.positions.values()) if (p.netPos !== 0) ids.add(p.contractId);
  for (const o of book.orders.values())
    if (o.ordStatus === 'Working' || o.ordStatus === 'PendingNew') ids.add(o.contractId);
  return [...ids].sort();
}
