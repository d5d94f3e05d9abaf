// What Warden knows of an account outside its journal, for a period whose beginning the journal no longer fully
// holds: compaction drops rows past the retention period, so an instrument journaled when the broker connected, or
// the fill that opened a position still held when the period began, may be gone. The engine's state (the live
// one, or the latest snapshot's) keeps every instrument, the positions held and the latest round trips; the store
// keeps every round trip. Those rows are replayed first, in the journal's own shape.
import { encodeEngineEvent } from '../../shared/domain/event-codec';
import type { EngineEvent, FillEvent, InstrumentEvent } from '../../shared/domain/events';
import { Dec } from '../../shared/domain/money';
import type { Immutable, Instrument, ReadonlyEngineState } from '../engine';
import type { OpenTradeRow, RawEvent } from '../store';

/** A position held when the period began: how it was opened (side, contracts, average price, when, fees). */
export type Holding = {
  symbol: string;
  side: 'buy' | 'sell';
  qty: number;
  price: Dec;
  openedAt: number;
  fees: Dec;
};

export type Known = {
  instruments: ReadonlyMap<string, Immutable<Instrument>>;
  /** Per symbol, what the account held at `from`; null when nothing outside the journal knows the account. */
  heldAt(from: number): ReadonlyMap<string, Holding> | null;
};

/** The kept round trips of the account open at a moment (the store's, all of them; the engine keeps the latest). */
type OpenTrades = (account: string, at: number) => readonly OpenTradeRow[];
type Span = Pick<Holding, 'symbol' | 'qty' | 'openedAt'> & {
  side: 'long' | 'short';
  closedAt: number;
  entryPrice: Dec | string;
  fees: Dec | string;
};

/** What `state` (live or a snapshot's) and the kept round trips (`trades`) know of `account`. */
export function knownOf(
  state: Pick<ReadonlyEngineState, 'instruments' | 'accounts'>,
  account: string,
  openTrades: OpenTrades,
): Known {
  return {
    instruments: state.instruments,
    heldAt(from) {
      const mine = state.accounts.get(account);
      if (mine === undefined) return null;
      const held = new Map<string, Holding>();
      // A round trip open at `from`: opened before it, closed at or after it. Its opening fill, approximately:
      // its contracts at its entry price, with half its fees (the other half closed it).
      const spans: Span[] = [...openTrades(account, from), ...mine.closedTrades];
      for (const span of spans.filter((s) => s.openedAt < from && s.closedAt >= from))
        if (!held.has(span.symbol))
          held.set(span.symbol, {
            symbol: span.symbol,
            side: span.side === 'long' ? 'buy' : 'sell',
            qty: span.qty,
            price: new Dec(span.entryPrice),
            openedAt: span.openedAt,
            fees: new Dec(span.fees).dividedBy(2),
          });
      for (const position of mine.positions.values())
        if (position.openedAt < from && !held.has(position.symbol))
          held.set(position.symbol, {
            symbol: position.symbol,
            side: position.qty > 0 ? 'buy' : 'sell',
            qty: Math.abs(position.qty),
            price: position.avgPrice,
            openedAt: position.openedAt,
            fees: position.trade.fees,
          });
      return held;
    },
  };
}

/** Nothing known beyond the journal: its own rows are trusted. */
export const journalOnly: Known = { instruments: new Map(), heldAt: () => null };

const rowOf = (event: EngineEvent, account: string | null): RawEvent => ({
  seq: 0,
  t: event.t,
  account,
  body: JSON.stringify(encodeEngineEvent(event)),
});

/** An instrument as the event that defines it, at time `t`. */
export function instrumentRow(instrument: Immutable<Instrument>, t: number): RawEvent {
  const event: InstrumentEvent = {
    type: 'instrument',
    t,
    symbol: instrument.symbol,
    name: instrument.name,
    tickSize: instrument.tickSize,
    tickValue: instrument.tickValue,
    currency: instrument.currency,
    weight: instrument.weight,
    underlying: instrument.underlying,
    ...(instrument.marginPerContract === null ? {} : { marginPerContract: instrument.marginPerContract }),
    ...(instrument.baseCurrency === null ? {} : { baseCurrency: instrument.baseCurrency }),
    ...(instrument.quoteCurrency === null ? {} : { quoteCurrency: instrument.quoteCurrency }),
  };
  return rowOf(event, null);
}

/** The fill that opened a holding whose own fills the journal no longer has. */
export function openingRow(account: string, holding: Holding): RawEvent {
  const id = `held-${holding.symbol}-${holding.openedAt}`;
  const event: FillEvent = {
    type: 'fill',
    t: holding.openedAt,
    account,
    id,
    orderId: id,
    symbol: holding.symbol,
    side: holding.side,
    qty: holding.qty,
    price: holding.price,
    fees: holding.fees,
  };
  return rowOf(event, account);
}
