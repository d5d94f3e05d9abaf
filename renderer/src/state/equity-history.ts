// An in-memory ring of equity points per account, fed by state pushes: what the live charts draw. One point per
// second of server time (a later push in the same second replaces it), at most MAX_POINTS per account.
// Seam for the store's history: `seed(account, points)` puts earlier points (e.g. from the History API) in front.
import type { AccountView, StateView } from '../../../shared/ipc';

export type EquityPoint = {
  /** Server time, whole seconds since the epoch (the charts' time axis). */
  time: number;
  equity: number;
  /** The equity at which the daily loss limit breaches (day start equity − amount), when that rule is on. */
  dailyLossFloor: number | null;
  trailingThreshold: number | null;
  /** The day's drawdown from its peak (≥ 0). */
  drawdown: number;
};

export const MAX_POINTS = 8 * 3600;

type Listener = (point: EquityPoint, replaced: boolean) => void;

export type EquityHistory = {
  points(account: string): readonly EquityPoint[];
  /** Records the view's accounts at its server time. */
  record(view: StateView): void;
  /** Earlier points (oldest first) from the store; kept before the live ones, trimmed to MAX_POINTS. */
  seed(account: string, points: readonly EquityPoint[]): void;
  /** Called per new (or replaced, same second) point; returns the unsubscribe. */
  subscribe(account: string, listener: Listener): () => void;
};

export function pointOf(account: AccountView, time: number): EquityPoint {
  const m = account.metrics;
  const equity = Number(m.equity);
  const daily = account.limits.find((limit) => limit.rule === 'dailyLoss');
  const dayStart = equity - Number(m.dailyNetPnl);
  return {
    time,
    equity,
    dailyLossFloor: daily === undefined ? null : dayStart - Number(daily.limit),
    trailingThreshold: m.trailingThreshold === null ? null : Number(m.trailingThreshold),
    drawdown: Number(m.dailyDrawdown),
  };
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
          if (points.length > maxPoints) points.splice(0, points.length - maxPoints);
        }
        for (const listener of listeners.get(account.id) ?? []) listener(point, replaced);
      }
    },
    seed(account, earlier) {
      const points = ring(account);
      const first = points[0]?.time ?? Number.POSITIVE_INFINITY;
      const before = earlier.filter((point) => point.time < first);
      points.unshift(...before);
      if (points.length > maxPoints) points.splice(0, points.length - maxPoints);
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
