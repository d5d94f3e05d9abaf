// Journal compaction behind snapshots and the retention setting: what a restart or an audit needs stays.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/domain/events';
import { dec } from '../../../shared/domain/money';
import { useStores } from './temp-store';

const open = useStores();
const day = 86_400_000;

const quote = (t: number): EngineEvent => ({ type: 'quote', t, symbol: 'MES', last: dec('5000') });
const clock = (t: number): EngineEvent => ({ type: 'clock', t });
const fill = (t: number, id: string): EngineEvent => ({
  type: 'fill',
  t,
  account: 'A1',
  id,
  orderId: `O-${id}`,
  symbol: 'MES',
  side: 'buy',
  qty: 1,
  price: dec('5000'),
  fees: dec('0.37'),
});

describe('store.compact', () => {
  it('drops market data behind the oldest snapshot at once, and the rest only past the retention period', () => {
    const { store } = open(undefined, { retentionDays: 10 });
    const now = 100 * day;
    // seq 1-4 are old (80 days), 5-8 recent (1 day); the oldest kept snapshot is at seq 7.
    store.journal.appendMany([
      quote(20 * day),
      fill(20 * day + 1, 'a'),
      clock(20 * day + 2),
      fill(20 * day + 3, 'b'),
    ]);
    store.journal.appendMany([
      quote(99 * day),
      fill(99 * day + 1, 'c'),
      clock(99 * day + 2),
      quote(99 * day + 3),
    ]);
    store.snapshots.save({ journalSeq: 7, t: 99 * day + 2, state: '{}' });
    store.history.sample([
      {
        account: 'A1',
        t: 50 * day,
        balance: '1',
        equity: '1',
        dailyNetPnl: '0',
        dailyDrawdown: '0',
        openQty: 0,
        metrics: null,
      },
      {
        account: 'A1',
        t: 95 * day,
        balance: '2',
        equity: '2',
        dailyNetPnl: '0',
        dailyDrawdown: '0',
        openQty: 0,
        metrics: null,
      },
    ]);

    expect(store.compact(now)).toEqual({ journal: 4, samples: 1, more: false });
    // Left: the recent quote and clock tick behind the snapshot (each the only one of its minute, so a mark), the
    // newest fill (c, seq 6) and the quote after the snapshot (seq 8).
    expect(store.journal.readAfter(0).map((entry) => [entry.seq, entry.event.type])).toEqual([
      [5, 'quote'],
      [6, 'fill'],
      [7, 'clock'],
      [8, 'quote'],
    ]);
    expect(store.history.samples('A1', 0, now).map((s) => s.t)).toEqual([95 * day]);
  });

  it('keeps recent fills behind the snapshot (audit), and keeps everything when there is no snapshot', () => {
    const { store } = open(undefined, { retentionDays: 30 });
    store.journal.appendMany([
      fill(90 * day, 'a'),
      clock(90 * day + 1),
      clock(90 * day + 2),
      fill(90 * day + 3, 'b'),
    ]);
    expect(store.compact(100 * day).journal).toBe(0);
    store.snapshots.save({ journalSeq: 4, t: 90 * day + 3, state: '{}' });
    // The two clock ticks are the same minute: the first is its mark, the second goes.
    expect(store.compact(100 * day).journal).toBe(1);
    expect(store.journal.readAfter(0).map((entry) => entry.seq)).toEqual([1, 2, 4]);
    // A seq is never reused after compaction (AUTOINCREMENT): the next event is 5.
    expect(store.journal.append(fill(100 * day, 'c'))).toBe(5);
  });

  it('keeps per symbol and minute the last, lowest and highest quote, and the first clock tick of each minute', () => {
    const { store } = open(undefined, { retentionDays: 30, snapshotsKept: 1 });
    const minute = 60_000;
    const base = 99 * day;
    const priced = (t: number, symbol: string, price: { last?: string; bid?: string }): EngineEvent => ({
      type: 'quote',
      t,
      symbol,
      ...(price.last === undefined ? {} : { last: dec(price.last) }),
      ...(price.bid === undefined ? {} : { bid: dec(price.bid) }),
    });
    store.journal.appendMany([
      clock(base), // 1: first tick of minute 0, kept
      priced(base + 1, 'MES', { last: '5000.25' }), // 2: neither last, low nor high: goes
      priced(base + 2, 'MES', { last: '4999.75' }), // 3: MES low of minute 0, kept
      priced(base + 3, 'MNQ', { bid: '21000.5' }), // 4: MNQ's only quote (priced by its bid), kept
      clock(base + 1000), // 5: goes
      priced(base + 4, 'MES', { last: '5001' }), // 6: MES high, kept
      priced(base + 5, 'MES', { last: '5000.5' }), // 7: MES last of minute 0, kept
      priced(base + minute + 1, 'MES', { last: '5000' }), // 8: minute 1's only quote, kept
      clock(base + minute), // 9: first tick of minute 1, kept
      clock(base + minute + 1000), // 10: goes
      fill(base + minute + 2, 'a'), // 11
    ]);
    store.snapshots.save({ journalSeq: 11, t: base + minute + 2, state: '{}' });
    // In steps of 6 seqs (as the core does it, with the event loop free between steps): (0, 6], then (6, 11]. A
    // minute split by a step keeps the marks of each part (7 stays as the last quote of the second part).
    expect([1, 2].map(() => store.compact(100 * day, 6))).toEqual([
      { journal: 2, samples: 0, more: true },
      { journal: 1, samples: 0, more: false },
    ]);
    expect(store.journal.readAfter(0).map((entry) => entry.seq)).toEqual([1, 3, 4, 6, 7, 8, 9, 11]);
    // Compacting the marks again changes nothing, and what came after the first compaction is compacted alike.
    store.journal.appendMany([
      priced(base + 2 * minute, 'MES', { last: '5000' }), // 12: goes
      priced(base + 2 * minute + 1, 'MES', { last: '5001' }), // 13: high of minute 2, kept
      priced(base + 2 * minute + 2, 'MES', { last: '4999' }), // 14: low, kept
      priced(base + 2 * minute + 3, 'MES', { last: '5000.5' }), // 15: last, kept
    ]);
    expect(store.compact(100 * day).journal).toBe(0);
    store.snapshots.save({ journalSeq: 15, t: base + 2 * minute + 3, state: '{}' });
    expect(store.compact(100 * day).journal).toBe(1);
    expect(store.journal.readAfter(10).map((entry) => entry.seq)).toEqual([11, 13, 14, 15]);
  });
});
