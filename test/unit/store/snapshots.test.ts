// Snapshots: the newest one (furthest along the journal) comes back as saved; only the newest N are kept.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOTS_KEPT } from '../../../main/store';
import { useStores } from './temp-store';

const openTemp = useStores();

const snapshot = (journalSeq: number) => ({
  journalSeq,
  t: 1_700_000_000_000 + journalSeq,
  state: JSON.stringify({ seq: journalSeq }),
});

describe('snapshots', () => {
  it('has no latest snapshot before one is saved', () => {
    const { store } = openTemp();
    expect(store.snapshots.latest()).toBeNull();
  });

  it('returns the latest snapshot exactly as saved', () => {
    const { store } = openTemp();
    const state = JSON.stringify({ accounts: { A: { balance: '50000.10' } }, note: 'ü ✓' });
    store.snapshots.save({ journalSeq: 10, t: 1_700_000_000_123, state });
    store.snapshots.save(snapshot(20));
    expect(store.snapshots.latest()).toEqual(snapshot(20));
    store.snapshots.save({ journalSeq: 30, t: 5, state });
    expect(store.snapshots.latest()).toEqual({ journalSeq: 30, t: 5, state });
  });

  it('prefers the snapshot furthest along the journal, then the last saved', () => {
    const { store } = openTemp();
    store.snapshots.save(snapshot(50));
    store.snapshots.save(snapshot(40));
    expect(store.snapshots.latest()?.journalSeq).toBe(50);
    store.snapshots.save({ ...snapshot(50), state: '"second"' });
    expect(store.snapshots.latest()?.state).toBe('"second"');
  });

  it(`keeps only the newest ${DEFAULT_SNAPSHOTS_KEPT} by default`, () => {
    const { store } = openTemp();
    for (let seq = 1; seq <= DEFAULT_SNAPSHOTS_KEPT + 5; seq += 1) store.snapshots.save(snapshot(seq));
    expect(store.snapshots.count()).toBe(DEFAULT_SNAPSHOTS_KEPT);
    expect(store.snapshots.latest()).toEqual(snapshot(DEFAULT_SNAPSHOTS_KEPT + 5));
  });

  it('keeps the number it is told to, dropping the oldest', () => {
    const { store } = openTemp(undefined, { snapshotsKept: 3 });
    for (const seq of [1, 2, 3, 4, 5]) store.snapshots.save(snapshot(seq));
    expect(store.snapshots.count()).toBe(3);
    expect(store.snapshots.latest()).toEqual(snapshot(5));
  });

  it('refuses to keep fewer than one', () => {
    expect(() => openTemp(undefined, { snapshotsKept: 0 })).toThrow(
      /snapshots to keep must be a whole number ≥ 1, got 0/,
    );
  });

  it('refuses a journal seq that is not a whole number (STRICT table)', () => {
    const { store } = openTemp();
    expect(() => {
      store.snapshots.save({ journalSeq: 1.5, t: 1, state: '{}' });
    }).toThrow(/cannot store REAL value in INTEGER column snapshots.journal_seq/);
    expect(store.snapshots.count()).toBe(0);
  });
});
