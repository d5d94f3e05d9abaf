// Faults on the link from a fake gateway to its client (both fakes use this): each batch of frames (one gateway
// action's pushes) can arrive late, twice, or interleaved across its streams. Only what the wire allows: a socket
// delivers in order, so a delay keeps the order of what is delayed, and a reordering only interleaves frames of
// different streams (entities) within one batch; one stream's frames never overtake each other. Every choice is
// drawn from a seeded generator, so a scenario runs the same way every time.

export type LinkFaults = {
  /** Each batch this much later (plus up to `jitterMs`), still in the order posted: a slow link. */
  delayMs?: number;
  jitterMs?: number;
  /** Each batch delivered a second time right after the first. */
  duplicate?: boolean;
  /** A batch's frames interleaved at random across streams; one stream keeps its own order. */
  reorder?: boolean;
};

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A random merge of the items' streams (by `keyOf`): items of one stream stay in their order. */
export function interleave<T>(items: readonly T[], keyOf: (item: T) => string, random: () => number): T[] {
  const streams = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    streams.set(key, [...(streams.get(key) ?? []), item]);
  }
  const queues = [...streams.values()];
  const merged: T[] = [];
  while (queues.length > 0) {
    // Weighted by what is left, so every interleaving can come out.
    const left = queues.reduce((n, q) => n + q.length, 0);
    let pick = Math.floor(random() * left);
    const index = queues.findIndex((q) => (pick -= q.length) < 0);
    const queue = queues[index] as T[];
    merged.push(queue.shift() as T);
    if (queue.length === 0) queues.splice(index, 1);
  }
  return merged;
}

/** What the faults did, for a test to check they bit: batches posted, and of them reordered, duplicated, delayed. */
export type LinkStats = { batches: number; reordered: number; duplicated: number; delayed: number };

export const noStats = (): LinkStats => ({ batches: 0, reordered: 0, duplicated: 0, delayed: 0 });

export type Outbox<F> = {
  /** One gateway action's frames, through the faults in force now. */
  post(batch: readonly F[]): void;
  /** Frames still waiting are dropped (the socket is gone). */
  stop(): void;
};

/**
 * An outbox for one connection: `send` writes one batch on the socket. Reordered first, then duplicated, then
 * held back by the delay, behind every batch posted before it.
 */
export function createOutbox<F>(options: {
  send(batch: readonly F[]): void;
  faults(): LinkFaults;
  streamOf: (frame: F) => string;
  random: () => number;
  stats?: LinkStats;
}): Outbox<F> {
  const stats = options.stats ?? noStats();
  const waiting: { dueAt: number; batch: readonly F[] }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let lastDueAt = 0;

  const pump = (): void => {
    timer = undefined;
    const now = Date.now();
    while (waiting.length > 0 && (waiting[0]?.dueAt ?? Infinity) <= now)
      options.send((waiting.shift() as { batch: readonly F[] }).batch);
    const next = waiting[0];
    if (next !== undefined) timer = setTimeout(pump, Math.max(0, next.dueAt - now));
  };

  return {
    post(batch) {
      if (batch.length === 0) return;
      const faults = options.faults();
      const ordered = faults.reorder === true ? interleave(batch, options.streamOf, options.random) : batch;
      const copies = faults.duplicate === true ? [ordered, ordered] : [ordered];
      const delay = (faults.delayMs ?? 0) + Math.floor((faults.jitterMs ?? 0) * options.random());
      stats.batches += 1;
      if (ordered.some((frame, i) => frame !== batch[i])) stats.reordered += 1;
      if (copies.length > 1) stats.duplicated += 1;
      if (delay > 0) stats.delayed += 1;
      if (delay <= 0 && waiting.length === 0) {
        for (const copy of copies) options.send(copy);
        return;
      }
      lastDueAt = Math.max(lastDueAt, Date.now() + delay);
      for (const copy of copies) waiting.push({ dueAt: lastDueAt, batch: copy });
      if (timer === undefined) timer = setTimeout(pump, Math.max(0, lastDueAt - Date.now()));
    },
    stop() {
      waiting.length = 0;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
