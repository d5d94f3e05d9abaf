// The warm line: while held, a ping opens a connection whenever none is open to the server; a server that does not
// keep them is pinged less and less often (twice the wait each time, up to a minute); let go, it pings no more.
import { describe, expect, it } from 'vitest';
import { createWarmLine } from '../../../main/broker/warm-line';
import { memoryLogger } from '../../../main/platform/logger';
import { createManualClock } from '../../helpers/manual-clock';

/** A server whose connections the test opens and closes, and a ping the test answers. */
function world(options: { keeps?: boolean; answers?: boolean } = {}) {
  const clock = createManualClock(0);
  let open = 0;
  const listeners = new Set<() => void>();
  const pingsAt: number[] = [];
  let keeps = options.keeps ?? true;
  const line = createWarmLine({
    connections: {
      open: () => open,
      onClosed(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    ping: () => {
      pingsAt.push(clock.now());
      if (options.answers === false) return Promise.resolve(false);
      if (keeps) open += 1;
      return Promise.resolve(true);
    },
    clock,
    logger: memoryLogger(),
    minGapMs: 1000,
  });
  return {
    clock,
    line,
    pingsAt,
    opened: () => {
      open += 1;
    },
    /** The server closes one connection after `ms`. */
    async closeAfter(ms: number) {
      clock.advance(ms);
      open -= 1;
      for (const listener of [...listeners]) listener();
      await settle();
    },
    async advance(ms: number) {
      clock.advance(ms);
      await settle();
    },
    stopKeeping() {
      keeps = false;
    },
    listening: () => listeners.size,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('the warm line', () => {
  it('pings at once when held with no connection open, and not while one is', async () => {
    const cold = world();
    cold.line.hold(true);
    await settle();
    expect(cold.pingsAt).toEqual([0]);

    const warm = world();
    warm.opened();
    warm.line.hold(true);
    await settle();
    expect(warm.pingsAt).toEqual([]);
  });

  it('pings again as soon as the last connection closes, once it had lasted the shortest gap', async () => {
    const w = world();
    w.line.hold(true);
    await settle();
    await w.closeAfter(5000);
    await w.closeAfter(130_000);
    expect(w.pingsAt).toEqual([0, 5000, 135_000]);
  });

  it('does not ping while another connection to the server is still open', async () => {
    const w = world();
    w.opened();
    w.line.hold(true);
    w.opened();
    await w.closeAfter(3000);
    expect(w.pingsAt).toEqual([]);
    await w.closeAfter(1000);
    expect(w.pingsAt).toEqual([4000]);
  });

  it('waits twice as long each time a connection closes sooner than the shortest gap, up to a minute', async () => {
    const w = world();
    w.line.hold(true);
    await settle();
    // Each closes within 200 ms of its ping: 2 s, 4 s, 8 s ... 60 s between pings.
    for (let i = 0; i < 8; i += 1) {
      await w.closeAfter(100);
      const pinged = w.pingsAt.length;
      while (w.pingsAt.length === pinged) await w.advance(100);
    }
    const gaps = w.pingsAt.slice(1).map((at, i) => at - (w.pingsAt[i] ?? 0));
    expect(gaps).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    // A connection that lasts again brings the pings back at once.
    const last = w.pingsAt.at(-1) ?? 0;
    await w.advance(last + 5000 - w.clock.now());
    await w.closeAfter(0);
    expect(w.pingsAt.at(-1)).toBe(last + 5000);
    await w.closeAfter(5000);
    expect(w.pingsAt.at(-1)).toBe(last + 10_000);
  });

  it('backs off the same way when the server answers but closes the connection with its answer', async () => {
    const w = world({ keeps: false });
    w.line.hold(true);
    await w.advance(0);
    await w.advance(2000);
    await w.advance(4000);
    await w.advance(8000);
    expect(w.pingsAt).toEqual([0, 2000, 6000, 14_000]);
  });

  it('retries a ping that failed or was not sent after twice the wait', async () => {
    const w = world({ answers: false });
    w.line.hold(true);
    await w.advance(0);
    await w.advance(1999);
    expect(w.pingsAt).toEqual([0]);
    await w.advance(1);
    await w.advance(4000);
    expect(w.pingsAt).toEqual([0, 2000, 6000]);
  });

  it('pings no more once let go: no listener, no timer left', async () => {
    const w = world({ answers: false });
    w.line.hold(true);
    await settle();
    expect(w.clock.pendingTimers()).toBe(1);
    w.line.hold(false);
    expect(w.clock.pendingTimers()).toBe(0);
    expect(w.listening()).toBe(0);
    await w.advance(120_000);
    expect(w.pingsAt).toEqual([0]);
  });
});
