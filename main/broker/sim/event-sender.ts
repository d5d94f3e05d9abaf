// Hands the simulated broker's events to the app's listener while one is attached and the link to it is up. A
// listener that throws is logged at most once a minute, with how often it failed, so it cannot write log lines at
// the quote rate.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';

const LISTENER_ERROR_LOG_INTERVAL_MS = 60_000;

/** Hears every event the broker sends, and whether it got through to the app (soak runs and tests). */
export type EventTap = (event: BrokerEvent, delivered: boolean) => void;

export type EventSender = {
  attach(listener: (event: BrokerEvent) => void): void;
  detach(): void;
  /** True while a listener is attached (between the broker's start and stop). */
  readonly attached: boolean;
  /**
   * The link to the app up or down: while down, what is sent is lost on the way, as on a dropped connection (the
   * broker goes on; a reconnect's snapshot tells the app what it missed). Up again at each attach.
   */
  setLink(up: boolean): void;
  readonly linkUp: boolean;
  send(events: readonly BrokerEvent[]): void;
};

export function createEventSender(clock: Clock, logger: Logger, tap?: EventTap): EventSender {
  let listener: ((event: BrokerEvent) => void) | undefined;
  let linkUp = true;
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
      linkUp = true;
    },
    detach() {
      listener = undefined;
    },
    get attached() {
      return listener !== undefined;
    },
    setLink(up) {
      linkUp = up;
    },
    get linkUp() {
      return linkUp;
    },
    send(events) {
      for (const event of events) {
        const to = linkUp ? listener : undefined;
        tap?.(event, to !== undefined);
        try {
          to?.(event);
        } catch (error) {
          listenerFailed(event, error);
        }
      }
    },
  };
}
