// The REST rate limiter: at most `max` requests in any window, in the order asked, and nobody sends during a pause;
// a spare request (a keep-warm ping) only with half the window free and nobody waiting, and it counts.
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../main/broker/projectx/rate-limiter';
import { createManualClock } from '../../../helpers/manual-clock';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('the rate limiter', () => {
  it('lets `max` through at once and the next one when the oldest leaves the window', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter(clock, { max: 3, windowMs: 1000 });
    const sentAt: [number, number][] = [];
    for (let i = 0; i < 5; i += 1) void limiter.acquire().then(() => sentAt.push([i, clock.now()]));
    await settle();
    expect(sentAt).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    clock.advance(999);
    await settle();
    expect(sentAt).toHaveLength(3);
    clock.advance(1);
    await settle();
    expect(sentAt.slice(3)).toEqual([
      [3, 1000],
      [4, 1000],
    ]);
  });

  it('holds everything back during a pause after a 429', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter(clock, { max: 100, windowMs: 1000 });
    limiter.pause(500);
    const sentAt: number[] = [];
    void limiter.acquire().then(() => sentAt.push(clock.now()));
    await settle();
    clock.advance(499);
    await settle();
    expect(sentAt).toEqual([]);
    clock.advance(1);
    await settle();
    expect(sentAt).toEqual([500]);
  });

  it("counts a request with room in the window in the caller's turn, and lets none overtake one waiting", async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter(clock, { max: 2, windowMs: 1000 });
    const sent: string[] = [];
    void limiter.acquire().then(() => sent.push('a'));
    await Promise.resolve(); // a breach's command: on its way in the next microtask, with no turns of a queue
    expect(sent).toEqual(['a']);
    expect(limiter.spare()).toBe(false); // a took one of the two places: half is used
    void limiter.acquire().then(() => sent.push('b'));
    void limiter.acquire().then(() => sent.push('c'));
    await settle();
    expect(sent).toEqual(['a', 'b']);
    clock.advance(1000); // the window frees both places; c is still waiting when d asks
    void limiter.acquire().then(() => sent.push('d'));
    await settle();
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
  });

  it('after a pause, sends at its end when the window has room', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter(clock, { max: 100, windowMs: 1000 });
    await limiter.acquire();
    limiter.pause(300);
    const sentAt: number[] = [];
    void limiter.acquire().then(() => sentAt.push(clock.now()));
    clock.advance(299);
    await settle();
    expect(sentAt).toEqual([]);
    clock.advance(1);
    await settle();
    expect(sentAt).toEqual([300]);
  });

  it('lets a spare request through only with half the window free and nobody waiting, and counts it', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter(clock, { max: 4, windowMs: 1000 });
    expect([limiter.spare(), limiter.spare(), limiter.spare()]).toEqual([true, true, false]);
    const sentAt: number[] = [];
    for (let i = 0; i < 3; i += 1) void limiter.acquire().then(() => sentAt.push(clock.now()));
    await settle();
    // The two spares took two of the four places: the third command waits for the window.
    expect(sentAt).toEqual([0, 0]);
    clock.advance(500);
    expect(limiter.spare()).toBe(false);
    clock.advance(500);
    await settle();
    expect(sentAt).toEqual([0, 0, 1000]);
    clock.advance(1000);
    expect(limiter.spare()).toBe(true);
    limiter.pause(100);
    expect(limiter.spare()).toBe(false);
  });
});
