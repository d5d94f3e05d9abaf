// The manual test clock (test/helpers/manual-clock.ts): time and timers move only when the test says so.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../helpers/manual-clock';

describe('manual clock', () => {
  it('fires timeouts and intervals at their due times, in order, as time is advanced', () => {
    const clock = createManualClock(1000);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`timeout@${clock.now()}`), 250);
    const stop = clock.setInterval(() => seen.push(`interval@${clock.now()}`), 100);
    expect(seen).toEqual([]);
    clock.advance(99);
    expect(seen).toEqual([]);
    clock.advance(201);
    expect(seen).toEqual(['interval@1100', 'interval@1200', 'timeout@1250', 'interval@1300']);
    expect(clock.now()).toBe(1300);
    stop();
    clock.advance(1000);
    expect(seen).toHaveLength(4);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('cancels a timeout, runs timers scheduled by timers, and refuses to go back', () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    const cancel = clock.setTimeout(() => seen.push(-1), 10);
    cancel();
    clock.setTimeout(() => {
      seen.push(clock.now());
      clock.setTimeout(() => seen.push(clock.now()), 5);
    }, 10);
    clock.set(100);
    expect(seen).toEqual([10, 15]);
    expect(() => {
      clock.set(50);
    }).toThrow(/cannot go back/);
  });
});
