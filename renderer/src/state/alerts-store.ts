// The alerts feed, newest first and capped: the host's recent alerts when the page connects (or reconnects),
// then each new one as it comes. `arrived` is what the latest new ones were (none after a snapshot): the
// alert signals sound for those alone.
import { createStore } from 'zustand/vanilla';
import type { AlertView } from '../../../shared/ipc';

export const MAX_ALERTS = 200;

export type AlertsState = {
  alerts: AlertView[];
  /** The alerts the latest `add` brought; empty after a snapshot. */
  arrived: readonly AlertView[];
  /** The host's recent alerts, on (re)connecting: they replace the list. */
  receiveSnapshot(alerts: readonly AlertView[]): void;
  /** New alerts, as they happen. */
  add(alerts: readonly AlertView[]): void;
};

const NONE: readonly AlertView[] = [];

function newestFirst(a: AlertView, b: AlertView): number {
  if (a.t === b.t) return 0;
  return a.t < b.t ? 1 : -1;
}

const capped = (alerts: readonly AlertView[]) => [...alerts].sort(newestFirst).slice(0, MAX_ALERTS);

export function createAlertsStore() {
  return createStore<AlertsState>()((set, get) => ({
    alerts: [],
    arrived: NONE,
    receiveSnapshot(alerts) {
      set({ alerts: capped(alerts), arrived: NONE });
    },
    add(incoming) {
      if (incoming.length === 0) return;
      set({ alerts: capped([...incoming, ...get().alerts]), arrived: incoming });
    },
  }));
}

export type AlertsStore = ReturnType<typeof createAlertsStore>;
