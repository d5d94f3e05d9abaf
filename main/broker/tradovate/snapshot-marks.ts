// Without market data, the engine still needs a mark to value open positions: Tradovate's cash-balance snapshot
// gives each account's open P&L, and an account with one open position implies that contract's mark:
// mark = average price + open P&L / (net position × value per point). A contract's mark is sent only when every
// account that implies one agrees; an account with several open positions cannot be split and implies none.
import type { QuoteEvent } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';
import type { TradovateBook } from './book';

export type ImpliedMarks = { quotes: QuoteEvent[]; notes: string[] };

/** `openPnl` per account id, as the snapshots said it. */
export function impliedMarks(
  book: TradovateBook,
  openPnl: ReadonlyMap<string, Dec>,
  t: number,
): ImpliedMarks {
  const marks = new Map<string, { symbol: string; marks: Dec[] }>();
  const notes: string[] = [];
  for (const [accountId, pnl] of openPnl) {
    const open = [...book.positions.values()].filter((p) => p.accountId === accountId && p.netPos !== 0);
    const [position] = open;
    if (position === undefined) continue;
    if (open.length > 1) {
      notes.push(`account ${accountId}: ${open.length} open positions, no mark implied from its open P&L`);
      continue;
    }
    const lookup = book.productOf(position.contractId);
    if (!lookup.found || position.netPrice == null) continue;
    const mark = position.netPrice.plus(pnl.dividedBy(lookup.product.valuePerPoint.times(position.netPos)));
    const entry = marks.get(position.contractId) ?? { symbol: lookup.contract.name, marks: [] };
    entry.marks.push(mark);
    marks.set(position.contractId, entry);
  }
  const quotes: QuoteEvent[] = [];
  for (const { symbol, marks: implied } of marks.values()) {
    const [first] = implied;
    if (first === undefined) continue;
    if (implied.some((m) => !m.equals(first))) {
      notes.push(`${symbol}: accounts imply different marks (${implied.join(', ')}): none sent`);
      continue;
    }
    quotes.push({ type: 'quote', t, symbol, last: first });
  }
  return { quotes, notes };
}
