// An in-memory ring of equity points per account, fed by state pushes and seeded from the store's samples: what
// the live charts draw. One point per second of server time (a later push in the same second replaces it), at
// most MAX_POINTS per account. Money stays exact decimal text here; the charts turn it into numbers to draw.
import type { AccountView, StateView } from '../../../shared/ipc';

export type EquityPoint = {
  /** Server time, whole seconds since the epoch (the charts' time axis). */
  time: number;
  equity: string;
  /** The equity at which the daily loss limit breaches, as the core sent it (null when that rule is off). */
  dailyLossFloor: string | null;
  trailingThreshold: string | null;
  /** The day's drawdown from its peak (≥ 0). */
  drawdown: string;
};

export const MAX_POINTS = 8 * 3600;

type Listener = (point: EquityPoint, replaced: boolean) => void;

export type EquityHistory = {
  points(account: string): readonly EquityPoint[];
  /** Records the view's accounts at its server time. */
  record(view: StateView): void;
  /**
   * Points from the store (oldest first) merged in time order with the live ones, a live point winning its
   * second; trimmed to MAX_POINTS. Listeners are not called: whoever seeds redraws from `points`.
   */
  seed(account: string, points: readonly EquityPoint[]): void;
  /** Called per new (or replaced, same second) point; returns the unsubscribe. */
  subscribe(account: string, listener: Listener): () => void;
};

export function pointOf(account: AccountView, time: number): EquityPoint {
  const m = account.metrics;
  return {
    time,
    equity: m.equity,
    dailyLossFloor: account.dailyLossFloor,
    trailingThreshold: m.trailingThreshold,
    drawdown: m.dailyDrawdown,
  };
}

/** Both lists oldest first, each with at most one point a second; on the same second `live` wins. */
export function mergeByTime(stored: readonly EquityPoint[], live: readonly EquityPoint[]): EquityPoint[] {
  const merged: EquityPoint[] = [];
  let s = 0;
  let l = 0;
  while (s < stored.length || l < live.length) {
    const a = stored[s];
    const b = live[l];
    if (b === undefined || (a !== undefined && a.time < b.time)) {
      if (a !== undefined && merged.at(-1)?.time !== a.time) merged.push(a);
      s += 1;
    } else {
      if (a?.time === b.time) s += 1;
      merged.push(b);
      l += 1;
    }
  }
  return merged;
}

export function createEquityHistory(maxPoints = MAX_POINTS): EquityHistory {
  const rings = new Map<string, EquityPoint[]>();
  const listeners = new Map<string, Set<Listener>>();
  const ring = (account: string): EquityPoint[] => {
    let points = rings.get(account);
    if (points === undefined) {
      points = [];
      rings.set(account, points);
    }
    return points;
  };
  const trim = (points: EquityPoint[]) => {
    if (points.length > maxPoints) points.splice(0, points.length - maxPoints);
  };
  return {
    points: (account) => rings.get(account) ?? [],
    record(view) {
      const time = Math.floor(Date.parse(view.serverTime) / 1000);
      if (!Number.isFinite(time)) return;
      for (const account of view.accounts) {
        const points = ring(account.id);
        const last = points.at(-1);
        if (last !== undefined && time < last.time) continue;
        const point = pointOf(account, time);
        const replaced = last?.time === time;
        if (replaced) points[points.length - 1] = point;
        else {
          points.push(point);
          trim(points);
        }
        for (const listener of listeners.get(account.id) ?? []) listener(point, replaced);
      }
    },
    seed(account, stored) {
      const merged = mergeByTime(stored, ring(account));
      trim(merged);
      rings.set(account, merged);
    },
    subscribe(account, listener) {
      let set = listeners.get(account);
      if (set === undefined) {
        set = new Set();
        listeners.set(account, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
