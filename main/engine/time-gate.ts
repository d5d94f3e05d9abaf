// The next moment at which time alone changes something: a day or week roll, or a timed lock's end. Quotes
// before it need not visit every account for rolls and expiries (the quote path stays O(holders)). Anything
// that can move it (a non-quote event, an exact evaluation that may lock) marks it stale.
import type { EngineState } from './state';

const gates = new WeakMap<EngineState, number>();

export function timeGate(state: EngineState): number {
  let at = gates.get(state);
  if (at === undefined) {
    at = Number.POSITIVE_INFINITY;
    for (const account of state.accounts.values()) {
      at = Math.min(at, account.day.end, account.week.end);
      for (const lock of account.locks) if (typeof lock.until === 'number') at = Math.min(at, lock.until);
    }
    gates.set(state, at);
  }
  return at;
}

export function timeGateStale(state: EngineState): void {
  gates.delete(state);
}
