// The soak's chaos on the broker link: drops at seeded times within the plan's ranges, each followed by its
// restore; the same seed gives the same schedule; stopping brings a link that is down back at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHAOS, linkChaos } from '../../../test/soak/link-chaos';

/** The link's drops and restores, as ms since the start. */
function recorded() {
  const start = Date.now();
  const log: string[] = [];
  const link = {
    drop: (reason: string) => {
      log.push(`drop ${Date.now() - start} ${reason}`);
      return true;
    },
    restore: () => {
      log.push(`restore ${Date.now() - start}`);
      return true;
    },
  };
  return { link, log };
}

const at = (line: string | undefined): number => Number(line?.split(' ')[1]);

describe('chaos on the broker link', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('drops early, then about once a minute, each outage within its range, the same for the same seed', () => {
    const first = recorded();
    const chaos = linkChaos(first.link, 17);
    vi.advanceTimersByTime(10 * 60_000);
    chaos.stop();
    const drops = first.log.filter((line) => line.startsWith('drop'));
    expect(drops.length).toBeGreaterThanOrEqual(8);
    expect(drops.length).toBeLessThanOrEqual(15);
    expect(at(drops[0])).toBeGreaterThanOrEqual(DEFAULT_CHAOS.first[0]);
    expect(at(drops[0])).toBeLessThanOrEqual(DEFAULT_CHAOS.first[1]);
    expect(drops[0]).toMatch(/ soak drop 1$/);
    for (let i = 0; i < first.log.length - 1; i += 2) {
      expect(first.log[i]).toMatch(/^drop /);
      expect(first.log[i + 1]).toMatch(/^restore /);
      const outage = at(first.log[i + 1]) - at(first.log[i]);
      expect(outage).toBeGreaterThanOrEqual(DEFAULT_CHAOS.outage[0]);
      expect(outage).toBeLessThanOrEqual(DEFAULT_CHAOS.outage[1]);
    }
    expect(chaos.drops).toBe(drops.length);

    const replay = recorded();
    const same = linkChaos(replay.link, 17);
    vi.advanceTimersByTime(10 * 60_000);
    same.stop();
    expect(replay.log).toEqual(first.log);
    const other = recorded();
    const elsewhere = linkChaos(other.link, 18);
    vi.advanceTimersByTime(10 * 60_000);
    elsewhere.stop();
    expect(other.log).not.toEqual(first.log);
  });

  it('stopping while the link is down restores it at once, and nothing more is dropped', () => {
    const { link, log } = recorded();
    const chaos = linkChaos(link, 5, { first: [1000, 1000], gap: [5000, 5000], outage: [3000, 3000] });
    vi.advanceTimersByTime(1500);
    expect(chaos.up).toBe(false);
    expect(chaos.downSince).not.toBeNull();
    chaos.stop();
    expect(chaos.up).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(log).toEqual(['drop 1000 soak drop 1', 'restore 1500']);
  });
});
