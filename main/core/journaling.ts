// The journal side of the core: every event is journaled before it is applied, quotes in batches (the pending
// ones go in with the next other event, before a decision is acted on, at a snapshot, and on a short timer: a
// crash loses at most that much market data, never a decision); snapshots after enough events, on a timer and
// at stop; compaction of what the snapshots make unneeded, at most hourly and in steps.
import type { EngineEvent } from '../../shared/domain/events';
import { serializeState, type ReadonlyEngineState } from '../engine';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Store } from '../store';

export type JournalingDeps = {
  store: Store;
  state: ReadonlyEngineState;
  clock: Clock;
  logger: Logger;
  /** Where the restored journal ended, and how many events were replayed since the snapshot. */
  restored: { journalSeq: number; replayed: number };
  /** A snapshot after this many journaled events (default 200). */
  snapshotEvery?: number;
};

export type Journaling = ReturnType<typeof createJournaling>;

/** How long an applied quote may wait to be journaled. */
export const QUOTE_FLUSH_MS = 250;

export function createJournaling(deps: JournalingDeps) {
  const { store, state, clock } = deps;
  let journalSeq = deps.restored.journalSeq;
  /** Anything applied since the last snapshot (quotes too: they move peaks and MFE/MAE). */
  let changedSinceSnapshot = deps.restored.replayed > 0;
  let journaledSinceSnapshot = deps.restored.replayed;
  let pendingQuotes: EngineEvent[] = [];

  const flushQuotes = (): void => {
    if (pendingQuotes.length === 0) return;
    journalSeq = store.journal.appendMany(pendingQuotes);
    pendingQuotes = [];
  };

  const snapshot = (): void => {
    // The snapshot must cover every event applied, so the quotes applied so far are journaled first.
    flushQuotes();
    store.snapshots.save({ journalSeq, t: clock.now(), state: serializeState(state) });
    changedSinceSnapshot = false;
    journaledSinceSnapshot = 0;
  };

  return {
    flushQuotes,
    snapshot,
    /** Journals `event` (a quote: into the pending batch), before it is applied. */
    record(event: EngineEvent): void {
      changedSinceSnapshot = true;
      if (event.type === 'quote') {
        pendingQuotes.push(event);
        return;
      }
      journalSeq = store.journal.appendMany([...pendingQuotes, event]);
      pendingQuotes = [];
      if (event.type !== 'clock') journaledSinceSnapshot += 1;
    },
    /** After an applied event: a snapshot once enough events were journaled since the last one. */
    afterApply(): void {
      if (journaledSinceSnapshot >= (deps.snapshotEvery ?? 200)) snapshot();
    },
    /** On the snapshot timer. */
    snapshotIfChanged(): void {
      if (changedSinceSnapshot) snapshot();
    },
    compact: compaction(deps),
  };
}

/**
 * How much of the journal (in seqs) one compaction step reads: a step holds the thread for tens of milliseconds at
 * most (`npm run bench:store` reports the slowest), and quotes and decisions are handled between steps.
 */
export const COMPACTION_STEP_SEQS = 2_000;

/**
 * At most hourly: the journal behind the oldest snapshot and samples past the retention period go, in steps with
 * the event loop free between them; the first step runs at once. Stops at core stop (`compact.stop()`).
 */
function compaction({ store, clock, logger }: JournalingDeps): (() => void) & { stop(): void } {
  let compactedAt = Number.NEGATIVE_INFINITY;
  let running: NodeJS.Immediate | null = null;
  let stopped = false;
  const removed = { journal: 0, samples: 0 };
  const step = (): void => {
    running = null;
    if (stopped) return;
    const done = store.compact(clock.now(), COMPACTION_STEP_SEQS);
    removed.journal += done.journal;
    removed.samples += done.samples;
    if (done.more) {
      running = setImmediate(step);
      return;
    }
    if (removed.journal + removed.samples > 0) logger.info('compacted the database', { ...removed });
    removed.journal = 0;
    removed.samples = 0;
  };
  const compact = (): void => {
    if (stopped || running !== null || clock.now() - compactedAt < 3_600_000) return;
    compactedAt = clock.now();
    step();
  };
  return Object.assign(compact, {
    stop(): void {
      stopped = true;
      if (running !== null) clearImmediate(running);
    },
  });
}
