// The adapter's side toward the engine: events go out to the one listener (one that throws is logged, never
// thrown back into the feed), the newest fill seen is kept for the next trade read-back, and the engine's
// resume point is asked for what it holds at each reconcile.
import type { BrokerEvent, ConnectionStatus } from '../../../shared/domain/events';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Held, ResumePoint } from '../types';
import { errorText } from './rest-client';

export type Outlet = {
  open(listener: (event: BrokerEvent) => void, resume: () => ResumePoint): void;
  close(): void;
  isOpen(): boolean;
  send(event: BrokerEvent): void;
  connection(status: ConnectionStatus, detail?: string, asked?: true): void;
  /** The newest fill seen (or journaled by the engine), epoch ms. */
  lastTradeAt(): number | null;
  held(): readonly Held[];
};

export function createOutlet(clock: Clock, logger: Logger): Outlet {
  let listener: ((event: BrokerEvent) => void) | undefined;
  let resume: () => ResumePoint = () => ({ lastFillAt: null, held: [] });
  let lastTradeAt: number | null = null;

  const send = (event: BrokerEvent): void => {
    if (event.type === 'fill') lastTradeAt = Math.max(lastTradeAt ?? event.t, event.t);
    try {
      listener?.(event);
    } catch (error) {
      logger.error('event listener failed', { event: event.type, error: errorText(error) });
    }
  };
  return {
    open(next, resumePoint) {
      listener = next;
      resume = resumePoint;
      lastTradeAt = resumePoint().lastFillAt;
    },
    close() {
      listener = undefined;
    },
    isOpen: () => listener !== undefined,
    send,
    connection(status, detail, asked) {
      send({
        type: 'connection',
        t: clock.now(),
        status,
        ...(detail === undefined ? {} : { detail }),
        ...(asked === undefined ? {} : { asked }),
      });
    },
    lastTradeAt: () => lastTradeAt,
    held: () => resume().held,
  };
}
