// Chaos on the broker link: dropped and restored at seeded random times, about once a minute, through the
// simulated broker's own link (the core sees `reconnecting`, then the reconnect's snapshot and `connected`). The
// first drop comes early, so that even a one-minute run has one.
import { createRng } from '../../main/broker/sim';

export type Link = { drop(reason: string): boolean; restore(): boolean };

/** Ranges in ms, both ends included. */
export type ChaosPlan = {
  first: [number, number];
  gap: [number, number];
  outage: [number, number];
};

export const DEFAULT_CHAOS: ChaosPlan = {
  first: [15_000, 30_000],
  gap: [40_000, 80_000],
  outage: [500, 4_000],
};

export type LinkChaos = {
  readonly up: boolean;
  /** Drops so far. */
  readonly drops: number;
  /** When the link went down last (ms), while it is down. */
  readonly downSince: number | null;
  /** No more drops; a link that is down comes back now. */
  stop(): void;
};

export function linkChaos(link: Link, seed: number, plan: ChaosPlan = DEFAULT_CHAOS): LinkChaos {
  const rng = createRng((seed ^ 0x11c4a05) >>> 0);
  const draw = ([min, max]: [number, number]) => rng.int(min, max);
  let timer: NodeJS.Timeout | undefined;
  let up = true;
  let drops = 0;
  let downSince: number | null = null;
  let stopped = false;

  const restore = (): void => {
    if (up) return;
    up = true;
    downSince = null;
    link.restore();
  };
  const dropLater = (ms: number): void => {
    timer = setTimeout(() => {
      if (stopped) return;
      drops += 1;
      up = false;
      downSince = Date.now();
      link.drop(`soak drop ${drops}`);
      timer = setTimeout(() => {
        restore();
        if (!stopped) dropLater(draw(plan.gap));
      }, draw(plan.outage));
    }, ms);
  };
  dropLater(draw(plan.first));

  return {
    get up() {
      return up;
    },
    get drops() {
      return drops;
    },
    get downSince() {
      return downSince;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      restore();
    },
  };
}
