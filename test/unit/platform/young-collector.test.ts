// The young-generation collector: a check once the events have been quiet for 10 ms (pushed back while they keep
// coming), a collection only when the young generation is fuller than the threshold, and, on this process's real
// V8, a young generation more than half full emptied once the events go quiet.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/platform/clock';
import {
  createYoungCollector,
  processYoungCollector,
  youngFill,
} from '../../../main/platform/young-collector';

/** A collector on a scripted clock and young generation: `advance` runs the timers that fall due. */
function scripted(fills: number[], options: { fullerThan?: number } = {}) {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  let collected = 0;
  const collector = createYoungCollector({
    fill: () => fills.shift() ?? 0,
    collect: () => {
      collected += 1;
    },
    now: () => now,
    later: (callback, ms) => timers.push({ at: now + ms, callback }),
    ...options,
  });
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      timers = timers.filter((timer) => timer !== due);
      now = due.at;
      due.callback();
    }
    now = until;
  };
  return { collector, advance, pending: () => timers.length, collected: () => collected };
}

describe('young collector', () => {
  it('collects a young generation fuller than half once the events have been quiet for 10 ms', () => {
    const run = scripted([0.8]);
    run.collector.afterEvent();
    run.collector.afterEvent();
    expect(run.pending()).toBe(1);
    run.advance(9);
    expect(run.collected()).toBe(0);
    run.advance(1);
    expect(run.collected()).toBe(1);
    expect(run.collector.collections).toBe(1);
    expect(run.pending()).toBe(0);
  });

  it('waits while events keep coming: the check falls 10 ms after the last one', () => {
    const run = scripted([0.9]);
    for (let event = 0; event < 5; event += 1) {
      run.collector.afterEvent();
      run.advance(6);
    }
    expect(run.collected()).toBe(0);
    run.advance(3);
    expect(run.collected()).toBe(0);
    run.advance(1);
    expect(run.collected()).toBe(1);
  });

  it('leaves a young generation at or under the threshold alone, and checks again after the next events', () => {
    const run = scripted([0.5, 0.3, 0.51]);
    for (let burst = 0; burst < 3; burst += 1) {
      run.collector.afterEvent();
      run.advance(10);
    }
    expect(run.collected()).toBe(1);
  });

  it('takes its threshold from the caller', () => {
    const run = scripted([0.5], { fullerThan: 0.25 });
    run.collector.afterEvent();
    run.advance(10);
    expect(run.collected()).toBe(1);
  });

  it("empties this process's young generation once the events go quiet, when it is more than half full", async () => {
    const collector = processYoungCollector(systemClock);
    const kept: object[] = [];
    // Short-lived objects until the young generation is more than half full (V8 has not collected it yet).
    while (youngFill() <= 0.6) kept.push({ n: kept.length, text: `object ${kept.length}` });
    kept.length = 0;
    const before = collector.collections;
    collector.afterEvent();
    await expect.poll(() => collector.collections, { interval: 5 }).toBe(before + 1);
    expect(youngFill()).toBeLessThan(0.5);
  });
});
