// Which orders at the broker are Warden's own: closing a position (a close, a liquidation) makes the broker create
// a market order, which arrives like any other. On a halted account that order would read as the trader's and be
// cancelled, racing its own fill. So while a close of an account's symbol is under way (from the moment it is sent
// until `windowMs` after), a working market order there is Warden's and is tagged so before it is journaled; so is
// any order whose id the close's answer named.
import { WARDEN_CLOSE_TAG, type EngineEvent } from '../../shared/domain/events';
import type { BrokerCommand, CommandResult } from '../broker/types';
import type { Clock } from '../platform/clock';

export type OwnOrders = {
  /** A command is about to be sent. */
  sending(command: BrokerCommand): void;
  /** What the broker answered to it. */
  answered(command: BrokerCommand, result: CommandResult): void;
  /** The event, tagged when it is one of Warden's closing orders. */
  tag<E extends EngineEvent>(event: E): E;
};

export function createOwnOrders(clock: Pick<Clock, 'now'>, windowMs = 10_000): OwnOrders {
  const closing = new Map<string, number>();
  const ids = new Set<string>();
  const key = (account: string, symbol: string) => `${account}\n${symbol}`;
  const mark = (command: BrokerCommand) => {
    if (command.type === 'closePosition')
      closing.set(key(command.account, command.symbol), clock.now() + windowMs);
  };
  return {
    sending: mark,
    answered(command, result) {
      if (command.type !== 'closePosition') return;
      mark(command);
      if (result.ok && result.orderId !== undefined) ids.add(result.orderId);
    },
    tag(event) {
      if (event.type !== 'order' || event.tag === WARDEN_CLOSE_TAG) return event;
      if (ids.has(event.id)) {
        if (event.status !== 'working') ids.delete(event.id); // its last word: nothing more will come
        return { ...event, tag: WARDEN_CLOSE_TAG };
      }
      const until = closing.get(key(event.account, event.symbol));
      if (until === undefined) return event;
      if (until < clock.now()) {
        closing.delete(key(event.account, event.symbol));
        return event;
      }
      if (event.kind !== 'market' || event.status !== 'working') return event;
      ids.add(event.id);
      return { ...event, tag: WARDEN_CLOSE_TAG };
    },
  };
}
