// The market hub's events (docs/brokers/PROJECTX.md section 4): quotes of the contracts whose instrument was emitted become
// quote events; depth and market trades are not used. A quote older (by the gateway's own `timestamp`) than the
// newest one already taken for its contract is stale and dropped: the wire does not promise timestamp order, and a
// late old quote would put the mark back (section 4). The memory starts afresh with every REST snapshot.
import { quoteEvent } from './book';
import type { FeedContext } from './feed';
import { isObject, parseEntity, plainQuote, quoteSchema, shortJson } from './parse';

export function createQuoteUpdates(context: FeedContext): {
  handler: (args: unknown[]) => void;
  /** Forgets the newest timestamps (a snapshot: the connection may be a new one). */
  reset(): void;
} {
  const newest = new Map<string, number>();
  const handler = (args: unknown[]): void => {
    const [contractId, data] = args;
    void context.queue.run(() => {
      if (typeof contractId !== 'string' || !isObject(data)) {
        context.logger.warn('quote not understood, dropped', { frame: shortJson(args) });
        return;
      }
      if (!context.instrumentKnown(contractId)) return;
      let quote = plainQuote(data);
      if (quote === null) {
        const parsed = parseEntity(quoteSchema, data);
        if (!parsed.ok) {
          context.logger.warn('quote not understood, dropped', {
            error: parsed.error,
            frame: shortJson(args),
          });
          return;
        }
        quote = parsed.value;
      }
      const stamped = quote.timestamp;
      if (stamped != null) {
        const seen = newest.get(contractId);
        if (seen !== undefined && stamped < seen) {
          context.logger.debug('quote older than the newest taken, dropped', { contractId });
          return;
        }
        newest.set(contractId, stamped);
      }
      const event = quoteEvent(contractId, quote, context.clock.now());
      if (event !== null) context.emit(event);
    });
  };
  return { handler, reset: () => newest.clear() };
}
