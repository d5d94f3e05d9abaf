// One account's journaled events over a period, as they were written (the event codec's JSON), read in bounded
// slices of the journal so no read holds the thread for long: what the what-if replays and `warden export-events`
// prints. Read-only: nothing here changes the journal.
import type Database from 'better-sqlite3';

/** A journal row as written: `account` is null for market-wide events (instruments, quotes, clock ticks). */
export type RawEvent = { seq: number; t: number; account: string | null; body: string };

/** A fill of the account, its figures read out of the row (for what it held when a period began). */
export type RawFill = RawEvent & { symbol: string; side: string; qty: number; voided: boolean };

/** A kept round trip (the history's closed_trades row), as far as what it held matters. */
export type OpenTradeRow = {
  symbol: string;
  side: 'long' | 'short';
  qty: number;
  entryPrice: string;
  openedAt: number;
  closedAt: number;
  fees: string;
};

/** The journal rows an account's replay takes: its own, the market-wide ones, the quotes of its `symbols`. */
export type AccountRows = { account: string; symbols: readonly string[] };

export type AccountEvents = {
  /**
   * The seqs of the first row at or after time `from` and of the last row at or before `through` (the newest row
   * when null): null when the journal holds nothing in that time.
   */
  seqRange(from: number, through: number | null): { first: number; last: number } | null;
  /** The symbols the account filled, ordered or held in the rows with seq in (afterSeq, throughSeq]. */
  symbolsIn(account: string, afterSeq: number, throughSeq: number): string[];
  /** The account's kept round trips that were open at `at` (opened before it, closed at or after it). */
  tradesOpenAt(account: string, at: number): OpenTradeRow[];
  /** The newest row of each instrument before `beforeSeq`. */
  latestInstruments(beforeSeq: number): RawEvent[];
  /**
   * The newest news calendar, and the newest report of the account, of the rows before seq `before.seq` and time
   * `before.t` (each when there is one): the time bounds the index scan.
   */
  latestCalendarAndAccount(account: string, before: { seq: number; t: number }): RawEvent[];
  /** The newest quote of `symbol` before time `before`, if the journal still has one. */
  latestQuote(symbol: string, before: number): RawEvent | null;
  /** Every fill of the account of the rows before seq `before.seq` and time `before.t`, oldest first. */
  fillsBefore(account: string, before: { seq: number; t: number }): RawFill[];
  /** The rows `rows` takes with seq in (afterSeq, throughSeq], oldest first. */
  slice(rows: AccountRows, afterSeq: number, throughSeq: number): RawEvent[];
  /** How many rows `slice` would return. */
  count(rows: AccountRows, afterSeq: number, throughSeq: number): number;
};

const COLUMNS = 'seq, t, account, body';
/** Market-wide events every account's replay takes (configChange is not one: a replay runs its own config). */
const WANTED = `(account = @account
  OR (account IS NULL AND type IN ('instrument', 'clock', 'calendar', 'connection'))
  OR (type = 'quote' AND json_extract(body, '$.symbol') IN (SELECT value FROM json_each(@symbols))))`;
const IN_SLICE = 'seq > @after AND seq <= @through';

type SliceParams = { account: string; symbols: string; after: number; through: number };

export function createAccountEvents(db: Database.Database): AccountEvents {
  const first = db
    .prepare<[number], number>('SELECT seq FROM journal WHERE t >= ? ORDER BY t, seq LIMIT 1')
    .pluck();
  const lastThrough = db
    .prepare<[number], number>('SELECT seq FROM journal WHERE t <= ? ORDER BY t DESC, seq DESC LIMIT 1')
    .pluck();
  const newest = db.prepare<[], number | null>('SELECT max(seq) FROM journal').pluck();
  const symbols = db
    .prepare<[number, number, string], string | null>(
      `SELECT DISTINCT json_extract(body, '$.symbol') FROM journal
         WHERE seq > ? AND seq <= ? AND account = ? AND type IN ('fill', 'order', 'position')`,
    )
    .pluck();
  const openTrades = db.prepare<[string, number, number], OpenTradeRow>(
    `SELECT symbol, side, qty, entry_price AS entryPrice, opened_at AS openedAt, closed_at AS closedAt, fees
       FROM closed_trades WHERE account = ? AND closed_at >= ? AND opened_at < ? ORDER BY closed_at, id`,
  );
  const instruments = db.prepare<[number], RawEvent>(
    `SELECT ${COLUMNS} FROM journal WHERE seq IN (SELECT max(seq) FROM journal
       WHERE type = 'instrument' AND seq < ? GROUP BY json_extract(body, '$.symbol')) ORDER BY seq`,
  );
  // Newest first along the (type, t) index, from the period's start back: the first match ends the scan.
  const calendar = db.prepare<[number, number], RawEvent>(
    `SELECT ${COLUMNS} FROM journal WHERE type = 'calendar' AND t < ? AND seq < ? ORDER BY t DESC, seq DESC LIMIT 1`,
  );
  const report = db.prepare<[number, string, number], RawEvent>(
    `SELECT ${COLUMNS} FROM journal WHERE type = 'account' AND t < ? AND account = ? AND seq < ?
       ORDER BY t DESC, seq DESC LIMIT 1`,
  );
  const quote = db.prepare<[number, string], RawEvent>(
    `SELECT ${COLUMNS} FROM journal WHERE type = 'quote' AND t < ? AND json_extract(body, '$.symbol') = ?
       ORDER BY t DESC, seq DESC LIMIT 1`,
  );
  const fills = db.prepare<
    [string, number, number],
    RawEvent & { symbol: string; side: string; qty: number; voided: number | null }
  >(
    `SELECT ${COLUMNS}, json_extract(body, '$.symbol') AS symbol, json_extract(body, '$.side') AS side,
            CAST(json_extract(body, '$.qty') AS INTEGER) AS qty, json_extract(body, '$.voided') AS voided
       FROM journal WHERE type = 'fill' AND account = ? AND t < ? AND seq < ? ORDER BY seq`,
  );
  const slice = db.prepare<[SliceParams], RawEvent>(
    `SELECT ${COLUMNS} FROM journal WHERE ${IN_SLICE} AND ${WANTED} ORDER BY seq`,
  );
  const count = db
    .prepare<[SliceParams], number>(`SELECT count(*) FROM journal WHERE ${IN_SLICE} AND ${WANTED}`)
    .pluck();
  const params = (rows: AccountRows, after: number, through: number): SliceParams => ({
    account: rows.account,
    symbols: JSON.stringify(rows.symbols),
    after,
    through,
  });

  return {
    seqRange(from, through) {
      const start = first.get(from);
      const end = through === null ? newest.get() : lastThrough.get(through);
      if (start === undefined || end === undefined || end === null || end < start) return null;
      return { first: start, last: end };
    },
    symbolsIn: (account, after, through) =>
      symbols.all(after, through, account).filter((symbol): symbol is string => typeof symbol === 'string'),
    tradesOpenAt: (account, at) => openTrades.all(account, at, at),
    latestInstruments: (beforeSeq) => instruments.all(beforeSeq),
    latestCalendarAndAccount: (account, before) =>
      [calendar.get(before.t, before.seq), report.get(before.t, account, before.seq)]
        .filter((row) => row !== undefined)
        .sort((a, b) => a.seq - b.seq),
    latestQuote: (symbol, before) => quote.get(before, symbol) ?? null,
    fillsBefore: (account, before) =>
      fills.all(account, before.t, before.seq).map((row) => ({ ...row, voided: row.voided === 1 })),
    slice: (rows, after, through) => slice.all(params(rows, after, through)),
    count: (rows, after, through) => count.get(params(rows, after, through)) ?? 0,
  };
}
