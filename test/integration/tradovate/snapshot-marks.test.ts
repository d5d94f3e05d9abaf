// The mark an account's open P&L implies when there is no market data (no sockets here: the book is filled by
// hand): mark = average price + open P&L / (net position × value per point), sent only when it is unambiguous.
import { describe, expect, it } from 'vitest';
import { createTradovateBook } from '../../../main/broker/tradovate/book';
import {
  parseEntity,
  type EntityType,
  type TvEntity,
} from '../../../main/broker/tradovate/parse/entity-kinds';
import { impliedMarks } from '../../../main/broker/tradovate/snapshot-marks';
import { dec } from '../../../shared/domain/money';

const T = Date.parse('2026-03-19T14:00:00.000Z');

function bookWith(
  positions: { id: number; accountId: number; contractId: number; netPos: number; netPrice: number }[],
) {
  const book = createTradovateBook();
  const put = (type: EntityType, raw: object) => {
    const parsed = parseEntity(type, raw);
    if (!parsed.ok) throw new Error(parsed.error.message);
    book.put({ type, value: parsed.value } as TvEntity);
  };
  put('product', { id: 1, name: 'MNQ', valuePerPoint: 2, tickSize: 0.25 });
  put('product', { id: 2, name: 'ES', valuePerPoint: 50, tickSize: 0.25 });
  put('contract', { id: 10, name: 'MNQZ6', productId: 1 });
  put('contract', { id: 20, name: 'ESZ6', productId: 2 });
  for (const p of positions) put('position', p);
  return book;
}

const pnl = (entries: [number, string][]) => new Map(entries.map(([id, v]) => [String(id), dec(v)]));

describe('impliedMarks', () => {
  type Row = {
    name: string;
    position: { id: number; accountId: number; contractId: number; netPos: number; netPrice: number };
    openPnl: string;
    symbol: string;
    mark: string;
  };
  it.each<Row>([
    // long 2 MNQ at 21450, +42 open: (21460.5 − 21450) × 2 × $2
    {
      name: 'a long',
      position: { id: 1, accountId: 7, contractId: 10, netPos: 2, netPrice: 21450 },
      openPnl: '42',
      symbol: 'MNQZ6',
      mark: '21460.5',
    },
    // short 3 ES at 5975, −75 open: the market rose 0.5 (0.5 × −3 × $50)
    {
      name: 'a short',
      position: { id: 1, accountId: 7, contractId: 20, netPos: -3, netPrice: 5975 },
      openPnl: '-75',
      symbol: 'ESZ6',
      mark: '5975.5',
    },
  ])('$name: one position gives its contract’s mark', ({ position, openPnl, symbol, mark }) => {
    const { quotes, notes } = impliedMarks(bookWith([position]), pnl([[7, openPnl]]), T);
    expect(quotes.map((q) => [q.symbol, q.last?.toString()])).toEqual([[symbol, mark]]);
    expect(notes).toEqual([]);
  });

  it('sends one mark when two accounts agree, none when they disagree', () => {
    const positions = [
      { id: 1, accountId: 7, contractId: 10, netPos: 2, netPrice: 21450 },
      { id: 2, accountId: 8, contractId: 10, netPos: 1, netPrice: 21440 },
    ];
    const agree = impliedMarks(
      bookWith(positions),
      pnl([
        [7, '20'],
        [8, '30'],
      ]),
      T,
    );
    expect(agree.quotes.map((q) => q.last?.toString())).toEqual(['21455']);
    const disagree = impliedMarks(
      bookWith(positions),
      pnl([
        [7, '20'],
        [8, '32'],
      ]),
      T,
    );
    expect(disagree.quotes).toEqual([]);
    expect(disagree.notes).toEqual(['MNQZ6: accounts imply different marks (21455, 21456): none sent']);
  });

  it('implies nothing from an account with two open positions', () => {
    const book = bookWith([
      { id: 1, accountId: 7, contractId: 10, netPos: 2, netPrice: 21450 },
      { id: 2, accountId: 7, contractId: 20, netPos: 1, netPrice: 5975 },
    ]);
    const { quotes, notes } = impliedMarks(book, pnl([[7, '100']]), T);
    expect(quotes).toEqual([]);
    expect(notes).toEqual(['account 7: 2 open positions, no mark implied from its open P&L']);
  });
});
