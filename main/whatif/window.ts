// The period a what-if (or an export) covers and the journal rows it takes: the last `days` trading days of the
// config's session up to `now`, the account's own rows and the market-wide ones it needs, and a prelude of what it
// stood on when the period began (instruments, news calendar, its last balance report, positions it carried in).
// Read on the host's thread in short slices of the journal, each followed by a turn of the event loop.
import type { SessionConfig } from '../engine';
import { tradingDayOf } from '../engine';
import type { AccountEvents, AccountRows, RawEvent, RawFill } from '../store';

export type AccountWindow = {
  account: string;
  /** The label of the first trading day covered, and when it began. */
  firstDay: string;
  from: number;
  /** The journal's rows in it (null: none), and which of them the account takes. */
  range: { first: number; last: number } | null;
  rows: AccountRows;
  /** Rows from before `from` that the replay starts from, oldest first. */
  prelude: RawEvent[];
};

export type WindowRequest = {
  account: string;
  days: number;
  session: SessionConfig;
  /** The period ends with the trading day holding `now`; rows timed after `through` are left out. */
  now: number;
  through?: number;
};

/** How many journal seqs one slice reads: a few milliseconds of SQLite at most. */
export const SLICE_SEQS = 4096;

/** The start and label of the trading day `days − 1` days before the one holding `now`. */
export function firstDayOf(
  now: number,
  days: number,
  session: SessionConfig,
): { label: string; start: number } {
  let day = tradingDayOf(now, session);
  for (let back = 1; back < days; back += 1) day = tradingDayOf(day.start - 1, session);
  return day;
}

export function accountWindow(events: AccountEvents, request: WindowRequest): AccountWindow {
  const { account } = request;
  const first = firstDayOf(request.now, request.days, request.session);
  const through = request.through ?? null;
  const range = events.seqRange(first.start, through);
  const before = range?.first ?? Number.MAX_SAFE_INTEGER;
  const carried = carriedFills(events.fillsBefore(account, before));
  const carriedSymbols = [...new Set(carried.map((fill) => fill.symbol))];
  const lastQuotes = carriedSymbols.flatMap((symbol) => events.latestQuote(symbol, first.start) ?? []);
  const prelude = [
    ...events.latestInstruments(before),
    ...events.latestCalendarAndAccount(account, before),
    ...carried.map(({ seq, t, body }): RawEvent => ({ seq, t, account, body })),
    ...lastQuotes,
  ].sort((a, b) => a.seq - b.seq);
  const symbols = [...new Set([...events.symbols(account, first.start, through), ...carriedSymbols])].sort();
  return { account, firstDay: first.label, from: first.start, range, rows: { account, symbols }, prelude };
}

/**
 * The fills that built each position the account still held when the period began: per symbol, those since it
 * was last flat (a replay that starts flat would otherwise take the closing fill for a new position).
 */
export function carriedFills(fills: readonly RawFill[]): RawFill[] {
  const held = new Map<string, { qty: number; fills: RawFill[] }>();
  for (const fill of fills) {
    if (fill.voided) continue;
    const position = held.get(fill.symbol) ?? { qty: 0, fills: [] };
    position.qty += fill.side === 'buy' ? fill.qty : -fill.qty;
    if (position.qty === 0) position.fills = [];
    else position.fills.push(fill);
    held.set(fill.symbol, position);
  }
  return [...held.values()].flatMap((position) => position.fills).sort((a, b) => a.seq - b.seq);
}

const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** The window's rows, prelude first, a slice at a time; `going()` false stops it between slices. */
export async function* windowSlices(
  events: AccountEvents,
  window: AccountWindow,
  going: () => boolean = () => true,
  sliceSeqs = SLICE_SEQS,
): AsyncGenerator<RawEvent[]> {
  if (window.prelude.length > 0) yield window.prelude;
  const { range } = window;
  if (range === null) return;
  for (let after = range.first - 1; after < range.last && going(); after += sliceSeqs) {
    await nextTurn();
    if (!going()) return;
    const rows = events.slice(window.rows, after, Math.min(after + sliceSeqs, range.last));
    if (rows.length > 0) yield rows;
  }
}

/** How many rows `windowSlices` yields, counted a slice at a time (0 once `going()` turns false). */
export async function countWindow(
  events: AccountEvents,
  window: AccountWindow,
  going: () => boolean = () => true,
  sliceSeqs = SLICE_SEQS,
): Promise<number> {
  let total = window.prelude.length;
  const { range } = window;
  if (range === null) return total;
  for (let after = range.first - 1; after < range.last; after += sliceSeqs) {
    await nextTurn();
    if (!going()) return 0;
    total += events.count(window.rows, after, Math.min(after + sliceSeqs, range.last));
  }
  return total;
}
