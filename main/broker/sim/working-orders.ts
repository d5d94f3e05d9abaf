// The book's orders as the broker handles them: opening one, cancelling one, finding the brackets still
// working, and announcing an order as an event.
import type { OrderEvent } from '../../../shared/domain/events';
import { fileOrder, nextOrderId, type SimOrder, type SimState } from './state';

/** What a new order is made of; the book gives it its id, status and time. */
export type NewOrder = Omit<SimOrder, 'id' | 'status' | 'filledQty' | 'createdAt'>;

export function orderEvent(order: SimOrder, t: number): OrderEvent {
  return {
    type: 'order',
    t,
    account: order.account,
    id: order.id,
    symbol: order.symbol,
    side: order.side,
    kind: order.kind,
    qty: order.qty,
    status: order.status,
    filledQty: order.filledQty,
    ...(order.limitPrice === undefined ? {} : { limitPrice: order.limitPrice }),
    ...(order.stopPrice === undefined ? {} : { stopPrice: order.stopPrice }),
    ...(order.tag === undefined ? {} : { tag: order.tag }),
  };
}

/** Files a new working order in the book. */
export function openOrder(state: SimState, fields: NewOrder, createdAt: number): SimOrder {
  const order: SimOrder = { ...fields, id: nextOrderId(state), status: 'working', filledQty: 0, createdAt };
  fileOrder(state, order);
  return order;
}

export function cancelOrder(state: SimState, order: SimOrder, t: number): OrderEvent {
  order.status = 'cancelled';
  fileOrder(state, order);
  return orderEvent(order, t);
}

/** The bracket orders still working on one account's symbol. */
export function workingBrackets(state: SimState, account: string, symbol: string): SimOrder[] {
  return [...state.working.values()].filter(
    (o) => o.parentId !== undefined && o.account === account && o.symbol === symbol,
  );
}
