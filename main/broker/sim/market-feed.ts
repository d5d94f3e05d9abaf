// Drives the simulated market: a step on a timer, each quote sent and then whatever it filled, the book on
// disk before anyone hears of a fill. A failing step is logged, never thrown into the timer (it would stop).
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventSender } from './event-sender';
import type { KeptBook } from './kept-book';
import type { SimMarket, SimQuote } from './market';
import { quoteEvent } from './snapshot';

export type MarketFeedDeps = {
  market: SimMarket;
  book: KeptBook;
  sender: EventSender;
  clock: Clock;
  logger: Logger;
};

export type MarketFeed = {
  /** Sends each quote and then whatever it filled (nothing before the book is loaded). */
  publish(quotes: readonly SimQuote[]): void;
  /** Steps the market every `intervalMs`. */
  start(intervalMs: number): void;
  stop(): void;
  readonly running: boolean;
};

/** Sends each quote and then whatever it filled; the book is on disk before anyone hears of a fill. */
function publish({ book, sender, clock }: MarketFeedDeps, quotes: readonly SimQuote[]): void {
  const current = book.current;
  if (current === undefined) return;
  for (const quote of quotes) {
    sender.send([quoteEvent(quote, clock.now())]);
    const filled = current.paper.match(quote.symbol);
    if (filled.length > 0) book.save();
    sender.send(filled);
  }
  book.savePricesWhenDue();
}

export function createMarketFeed(deps: MarketFeedDeps): MarketFeed {
  const { market, clock, logger } = deps;
  let stopTimer: (() => void) | undefined;

  /** One market step; a bug here is logged, never thrown into the timer. */
  const tick = (): void => {
    try {
      publish(deps, market.step());
    } catch (error) {
      logger.error('market step failed', { error: String(error) });
    }
  };

  const stop = (): void => {
    stopTimer?.();
    stopTimer = undefined;
  };

  return {
    publish: (quotes) => publish(deps, quotes),
    start(intervalMs) {
      stop();
      stopTimer = clock.setInterval(tick, intervalMs);
    },
    stop,
    get running() {
      return stopTimer !== undefined;
    },
  };
}
