// The what-if runs of the Rules screen (shared/ipc/what-if.ts). Each replays one account's journaled days in a
// worker thread, so live enforcement never waits on it: this thread only reads the journal in short slices
// (window.ts) and posts them, a few slices ahead of the worker at most. One run per account (a new one cancels the
// old); a cancelled run's worker is terminated; an ended run is forgotten some minutes later. Nothing a run meets
// (a bad row, a worker that dies) reaches the core: the run fails with the reason.
import { randomUUID } from 'node:crypto';
import type { WardenConfig } from '../../shared/config/schema';
import type { WhatIfStatus } from '../../shared/ipc/what-if';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { AccountEvents } from '../store';
import type { Known } from './known';
import { createRun, type WhatIfRun } from './run';
import { SLICE_SEQS } from './window';

export type WhatIfRunsDeps = {
  events: AccountEvents;
  clock: Clock;
  logger: Logger;
  /** Called before a run reads the journal: rows still pending (batched quotes) go in first. */
  beforeRead?: () => void;
  /** What Warden knows of an account beyond the journal (its engine state, the round trips kept). */
  known?: (account: string) => Known;
  /** The worker's file (default: whatIfWorkerFile()). */
  workerFile?: URL;
  /** How long an ended run's status is kept (default 5 minutes). */
  forgetAfterMs?: number;
  /** Journal seqs read per slice, and how many rows may wait in the worker before reading pauses. */
  sliceSeqs?: number;
  aheadRows?: number;
  /** Hears each run's progress as the worker reports it. */
  onProgress?: (run: string, done: number, total: number) => void;
};

export type WhatIfRequest = { account: string; days: number; document: WardenConfig };

export type WhatIfRuns = {
  /** Starts a run (cancelling the account's running one); answers once its rows are counted. */
  start(request: WhatIfRequest): Promise<{ run: string; total: number }>;
  /** Null for a run never started or already forgotten. */
  status(run: string): WhatIfStatus | null;
  /** False when the run is unknown or has already ended. */
  cancel(run: string): boolean;
  /** Worker threads that have not exited yet. */
  liveWorkers(): number;
  /** Cancels every run and waits for their workers to exit. */
  stop(): Promise<void>;
};

export const FORGET_AFTER_MS = 5 * 60_000;
/** The same in words, for the trader asking after a run that is gone. */
export const forgottenAfter = '5 minutes';
/** Rows posted to a worker and not yet replayed, beyond which reading waits for it. */
const AHEAD_ROWS = 4 * SLICE_SEQS;

export function createWhatIfRuns(deps: WhatIfRunsDeps): WhatIfRuns {
  const runs = new Map<string, WhatIfRun>();
  const running = new Map<string, WhatIfRun>();
  const forgetting = new Set<() => void>();
  const exits = new Set<Promise<void>>();

  /** An ended run leaves the account free and is forgotten later. */
  const ended = (run: WhatIfRun): void => {
    if (running.get(run.account) === run) running.delete(run.account);
    const forget = deps.clock.setTimeout(() => {
      forgetting.delete(forget);
      runs.delete(run.id);
    }, deps.forgetAfterMs ?? FORGET_AFTER_MS);
    forgetting.add(forget);
  };

  return {
    async start(request) {
      running.get(request.account)?.end({ state: 'cancelled' });
      const run = createRun({
        id: randomUUID(),
        request,
        deps,
        aheadRows: deps.aheadRows ?? AHEAD_ROWS,
        exits,
        ended,
      });
      runs.set(run.id, run);
      running.set(run.account, run);
      let total = 0;
      try {
        total = await run.begin();
      } catch (error) {
        run.end({ state: 'failed', error: `the what-if could not start: ${(error as Error).message}` });
      }
      return { run: run.id, total };
    },
    status: (id) => runs.get(id)?.status() ?? null,
    cancel(id) {
      const run = runs.get(id);
      if (run === undefined || run.status().state !== 'running') return false;
      run.end({ state: 'cancelled' });
      return true;
    },
    liveWorkers: () => exits.size,
    async stop() {
      for (const run of [...running.values()]) run.end({ state: 'cancelled' });
      for (const forget of forgetting) forget();
      forgetting.clear();
      runs.clear();
      await Promise.all([...exits]);
    },
  };
}
