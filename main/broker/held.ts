// Reconciling what the engine holds against what the broker lists now: a held order the broker no longer lists
// was cancelled (or filled, whose fill the snapshot carries) and a held position it no longer lists was closed,
// whether that happened in this run or while Warden was not running.
import type { OrderEvent, PositionEvent } from '../../shared/domain/events';
import { ZERO } from '../../shared/domain/money';
import type { Held } from './types';

export type Listed = {
  /** Whether the account is reconciled at all (an excluded account's picture is left alone). */
  guarded(account: string): boolean;
  hasOrder(account: string, id: string): boolean;
  hasPosition(account: string, symbol: string): boolean;
};

/** `cancelled` orders and `qty: 0` positions for what is held but not listed, in the order held. */
export function heldButGone(
  held: readonly Held[],
  listed: Listed,
  t: number,
): { orders: OrderEvent[]; positions: PositionEvent[] } {
  const orders: OrderEvent[] = [];
  const positions: PositionEvent[] = [];
  for (const { account, orders: heldOrders, positions: symbols } of held) {
    if (!listed.guarded(account)) continue;
    for (const order of heldOrders)
      if (!listed.hasOrder(account, order.id))
        orders.push({ type: 'order', t, account, ...order, status: 'cancelled' });
    for (const symbol of symbols)
      if (!listed.hasPosition(account, symbol))
        positions.push({ type: 'position', t, account, symbol, qty: 0, avgPrice: ZERO });
  }
  return { orders, positions };
}
