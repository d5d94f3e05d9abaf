// A trade's initial risk (docs/RULES.md section 3): the first protective stop seen while its position is open fixes
// it, |avgPrice − stop| × qty × pointValue, so the closed trade can carry its R multiple.
import type { Dec } from '../../shared/domain/money';
import type { AccountState, EngineState } from './state';
import { pointValueOf } from './valuation';

/** After an event about `symbol`: notes the open trade's initial risk if a stop now protects it for the first time. */
export function noteInitialRisk(state: EngineState, account: AccountState, symbol: string): void {
  const position = account.positions.get(symbol);
  if (position === undefined || position.trade.initialRisk !== undefined) return;
  const protectiveSide = position.qty > 0 ? 'sell' : 'buy';
  // The first stop placed (as the positions view shows it): opposite side, stop type, with a price.
  let first: { placedAt: number; stopPrice: Dec } | null = null;
  for (const order of account.orders.values()) {
    if (order.symbol !== symbol || order.kind !== 'stop' || order.side !== protectiveSide) continue;
    if (order.stopPrice !== null && (first === null || order.placedAt < first.placedAt))
      first = { placedAt: order.placedAt, stopPrice: order.stopPrice };
  }
  if (first === null) return;
  position.trade.initialRisk = position.avgPrice
    .minus(first.stopPrice)
    .abs()
    .times(Math.abs(position.qty))
    .times(pointValueOf(state, symbol));
}
