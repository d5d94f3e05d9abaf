// The market hub's events (docs/brokers/PROJECTX.md section 4): quotes of the contracts whose instrument was emitted become
// quote events; depth and market trades are not used.
import { quoteEvent } from './book';
import type { FeedContext } from './feed';
import { isObject, parseEntity, quoteSchema, shortJson } from './parse';

export function quoteUpdate(context: FeedContext): (args: unknown[]) => void {
  return (args) => {
    const [contractId, data] = args;
    void context.queue.run(() => {
      if (typeof contractId !== 'string' || !isObject(data)) {
        context.logger.warn('quote not understood, dropped', { frame: shortJson(args) });
        return;
      }
      if (!context.instrumentKnown(contractId)) return;
      const parsed = parseEntity(quoteSchema, data);
      if (!parsed.ok) {
        context.logger.warn('quote not understood, dropped', { error: parsed.error, frame: shortJson(args) });
        return;
      }
      const event = quoteEvent(contractId, parsed.value, context.clock.now());
      if (event !== null) context.emit(event);
    });
  };
}
