// The news blackout windows ahead and in force (docs/RULES.md section 12), for the view's `news`.
import type { ReadonlyEngineState } from '../engine';
import type { NewsWindowView } from '../../shared/ipc';

/** Soonest first; windows already over are left out. */
export function newsView(_state: ReadonlyEngineState, _now: number): NewsWindowView[] {
  return [];
}
