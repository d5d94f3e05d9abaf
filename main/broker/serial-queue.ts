// One task at a time, in the order asked (ProjectX, Tradovate): stream events and REST reconciles take turns on the book, so a snapshot
// and the events that arrive while it is read are applied in order. A task that throws is logged, not passed on.
import type { Logger } from '../platform/logger';
import { errorText } from './error-text';

export type SerialQueue = { run(task: () => Promise<void> | void): Promise<void> };

export function createSerialQueue(logger: Logger): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(task) {
      const next = tail.then(task).catch((error: unknown) => {
        logger.error('feed task failed', { error: errorText(error) });
      });
      tail = next;
      return next;
    },
  };
}
