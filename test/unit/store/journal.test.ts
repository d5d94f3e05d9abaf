// The journal keeps engine events exactly (decimals to the digit), in order, and survives rows it cannot decode.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EngineEvent, FillEvent } from '../../../shared/domain/events';
import { dec, moneyString } from '../../../shared/domain/money';
import { useStores } from './temp-store';

const openTemp = useStores();

function fill(overrides: Partial<FillEvent> = {}): FillEvent {
  return {
    type: 'fill',
    t: 1_700_000_000_000,
    account: 'ACC-1',
    id: 'F1',
    orderId: 'O1',
    symbol: 'MNQ',
    side: 'sell',
    qty: 2,
    price: dec('21000.25'),
    fees: dec('1.48'),
    realizedPnl: dec('-201.00'),
    ...overrides,
  };
}

const everyKind: EngineEvent[] = [
  {
    type: 'instrument',
    t: 1,
    symbol: 'MNQ',
    tickSize: dec('0.25'),
    tickValue: dec('0.50'),
    currency: 'USD',
    name: 'Micro Nasdaq',
    marginPerContract: dec('2100'),
  },
  { type: 'account', t: 2, account: 'ACC-1', balance: dec('50000.00'), canTrade: true, usedMargin: dec('0') },
  { type: 'quote', t: 3, symbol: 'MNQ', bid: dec('21000.00'), ask: dec('21000.25') },
  fill({ t: 4 }),
  {
    type: 'order',
    t: 5,
    account: 'ACC-1',
    id: 'O2',
    symbol: 'MNQ',
    side: 'buy',
    kind: 'stop',
    qty: 2,
    status: 'working',
    stopPrice: dec('21050.75'),
  },
  { type: 'position', t: 6, account: 'ACC-1', symbol: 'MNQ', qty: -2, avgPrice: dec('21000.25') },
  { type: 'connection', t: 7, status: 'reconnecting', detail: 'socket closed' },
  { type: 'clock', t: 8 },
];

describe('journal', () => {
  it('reads a fill back with its decimals exact, as Dec and as strings', () => {
    const { store } = openTemp();
    const seq = store.journal.append(fill());
    const [entry] = store.journal.readAfter(0);
    expect(entry?.seq).toBe(seq);
    const back = entry?.event;
    if (back?.type !== 'fill') throw new Error(`expected a fill, got ${JSON.stringify(back)}`);
    expect(back.price.equals(dec('21000.25'))).toBe(true);
    expect(back.fees.equals(dec('1.48'))).toBe(true);
    expect(back.realizedPnl?.equals(dec('-201.00'))).toBe(true);
    expect(moneyString(back.price)).toBe('21000.25');
    expect(moneyString(back.fees)).toBe('1.48');
    expect(back.realizedPnl?.toFixed(2)).toBe('-201.00');
    expect(back).toEqual(fill());
  });

  it('stores decimals as exact strings in the row body, never as floats', () => {
    const { store, file } = openTemp();
    store.journal.append(fill({ price: dec('0.1'), fees: dec('0.2') }));
    const raw = new Database(file, { readonly: true });
    const row = raw.prepare('SELECT type, account, t, body FROM journal').get();
    raw.close();
    expect(row).toEqual({
      type: 'fill',
      account: 'ACC-1',
      t: 1_700_000_000_000,
      body: expect.stringContaining('"price":"0.1","fees":"0.2"') as unknown,
    });
  });

  it('round-trips every kind of event', () => {
    const { store } = openTemp();
    for (const event of everyKind) store.journal.append(event);
    expect(store.journal.readAfter(0).map((entry) => entry.event)).toEqual(everyKind);
  });

  it('reads after a seq, oldest first, and honours a limit', () => {
    const { store } = openTemp();
    const seqs = everyKind.map((event) => store.journal.append(event));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.journal.readAfter(5).map((entry) => entry.seq)).toEqual([6, 7, 8]);
    expect(store.journal.readAfter(5).map((entry) => entry.event)).toEqual(everyKind.slice(5));
    expect(store.journal.readAfter(2, 3).map((entry) => entry.seq)).toEqual([3, 4, 5]);
    expect(store.journal.readAfter(8)).toEqual([]);
  });

  it('knows its last seq and size, both 0 when empty', () => {
    const { store } = openTemp();
    expect(store.journal.lastSeq()).toBe(0);
    expect(store.journal.count()).toBe(0);
    store.journal.append({ type: 'clock', t: 1 });
    store.journal.append({ type: 'clock', t: 2 });
    expect(store.journal.lastSeq()).toBe(2);
    expect(store.journal.count()).toBe(2);
  });

  it('reports the time of the newest fill, ignoring other events, null when there is none', () => {
    const { store } = openTemp();
    expect(store.journal.lastFillTime()).toBeNull();
    store.journal.append({ type: 'clock', t: 9_000 });
    expect(store.journal.lastFillTime()).toBeNull();
    store.journal.appendMany([
      fill({ id: 'a', t: 1_000 }),
      fill({ id: 'b', t: 3_000 }),
      fill({ id: 'c', t: 2_000 }),
    ]);
    expect(store.journal.lastFillTime()).toBe(3_000);
  });

  it('appends many in one transaction: all or none', () => {
    const { store } = openTemp();
    expect(store.journal.appendMany([])).toBe(0);
    expect(store.journal.appendMany([fill({ id: 'a' }), fill({ id: 'b' })])).toBe(2);
    expect(() => store.journal.appendMany([fill({ id: 'c' }), fill({ id: 'd', qty: 0 })])).toThrow(
      /cannot journal fill event: qty/,
    );
    expect(store.journal.count()).toBe(2);
    expect(store.journal.appendMany([])).toBe(2);
  });

  it('refuses an event that would not read back, and writes nothing', () => {
    const { store } = openTemp();
    expect(() => store.journal.append(fill({ symbol: '' }))).toThrow(/cannot journal fill event: symbol/);
    expect(() => store.journal.append({ type: 'clock', t: 1.5 })).toThrow(/cannot journal clock event: t/);
    expect(store.journal.count()).toBe(0);
  });

  it('skips and logs a row that does not decode, with its seq and content', () => {
    const { store, file, logger } = openTemp();
    store.journal.append(fill({ id: 'good-1' }));
    const raw = new Database(file);
    const insert = raw.prepare("INSERT INTO journal (t, type, account, body) VALUES (1, 'fill', NULL, ?)");
    insert.run('{not json');
    insert.run(JSON.stringify({ type: 'fill', t: 1, price: 'abc' }));
    raw.close();
    store.journal.append(fill({ id: 'good-2' }));

    const read = store.journal.readAfter(0);
    expect(read.map((entry) => entry.seq)).toEqual([1, 4]);
    const errors = logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]?.context).toMatchObject({ seq: 2, body: '{not json' });
    expect(errors[0]?.context?.['error']).toMatch(/^not JSON/);
    expect(errors[1]?.context).toMatchObject({
      seq: 3,
      body: JSON.stringify({ type: 'fill', t: 1, price: 'abc' }),
    });
    expect(errors[1]?.context?.['error']).toContain('price: not a decimal number');
  });

  it('reads past undecodable rows to fill a limited read, so an empty batch means the end', () => {
    const { store, file } = openTemp();
    store.journal.append({ type: 'clock', t: 1 });
    const raw = new Database(file);
    const insertBad = raw.prepare("INSERT INTO journal (t, type, body) VALUES (2, 'clock', 'garbage')");
    for (let i = 0; i < 3; i += 1) insertBad.run();
    raw.close();
    store.journal.append({ type: 'clock', t: 3 });
    store.journal.append({ type: 'clock', t: 4 });
    expect(store.journal.readAfter(0, 2).map((entry) => entry.seq)).toEqual([1, 5]);
    expect(store.journal.readAfter(1, 1).map((entry) => entry.seq)).toEqual([5]);
    expect(store.journal.readAfter(1, 5).map((entry) => entry.seq)).toEqual([5, 6]);
    expect(store.journal.readAfter(6, 5)).toEqual([]);
    expect(() => store.journal.readAfter(0, 0)).toThrow(
      'journal read limit must be a whole number ≥ 1, got 0',
    );
  });

  it('fills the account column from the event, null for events without one', () => {
    const { store, file } = openTemp();
    store.journal.appendMany([fill(), { type: 'clock', t: 2 }]);
    const raw = new Database(file, { readonly: true });
    const accounts = raw.prepare('SELECT account FROM journal ORDER BY seq').pluck().all();
    raw.close();
    expect(accounts).toEqual(['ACC-1', null]);
  });
});
