// Risk events: the guard's own changes are recorded with their details and read back newest first, across a reopen.
import { describe, expect, it } from 'vitest';
import { useStores } from './temp-store';

const openTemp = useStores();

describe('risk events', () => {
  it('keeps each event with its details, newest first, and still has them after a reopen', () => {
    const { store, file } = openTemp();
    const opened = {
      t: 2_000,
      account: 'A1',
      kind: 'breaker',
      detail: { from: 'closed', to: 'open', reason: '3 enforcement commands failed in a row: timeout' },
    };
    store.riskEvents.record({ t: 1_000, account: null, kind: 'config', detail: { by: 'file' } });
    store.riskEvents.record(opened);
    store.riskEvents.record({
      t: 2_000,
      account: 'A1',
      kind: 'breaker',
      detail: { from: 'open', to: 'halfOpen' },
    });
    expect(store.riskEvents.recent(2).map((e) => e.detail)).toEqual([
      { from: 'open', to: 'halfOpen' },
      opened.detail,
    ]);
    store.close();
    const reopened = openTemp(file).store;
    expect(reopened.riskEvents.recent(10)).toHaveLength(3);
    expect(reopened.riskEvents.recent(10)[2]).toEqual({
      id: 1,
      t: 1_000,
      account: null,
      kind: 'config',
      detail: { by: 'file' },
    });
  });
});
