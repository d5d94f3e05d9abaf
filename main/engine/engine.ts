// The engine as a host runs it: the state to read, and `apply`, the one way to change it. The host hands its
// state over (restored from a snapshot and the journal, or new) and keeps no writable reference to it.
import type { EngineEvent } from '../../shared/domain/events';
import { apply } from './apply';
import type { Decision } from './decisions';
import type { ReadonlyEngineState } from './readonly';
import type { EngineState } from './state';

export type Engine = {
  readonly state: ReadonlyEngineState;
  /** Applies `event` (see `apply`); `onDecision` hears each decision as soon as it is made. */
  apply(event: EngineEvent, onDecision?: (decision: Decision) => void): Decision[];
};

/**
 * Takes `state` over for a host that has just started: whatever connection the state last saw belongs to an
 * earlier run, so the broker connection starts as being made.
 */
export function startEngine(state: EngineState): Engine {
  state.connection = { status: 'connecting', detail: null };
  return {
    state,
    apply: (event, onDecision) => apply(state, event, onDecision).decisions,
  };
}
