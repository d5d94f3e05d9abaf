// Rebuilds the engine at start: the latest snapshot, then every journaled event after it (docs/ARCHITECTURE.md
// section 3, "Journal before apply": restart = the latest snapshot + the journal since).
import {
  apply,
  createEngineState,
  deserializeState,
  startEngine,
  type Engine,
  type EngineConfig,
} from '../engine';
import type { Logger } from '../platform/logger';
import type { Store } from '../store';

/** The engine, started over its restored state; where the journal ended and how many events were replayed. */
export type Restored = { engine: Engine; journalSeq: number; replayed: number };

export function restoreEngine(store: Store, config: EngineConfig, logger: Logger): Restored {
  let state = createEngineState(config);
  let journalSeq = 0;
  // The journal is compacted behind the oldest kept snapshot, so an unreadable one falls back to the next older.
  for (let n = 0, snapshot = store.snapshots.nth(0); snapshot !== null; snapshot = store.snapshots.nth(++n)) {
    try {
      state = deserializeState(snapshot.state, config);
      journalSeq = snapshot.journalSeq;
      break;
    } catch (error) {
      logger.error('engine snapshot unreadable; trying an older one', {
        journalSeq: snapshot.journalSeq,
        reason: (error as Error).message,
      });
    }
  }
  let replayed = 0;
  for (;;) {
    const batch = store.journal.readAfter(journalSeq, 5000);
    if (batch.length === 0) break;
    for (const entry of batch) {
      apply(state, entry.event);
      journalSeq = entry.seq;
      replayed += 1;
    }
  }
  return { engine: startEngine(state), journalSeq, replayed };
}
