// Protective brackets: placed when their entry fills, one-cancels-other between siblings, never larger than
// the position they protect, and cancelled once they would no longer reduce it.
import type { BrokerEvent } from '../../../shared/domain/events';
import { positionQty, type SimOrder, type SimState } from './state';
import { cancelOrder, openOrder, orderEvent, workingBrackets } from './working-orders';

/** One-cancels-other: a filled bracket cancels the brackets of the same entry. */
export function cancelSiblings(state: SimState, filled: SimOrder, t: number): BrokerEvent[] {
  if (filled.parentId === undefined) return [];
  return workingBrackets(state, filled.account, filled.symbol)
    .filter((o) => o.parentId === filled.parentId)
    .map((sibling) => cancelOrder(state, sibling, t));
}

/** Brackets only ever reduce: cancel those that no longer would, shrink those larger than the position. */
export function tidyBrackets(state: SimState, account: string, symbol: string, t: number): BrokerEvent[] {
  const held = positionQty(state, account, symbol);
  const events: BrokerEvent[] = [];
  for (const child of workingBrackets(state, account, symbol)) {
    const reduces = held !== 0 && (child.side === 'sell') === held > 0;
    if (!reduces) events.push(cancelOrder(state, child, t));
    else if (child.qty > Math.abs(held)) {
      child.qty = Math.abs(held);
      events.push(orderEvent(child, t));
    }
  }
  return events;
}

/** The stop loss and take profit a filled entry asked for, when it opened or added to a position. */
export function placeBracket(state: SimState, entry: SimOrder, t: number): BrokerEvent[] {
  const held = positionQty(state, entry.account, entry.symbol);
  const sameWay = held !== 0 && (entry.side === 'buy') === held > 0;
  if (!sameWay || (entry.stopLossPrice === undefined && entry.takeProfitPrice === undefined)) return [];
  const base = {
    account: entry.account,
    symbol: entry.symbol,
    side: entry.side === 'buy' ? ('sell' as const) : ('buy' as const),
    qty: Math.min(entry.filledQty, Math.abs(held)),
    parentId: entry.id,
  };
  const children: SimOrder[] = [];
  if (entry.stopLossPrice !== undefined)
    children.push(
      openOrder(state, { ...base, kind: 'stop', stopPrice: entry.stopLossPrice, tag: 'stop-loss' }, t),
    );
  if (entry.takeProfitPrice !== undefined)
    children.push(
      openOrder(state, { ...base, kind: 'limit', limitPrice: entry.takeProfitPrice, tag: 'take-profit' }, t),
    );
  return children.map((child) => orderEvent(child, t));
}
