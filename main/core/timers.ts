// The core's timers, started and stopped as one: the clock tick (time passes in a quiet market too: day rolls,
// countdowns, and the UI hears from the core every second), the quote flush, snapshots with compaction, and
// the equity sampling for the charts.
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { HistoryRecorder } from './history-recorder';
import { QUOTE_FLUSH_MS, type Journaling } from './journaling';

export type TimerDeps = {
  clock: Clock;
  logger: Logger;
  /**
   * Runs a clock event through the pipeline. Clock events are journaled like any other (a restart replays the
   * same rolls and timers) and their decisions carried out (a grace period or a trading-hours flatten falls due
   * on a tick, not on a quote).
   */
  tick(t: number): void;
  journaling: Pick<Journaling, 'flushQuotes' | 'snapshotIfChanged' | 'compact'>;
  recorder: Pick<HistoryRecorder, 'sampleEquity'>;
  /** An equity sample per account this often (default 10 s). */
  sampleEveryMs?: number;
};

export const TICK_MS = 1000;
export const SNAPSHOT_EVERY_MS = 30_000;

/** Starts every timer; returns `stopTimers`, which stops them all. */
export function startTimers(deps: TimerDeps): () => void {
  const { clock, journaling } = deps;
  const stops = [
    clock.setInterval(() => {
      deps.tick(clock.now());
    }, TICK_MS),
    clock.setInterval(() => {
      journaling.flushQuotes();
    }, QUOTE_FLUSH_MS),
    clock.setInterval(() => {
      journaling.snapshotIfChanged();
      journaling.compact();
    }, SNAPSHOT_EVERY_MS),
    clock.setInterval(() => {
      sampleEquity(deps);
    }, deps.sampleEveryMs ?? 10_000),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

function sampleEquity(deps: TimerDeps): void {
  try {
    deps.recorder.sampleEquity();
  } catch (error) {
    deps.logger.error('equity sample not recorded', { reason: (error as Error).message });
  }
}
