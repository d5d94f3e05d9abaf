// Risk responses: an enforcement action is recorded when it starts, its steps as they happen, and how it ended.
import { describe, expect, it } from 'vitest';
import type { ResponseStart } from '../../../main/store';
import { useStores } from './temp-store';

const openTemp = useStores();

const flatten = (account: string, requestedAt: number): ResponseStart => ({
  account,
  action: 'flatten',
  reason: 'dailyLoss breach: -1000.00 of 1000.00',
  requestedAt,
  detail: [],
});

const cancelStep = { t: 1_000_050, command: { type: 'cancelOrder', orderId: 'O7' }, result: { ok: true } };
const closeStep = {
  t: 1_000_120,
  command: { type: 'closePosition', symbol: 'MNQ' },
  result: { ok: false, error: 'market closed' },
};

describe('risk responses', () => {
  it('records a response from start to finish with its steps', () => {
    const { store } = openTemp();
    const id = store.responses.begin(flatten('ACC-1', 1_000_000));
    expect(store.responses.recent(1)).toEqual([
      { id, ...flatten('ACC-1', 1_000_000), finishedAt: null, outcome: null },
    ]);
    store.responses.progress(id, [cancelStep]);
    expect(store.responses.recent(1)[0]?.detail).toEqual([cancelStep]);
    store.responses.finish(id, { finishedAt: 1_003_500, outcome: 'failed', detail: [cancelStep, closeStep] });
    expect(store.responses.recent(1)).toEqual([
      {
        id,
        ...flatten('ACC-1', 1_000_000),
        finishedAt: 1_003_500,
        outcome: 'failed',
        detail: [cancelStep, closeStep],
      },
    ]);
  });

  it('lists the newest first, up to the limit', () => {
    const { store } = openTemp();
    const early = store.responses.begin(flatten('A', 100));
    const late = store.responses.begin(flatten('B', 300));
    const middle = store.responses.begin(flatten('C', 200));
    expect(store.responses.recent(10).map((each) => each.id)).toEqual([late, middle, early]);
    expect(store.responses.recent(1).map((each) => each.id)).toEqual([late]);
  });

  it('lists the responses that never finished, oldest first', () => {
    const { store } = openTemp();
    const done = store.responses.begin(flatten('A', 100));
    const cutShort = store.responses.begin(flatten('B', 200));
    const running = store.responses.begin(flatten('C', 300));
    store.responses.finish(done, { finishedAt: 150, outcome: 'flat', detail: [] });
    expect(store.responses.unfinished().map((each) => each.id)).toEqual([cutShort, running]);
  });

  it('refuses to update a response that does not exist', () => {
    const { store } = openTemp();
    expect(() => {
      store.responses.finish(42, { finishedAt: 1, outcome: 'flat', detail: null });
    }).toThrow('no risk response with id 42');
    expect(() => {
      store.responses.progress(42, null);
    }).toThrow('no risk response with id 42');
  });
});
