// The latest StateView from the core, with the order guard (an older `seq` is ignored) and the offset between
// the core's clock and this machine's, so countdowns follow server time.
import { createStore } from 'zustand/vanilla';
import type { StateView } from '../../../shared/ipc';

export type ViewState = {
  view: StateView | null;
  /** Local time (ms) when the current view arrived. */
  receivedAt: number | null;
  /** serverTime − local time at arrival, in ms. */
  clockOffsetMs: number;
  /** After a reconnect the core may have restarted and counted seq from 1 again: take the next view as is. */
  acceptAnySeq: boolean;
  /** Applies a pushed or fetched view; false when it was older than the current one and ignored. */
  receive(view: StateView, receivedAt?: number): boolean;
  expectFreshStart(): void;
};

export function createViewStore() {
  return createStore<ViewState>()((set, get) => ({
    view: null,
    receivedAt: null,
    clockOffsetMs: 0,
    acceptAnySeq: true,
    receive(view, receivedAt = Date.now()) {
      const { view: current, acceptAnySeq } = get();
      if (!acceptAnySeq && current !== null && view.seq < current.seq) return false;
      const serverMs = Date.parse(view.serverTime);
      set({
        view,
        receivedAt,
        clockOffsetMs: Number.isFinite(serverMs) ? serverMs - receivedAt : 0,
        acceptAnySeq: false,
      });
      return true;
    },
    expectFreshStart() {
      set({ acceptAnySeq: true });
    },
  }));
}

export type ViewStore = ReturnType<typeof createViewStore>;
