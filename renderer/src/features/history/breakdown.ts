// P&L of closed trades broken down by symbol, by strategy tag and by hour of day, summed exactly (decimal).
import { dec } from '../../../../shared/domain/money';
import type { Dec } from '../../../../shared/domain/money';
import type { TradeView } from '../../../../shared/ipc';

export type BreakdownRow = {
  key: string;
  trades: number;
  wins: number;
  losses: number;
  /** Exact sum of the trades' net P&L, 2 places ("-12.50"). */
  netPnl: string;
};

export type Breakdown = { bySymbol: BreakdownRow[]; byTag: BreakdownRow[]; byHour: BreakdownRow[] };

/** The label of trades that carry no tag. */
export const UNTAGGED = '(untagged)';

type Acc = { trades: number; wins: number; losses: number; net: Dec };

function group(trades: readonly TradeView[], keyOf: (trade: TradeView) => string): Map<string, Acc> {
  const groups = new Map<string, Acc>();
  for (const trade of trades) {
    const key = keyOf(trade);
    const acc = groups.get(key) ?? { trades: 0, wins: 0, losses: 0, net: dec(0) };
    const pnl = dec(trade.netPnl);
    acc.trades += 1;
    if (pnl.isPositive() && !pnl.isZero()) acc.wins += 1;
    else if (pnl.isNegative() && !pnl.isZero()) acc.losses += 1;
    acc.net = acc.net.add(pnl);
    groups.set(key, acc);
  }
  return groups;
}

function rows(groups: Map<string, Acc>): BreakdownRow[] {
  return [...groups.entries()].map(([key, acc]) => ({
    key,
    trades: acc.trades,
    wins: acc.wins,
    losses: acc.losses,
    netPnl: acc.net.toFixed(2),
  }));
}

const byKey = (a: BreakdownRow, b: BreakdownRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The hour (00–23) a trade closed, in the given time zone offset from UTC in minutes (local by default). */
export function hourOf(iso: string, utcOffsetMinutes?: number): string {
  const date = new Date(iso);
  const offset = utcOffsetMinutes ?? -date.getTimezoneOffset();
  const hour = new Date(date.getTime() + offset * 60_000).getUTCHours();
  return String(hour).padStart(2, '0');
}

/**
 * Symbol and tag rows sorted by net P&L, best first (ties by name); hour rows in clock order. Trades are
 * attributed to the hour they closed in (`utcOffsetMinutes` east of UTC; the screen's local zone by default).
 */
export function breakdown(trades: readonly TradeView[], utcOffsetMinutes?: number): Breakdown {
  const byPnl = (a: BreakdownRow, b: BreakdownRow) => {
    const diff = dec(b.netPnl).comparedTo(dec(a.netPnl));
    return diff !== 0 ? diff : byKey(a, b);
  };
  return {
    bySymbol: rows(group(trades, (t) => t.symbol)).sort(byPnl),
    byTag: rows(group(trades, (t) => (t.tag === null || t.tag === '' ? UNTAGGED : t.tag))).sort(byPnl),
    byHour: rows(group(trades, (t) => hourOf(t.closedAt, utcOffsetMinutes))).sort(byKey),
  };
}
