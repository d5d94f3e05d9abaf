// The one question the desktop host asks of the core (is anything exposed?), answered from the engine's state
// without building the view: it is asked on every state push, up to 20 a second.
import type { ReadonlyEngineState } from '../engine';
import type { GuardedAccounts } from './guarded-accounts';
import type { ExposedAccount } from './types';

/**
 * The guarded accounts holding an open position (net quantity not zero) or a working order, in the view's
 * account order; empty when nothing is exposed.
 */
export function exposedAccounts(
  state: ReadonlyEngineState,
  guarded: Pick<GuardedAccounts, 'isGuarded'>,
): ExposedAccount[] {
  const exposed: ExposedAccount[] = [];
  for (const account of state.accounts.values()) {
    if (account.positions.size === 0 && account.orders.size === 0) continue;
    if (!guarded.isGuarded(account.id)) continue;
    let openPositions = 0;
    for (const position of account.positions.values()) if (position.qty !== 0) openPositions += 1;
    let workingOrders = 0;
    for (const order of account.orders.values()) if (order.status === 'working') workingOrders += 1;
    if (openPositions > 0 || workingOrders > 0)
      exposed.push({ id: account.id, name: account.name, openPositions, workingOrders });
  }
  return exposed;
}
