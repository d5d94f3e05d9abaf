// State pushes are coalesced: a flood of changes yields at most one push per 50 ms, always ending on the latest.
import { describe, expect, it } from 'vitest';
import { createPublisher } from '../../../main/core/publisher';
import { createManualClock } from '../../helpers/manual-clock';

describe('coalesced publisher', () => {
  it('turns a change every millisecond for one second into one push per 50 ms, the last one included', () => {
    const clock = createManualClock(0);
    const pushedAt: number[] = [];
    const publisher = createPublisher(clock, () => pushedAt.push(clock.now()), 50);
    for (let ms = 0; ms < 1000; ms += 1) {
      publisher.markDirty();
      clock.advance(1);
    }
    clock.advance(100);
    expect(pushedAt).toEqual(Array.from({ length: 21 }, (_, i) => i * 50));
  });

  it('pushes a lone change at once, and nothing when nothing changed', () => {
    const clock = createManualClock(10_000);
    const pushedAt: number[] = [];
    const publisher = createPublisher(clock, () => pushedAt.push(clock.now()), 50);
    clock.advance(500);
    expect(pushedAt).toEqual([]);
    publisher.markDirty();
    clock.advance(0);
    expect(pushedAt).toEqual([10_500]);
    publisher.markDirty();
    clock.advance(50);
    expect(pushedAt).toEqual([10_500, 10_550]);
  });

  it('flush pushes pending changes now and stop cancels the timer', () => {
    const clock = createManualClock(0);
    let pushes = 0;
    const publisher = createPublisher(clock, () => (pushes += 1), 50);
    publisher.markDirty();
    publisher.flush();
    expect(pushes).toBe(1);
    publisher.markDirty();
    publisher.stop();
    clock.advance(1000);
    expect(pushes).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
  });
});
