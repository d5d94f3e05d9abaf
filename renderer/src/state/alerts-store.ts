// The alerts feed: alerts from state snapshots and from alert pushes, de-duplicated by id, newest first, capped.
import { createStore } from 'zustand/vanilla';
import type { AlertView } from '../../../shared/ipc';

export const MAX_ALERTS = 200;

export type AlertsState = { alerts: AlertView[]; add(alerts: readonly AlertView[]): void };

function newestFirst(a: AlertView, b: AlertView): number {
  if (a.t === b.t) return 0;
  return a.t < b.t ? 1 : -1;
}

export function createAlertsStore() {
  return createStore<AlertsState>()((set, get) => ({
    alerts: [],
    add(incoming) {
      const known = new Set(get().alerts.map((alert) => alert.id));
      const fresh = incoming.filter((alert) => !known.has(alert.id));
      if (fresh.length === 0) return;
      const merged = [...get().alerts, ...fresh].sort(newestFirst).slice(0, MAX_ALERTS);
      set({ alerts: merged });
    },
  }));
}

export type AlertsStore = ReturnType<typeof createAlertsStore>;
