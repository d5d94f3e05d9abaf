// An account's plan figures for the view (docs/RULES.md section 11), money as exact strings.
import type { ReadonlyAccountState, ReadonlyEngineState } from '../engine';
import type { PlanView } from '../../shared/ipc';

/** null while the account has no plan. */
export function planView(_state: ReadonlyEngineState, _account: ReadonlyAccountState): PlanView | null {
  return null;
}
