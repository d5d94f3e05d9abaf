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

    expect(store.compact(now)).toEqual({ journal: 6, samples: 1 });
    // Left: the newest fill (c, seq 6) and the quote after the snapshot (seq 8).
    expect(store.journal.readAfter(0).map((entry) => [entry.seq, entry.event.type])).toEqual([
      [6, 'fill'],
      [8, 'quote'],
    ]);
    expect(store.history.samples('A1', 0, now).map((s) => s.t)).toEqual([95 * day]);
  });

  it('keeps recent fills behind the snapshot (audit), and keeps everything when there is no snapshot', () => {
    const { store } = open(undefined, { retentionDays: 30 });
    store.journal.appendMany([fill(90 * day, 'a'), quote(90 * day + 1), fill(90 * day + 2, 'b')]);
    expect(store.compact(100 * day).journal).toBe(0);
    store.snapshots.save({ journalSeq: 3, t: 90 * day + 2, state: '{}' });
    expect(store.compact(100 * day).journal).toBe(1);
    expect(store.journal.readAfter(0).map((entry) => entry.seq)).toEqual([1, 3]);
    // A seq is never reused after compaction (AUTOINCREMENT): the next event is 4.
    expect(store.journal.append(fill(100 * day, 'c'))).toBe(4);
  });
});
