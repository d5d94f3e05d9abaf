// Hands the simulated broker's events to the app's listener while one is attached. A listener that throws is
// logged at most once a minute, with how often it failed, so it cannot write log lines at the quote rate.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';

const LISTENER_ERROR_LOG_INTERVAL_MS = 60_000;

export type EventSender = {
  attach(listener: (event: BrokerEvent) => void): void;
  detach(): void;
  /** True while a listener is attached (between the broker's start and stop). */
  readonly attached: boolean;
  send(events: readonly BrokerEvent[]): void;
};

export function createEventSender(clock: Clock, logger: Logger): EventSender {
  let listener: ((event: BrokerEvent) => void) | undefined;
  let errorLoggedAt = -Infinity;
  let errorsUnlogged = 0;

  const listenerFailed = (event: BrokerEvent, error: unknown): void => {
    errorsUnlogged++;
    if (clock.now() - errorLoggedAt < LISTENER_ERROR_LOG_INTERVAL_MS) return;
    logger.error('event listener failed', { event: event.type, error: String(error), times: errorsUnlogged });
    errorLoggedAt = clock.now();
    errorsUnlogged = 0;
  };

  return {
    attach(next) {
      listener = next;
    },
    detach() {
      listener = undefined;
    },
    get attached() {
      return listener !== undefined;
    },
    send(events) {
      for (const event of events) {
        try {
          listener?.(event);
        } catch (error) {
          listenerFailed(event, error);
        }
      }
    },
  };
}
