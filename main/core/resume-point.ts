// Where the engine's picture ends, asked by the adapter at every (re)connect: what it must confirm or report gone.
import type { ResumePoint } from '../broker/types';
import type { ReadonlyEngineState } from '../engine';
import type { Store } from '../store';

/** `fillsFrom`: when a day began while Warden was not running, the broker's fills are needed from its stop on. */
export function resumePointOf(
  state: ReadonlyEngineState,
  store: Pick<Store, 'journal'>,
  fillsFrom: number | null,
): ResumePoint {
  return {
    lastFillAt: store.journal.lastFillTime() ?? fillsFrom,
    accountsLastFillAt: Object.fromEntries(
      [...state.accounts.values()].map((account) => [account.id, account.lastFillAt]),
    ),
    held: [...state.accounts.values()].map((account) => ({
      account: account.id,
      orders: [...account.orders.values()].map(({ id, symbol, side, kind, qty }) => ({
        id,
        symbol,
        side,
        kind,
        qty,
      })),
      positions: [...account.positions.values()].filter((p) => p.qty !== 0).map((p) => p.symbol),
    })),
  };
}
