// Verified flatten: orders cancelled before positions are closed, flat confirmed from the engine's picture,
// retries with backoff when the broker does not go flat, never two runs for one account, every step recorded.
import { describe, expect, it } from 'vitest';
import type { BrokerCommand, CommandResult } from '../../../main/broker/types';
import { createChangeSignal } from '../../../main/enforce/change-signal';
import { createFlattener, type AccountExposure, type FlattenStep } from '../../../main/enforce/flatten';
import type { FlattenReport } from '../../../shared/ipc';
import { createManualClock } from '../../helpers/manual-clock';

type Book = { orders: string[]; positions: { symbol: string; qty: number }[] };

/** A broker whose book the test controls; `obeys` decides whether a command takes effect. */
function harness(book: Book, obeys: (command: BrokerCommand) => CommandResult = () => ({ ok: true })) {
  const clock = createManualClock(1_000);
  const sent: BrokerCommand[] = [];
  const told: { flat: boolean; retry: boolean }[] = [];
  const recorded: { begun: string[]; steps: FlattenStep[][]; finished: FlattenReport[] } = {
    begun: [],
    steps: [],
    finished: [],
  };
  const changes = createChangeSignal(clock);
  const flattener = createFlattener({
    clock,
    execute(command) {
      sent.push(command);
      const result = obeys(command);
      if (result.ok && command.type === 'cancelOrder')
        book.orders = book.orders.filter((id) => id !== command.orderId);
      if (result.ok && command.type === 'closePosition')
        book.positions = book.positions.filter((p) => p.symbol !== command.symbol);
      changes.notify();
      return Promise.resolve(result);
    },
    exposure: (account): AccountExposure | null =>
      account === 'A1' ? { orders: [...book.orders], positions: [...book.positions] } : null,
    nextChange: (ms) => changes.next(ms),
    recorder: {
      begin: (account) => recorded.begun.push(account),
      progress: (_id, steps) => recorded.steps.push([...steps]),
      finish: (_id, report) => recorded.finished.push(report),
    },
    onFinished: (report, run) => told.push({ flat: report.flat, retry: run.retry }),
  });
  /** Lets timers run until the promise settles (the manual clock only moves when told). */
  async function settle<T>(promise: Promise<T>): Promise<T> {
    const progress = { done: false };
    void promise.finally(() => (progress.done = true));
    for (let i = 0; i < 10_000; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      if (progress.done) break;
      clock.advance(50);
    }
    return promise;
  }
  return { clock, sent, recorded, flattener, settle, told };
}

describe('flatten', () => {
  it('cancels every working order first, then closes every position, and confirms flat', async () => {
    const h = harness({
      orders: ['o1', 'o2'],
      positions: [
        { symbol: 'ES', qty: 2 },
        { symbol: 'CL', qty: -1 },
      ],
    });
    const report = await h.settle(h.flattener.flatten('A1', 'user'));
    expect(
      h.sent.map((c) =>
        c.type === 'cancelOrder' ? `cancel ${c.orderId}` : `${c.type} ${'symbol' in c ? c.symbol : ''}`,
      ),
    ).toEqual(['cancel o1', 'cancel o2', 'closePosition ES', 'closePosition CL']);
    expect(report).toEqual({
      account: 'A1',
      flat: true,
      cancelledOrders: 2,
      closedPositions: 2,
      elapsedMs: 0,
    });
    expect(h.recorded.begun).toEqual(['A1']);
    expect(h.recorded.steps.at(-1)).toHaveLength(4);
    expect(h.recorded.finished).toEqual([report]);
  });

  it('does nothing to an account that is already flat', async () => {
    const h = harness({ orders: [], positions: [] });
    const report = await h.settle(h.flattener.flatten('A1', 'user'));
    expect(h.sent).toEqual([]);
    expect(report.flat).toBe(true);
  });

  it('never runs two flattens of one account at once', async () => {
    const h = harness({ orders: [], positions: [{ symbol: 'NQ', qty: 1 }] });
    const first = h.flattener.flatten('A1', 'user');
    const second = h.flattener.flatten('A1', 'tray');
    expect(second).toBe(first);
    expect(h.flattener.running.has('A1')).toBe(true);
    await h.settle(first);
    expect(h.sent).toHaveLength(1);
    expect(h.flattener.running.has('A1')).toBe(false);
  });

  it('retries a broker that does not close, five times with backoff, then reports act manually', async () => {
    const h = harness({ orders: [], positions: [{ symbol: 'GC', qty: 3 }] }, (c) =>
      c.type === 'closePosition' ? { ok: false, error: 'Live accounts not supported' } : { ok: true },
    );
    const report = await h.settle(h.flattener.flatten('A1', 'dailyLoss'));
    expect(h.sent).toHaveLength(5);
    expect(report.flat).toBe(false);
    expect(report.closedPositions).toBe(0);
    expect(report.error).toBe(
      'not flat after flatten (GC 3): act manually; broker said: ' +
        Array(5).fill('Live accounts not supported').join('; '),
    );
    // 5 × 3 s of verification plus backoff 250 + 500 + 1000 + 2000 ms between the attempts (none after the last).
    expect(report.elapsedMs).toBe(18_750);
  });

  it('reports an unknown account without sending anything', async () => {
    const h = harness({ orders: [], positions: [] });
    const report = await h.settle(h.flattener.flatten('NOPE', 'user'));
    expect(report).toMatchObject({ account: 'NOPE', flat: false, error: 'unknown account NOPE' });
    expect(h.sent).toEqual([]);
  });

  it('keeps trying every 10 s after failing, until the account is flat, then stops', async () => {
    let refusing = true;
    const h = harness({ orders: [], positions: [{ symbol: 'ES', qty: 1 }] }, (c) =>
      refusing && c.type === 'closePosition' ? { ok: false, error: 'market closed' } : { ok: true },
    );
    await h.settle(h.flattener.flatten('A1', 'dailyLoss'));
    expect(h.told).toEqual([{ flat: false, retry: false }]);
    expect(h.sent).toHaveLength(5);
    refusing = false;
    h.clock.advance(10_000);
    for (let i = 0; i < 50 && h.told.length < 2; i += 1)
      await new Promise((resolve) => setImmediate(resolve));
    expect(h.told).toEqual([
      { flat: false, retry: false },
      { flat: true, retry: true },
    ]);
    expect(h.sent).toHaveLength(6);
    h.clock.advance(60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.sent).toHaveLength(6);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});
