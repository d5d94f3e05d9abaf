// The period a what-if (or an export) covers and the journal rows it takes: the last `days` trading days of the
// config's session up to `now`, the account's own rows and the market-wide ones it needs, and a prelude of what it
// stood on when the period began (instruments, news calendar, its last balance report, positions it carried in).
// Read on the host's thread in short slices of the journal, each followed by a turn of the event loop.
import type { SessionConfig } from '../engine';
import { tradingDayOf } from '../engine';
import type { AccountEvents, AccountRows, RawEvent, RawFill } from '../store';
import { instrumentRow, journalOnly, openingRow, type Holding, type Known } from './known';

export type AccountWindow = {
  account: string;
  /** The label of the first trading day covered, and when it began. */
  firstDay: string;
  from: number;
  /** The journal's rows in it (null: none), and which of them the account takes. */
  range: { first: number; last: number } | null;
  rows: AccountRows;
  /** Rows from before `from` that the replay starts from, in time order. */
  prelude: RawEvent[];
};

export type WindowRequest = {
  account: string;
  days: number;
  session: SessionConfig;
  /** The period ends with the trading day holding `now`; rows timed after `through` are left out. */
  now: number;
  through?: number;
  /** What Warden knows beyond the journal (instruments, positions held when the period began). */
  known?: Known;
};

/** How many journal seqs one slice reads: about a millisecond of SQLite on a journal of quotes (measured). */
export const SLICE_SEQS = 512;

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

/**
 * The window's bounds and prelude. The symbols the account traded are read from the journal a slice at a time
 * (`going()` false stops that between slices); the rest are short indexed reads.
 */
export async function openWindow(
  events: AccountEvents,
  request: WindowRequest,
  going: () => boolean = () => true,
  sliceSeqs = SLICE_SEQS,
): Promise<AccountWindow> {
  const { account } = request;
  const known = request.known ?? journalOnly;
  const first = firstDayOf(request.now, request.days, request.session);
  const range = events.seqRange(first.start, request.through ?? null);
  const before = range?.first ?? Number.MAX_SAFE_INTEGER;
  const earlier = { seq: before, t: first.start };
  const carried = carriedRows(account, events.fillsBefore(account, earlier), known.heldAt(first.start));
  const carriedSymbols = [...new Set(carried.map((row) => symbolOf(row)))];
  const traded = new Set(carriedSymbols);
  for await (const [after, through] of sliceBounds(range, going, sliceSeqs))
    for (const symbol of events.symbolsIn(account, after, through)) traded.add(symbol);
  const symbols = [...traded].sort();
  const lastQuotes = carriedSymbols.flatMap((symbol) => events.latestQuote(symbol, first.start) ?? []);
  const instruments = events.latestInstruments(before);
  const journaled = [
    ...instruments,
    ...events.latestCalendarAndAccount(account, earlier),
    ...carried,
    ...lastQuotes,
  ].sort((a, b) => a.t - b.t || a.seq - b.seq);
  // Contracts whose definition is gone from the journal, defined first (before anything of the period).
  const defined = new Set(instruments.map(symbolOf));
  const at = Math.min(journaled[0]?.t ?? first.start, first.start);
  const restored = symbols.flatMap((symbol) => {
    const instrument = defined.has(symbol) ? undefined : known.instruments.get(symbol);
    return instrument === undefined ? [] : [instrumentRow(instrument, at)];
  });
  const prelude = [...restored, ...journaled];
  return { account, firstDay: first.label, from: first.start, range, rows: { account, symbols }, prelude };
}

const symbolOf = (row: RawEvent) => (JSON.parse(row.body) as { symbol: string }).symbol;
const signed = (fill: RawFill) => (fill.side === 'buy' ? fill.qty : -fill.qty);

/**
 * The rows that built each position the account held when the period began (a replay that starts flat would take
 * the closing fill for a new position). With `held` (known beyond the journal): per held symbol, the journal's
 * fills since it was opened when they add up to it, else its opening as one fill. Without: per symbol, the fills
 * since the journal last shows it flat.
 */
export function carriedRows(
  account: string,
  fills: readonly RawFill[],
  held: ReadonlyMap<string, Holding> | null,
): RawEvent[] {
  const live = fills.filter((fill) => !fill.voided);
  if (held === null) return sinceFlat(live);
  return [...held.values()].flatMap((holding) => {
    const own = live.filter((fill) => fill.symbol === holding.symbol && fill.t >= holding.openedAt);
    const qty = own.reduce((sum, fill) => sum + signed(fill), 0);
    return Math.sign(qty) === (holding.side === 'buy' ? 1 : -1) ? own : [openingRow(account, holding)];
  });
}

function sinceFlat(fills: readonly RawFill[]): RawFill[] {
  const held = new Map<string, { qty: number; fills: RawFill[] }>();
  for (const fill of fills) {
    const position = held.get(fill.symbol) ?? { qty: 0, fills: [] };
    position.qty += signed(fill);
    if (position.qty === 0) position.fills = [];
    else position.fills.push(fill);
    held.set(fill.symbol, position);
  }
  return [...held.values()].flatMap((position) => position.fills);
}

const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** The seq bounds (after, through] of each slice of `range`, each after a turn of the event loop. */
async function* sliceBounds(
  range: AccountWindow['range'],
  going: () => boolean,
  sliceSeqs: number,
): AsyncGenerator<[after: number, through: number]> {
  if (range === null) return;
  for (let after = range.first - 1; after < range.last; after += sliceSeqs) {
    await nextTurn();
    if (!going()) return;
    yield [after, Math.min(after + sliceSeqs, range.last)];
  }
}

/** The window's rows, prelude first, a slice at a time; `going()` false stops it between slices. */
export async function* windowSlices(
  events: AccountEvents,
  window: AccountWindow,
  going: () => boolean = () => true,
  sliceSeqs = SLICE_SEQS,
): AsyncGenerator<RawEvent[]> {
  if (window.prelude.length > 0) yield window.prelude;
  for await (const [after, through] of sliceBounds(window.range, going, sliceSeqs)) {
    const rows = events.slice(window.rows, after, through);
    if (rows.length > 0) yield rows;
  }
}

/** How many rows `windowSlices` yields, counted a slice at a time (stopped by `going()` false: then unknown). */
export async function countWindow(
  events: AccountEvents,
  window: AccountWindow,
  going: () => boolean = () => true,
  sliceSeqs = SLICE_SEQS,
): Promise<number> {
  let total = window.prelude.length;
  for await (const [after, through] of sliceBounds(window.range, going, sliceSeqs))
    total += events.count(window.rows, after, through);
  return total;
}
