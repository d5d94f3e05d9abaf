// The what-if runs of the Rules screen (shared/ipc/what-if.ts). Each replays one account's journaled days in a
// worker thread, so live enforcement never waits on it: this thread only reads the journal in short slices
// (window.ts) and posts them, a few slices ahead of the worker at most. One run per account (a new one cancels the
// old); a cancelled run's worker is terminated; an ended run is forgotten some minutes later. Nothing a run meets
// (a bad row, a worker that dies) reaches the core: the run fails with the reason.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { WardenConfig } from '../../shared/config/schema';
import type { WhatIfStatus } from '../../shared/ipc/what-if';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { AccountEvents } from '../store';
import type { Known } from './known';
import type { FromWorker, ToWorker } from './protocol';
import type { WhatIfJob } from './tally';
import { accountWindow, countWindow, SLICE_SEQS, windowSlices, type AccountWindow } from './window';
import { whatIfWorkerFile } from './worker-file';

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
/** A worker's heap limit: a run that would outgrow it fails instead of swelling the app. */
const WORKER_HEAP_MB = 512;

type Run = {
  id: string;
  account: string;
  status: WhatIfStatus;
  worker: Worker | null;
  posted: number;
  done: number;
  total: number;
  /** Resumes reading once the worker has caught up (or the run ended). */
  wake: (() => void) | null;
};

export function createWhatIfRuns(deps: WhatIfRunsDeps): WhatIfRuns {
  const runs = new Map<string, Run>();
  const running = new Map<string, Run>();
  const forgetting = new Set<() => void>();
  const exits = new Set<Promise<void>>();
  const log = deps.logger;
  const aheadRows = deps.aheadRows ?? AHEAD_ROWS;
  const isRunning = (run: Run) => run.status.state === 'running';

  const end = (run: Run, status: WhatIfStatus): void => {
    if (!isRunning(run)) return;
    run.status = status;
    if (running.get(run.account) === run) running.delete(run.account);
    void run.worker?.terminate();
    run.worker = null;
    run.wake?.();
    const forget = deps.clock.setTimeout(() => {
      forgetting.delete(forget);
      runs.delete(run.id);
    }, deps.forgetAfterMs ?? FORGET_AFTER_MS);
    forgetting.add(forget);
  };
  const fail = (run: Run, error: string): void => {
    if (isRunning(run)) log.warn('what-if failed', { run: run.id, account: run.account, error });
    end(run, { state: 'failed', error });
  };

  const heard = (run: Run, message: FromWorker): void => {
    if (!isRunning(run)) return;
    if (message.kind === 'done') {
      end(run, { state: 'done', done: run.done, total: run.total, result: message.result });
      return;
    }
    run.done = message.done;
    run.status = { state: 'running', done: run.done, total: run.total };
    deps.onProgress?.(run.id, run.done, run.total);
    if (run.posted - run.done <= aheadRows) run.wake?.();
  };

  const spawn = (run: Run, job: WhatIfJob): Worker => {
    const worker = new Worker(deps.workerFile ?? whatIfWorkerFile(), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.on('message', (message: FromWorker) => {
      heard(run, message);
    });
    worker.on('error', (error) => {
      fail(run, `the what-if stopped: ${error.message}`);
    });
    const exited = new Promise<void>((resolve) => {
      worker.once('exit', (code) => {
        exits.delete(exited);
        fail(run, `the what-if stopped unexpectedly (its worker exited with code ${code})`);
        resolve();
      });
    });
    exits.add(exited);
    return worker;
  };

  const post = (run: Run, message: ToWorker) => {
    run.worker?.postMessage(message);
  };

  const pump = async (run: Run, window: AccountWindow): Promise<void> => {
    for await (const rows of windowSlices(deps.events, window, () => isRunning(run), deps.sliceSeqs)) {
      if (!isRunning(run)) return;
      post(run, { kind: 'rows', rows: rows.map(({ t, account, body }) => ({ t, account, body })) });
      run.posted += rows.length;
      while (isRunning(run) && run.posted - run.done > aheadRows)
        await new Promise<void>((resolve) => {
          run.wake = resolve;
        });
      run.wake = null;
    }
    if (isRunning(run)) post(run, { kind: 'end' });
  };

  const begin = async (run: Run, request: WhatIfRequest): Promise<void> => {
    deps.beforeRead?.();
    const window = accountWindow(deps.events, {
      account: request.account,
      days: request.days,
      session: request.document.session,
      now: deps.clock.now(),
      ...(deps.known === undefined ? {} : { known: deps.known(request.account) }),
    });
    const job: WhatIfJob = {
      account: request.account,
      document: request.document,
      firstDay: window.firstDay,
      days: request.days,
    };
    // The worker starts up while the rows are counted.
    run.worker = spawn(run, job);
    const total = await countWindow(deps.events, window, () => isRunning(run), deps.sliceSeqs);
    if (!isRunning(run)) return;
    run.total = total;
    run.status = { state: 'running', done: 0, total };
    void pump(run, window).catch((error: unknown) => {
      fail(run, `the journal could not be read: ${(error as Error).message}`);
    });
  };

  return {
    async start(request) {
      const previous = running.get(request.account);
      if (previous !== undefined) end(previous, { state: 'cancelled' });
      const run: Run = {
        id: randomUUID(),
        account: request.account,
        status: { state: 'running', done: 0, total: 0 },
        worker: null,
        posted: 0,
        done: 0,
        total: 0,
        wake: null,
      };
      runs.set(run.id, run);
      running.set(run.account, run);
      try {
        await begin(run, request);
      } catch (error) {
        fail(run, `the what-if could not start: ${(error as Error).message}`);
      }
      return { run: run.id, total: run.total };
    },
    status: (id) => runs.get(id)?.status ?? null,
    cancel(id) {
      const run = runs.get(id);
      if (run === undefined || !isRunning(run)) return false;
      end(run, { state: 'cancelled' });
      return true;
    },
    liveWorkers: () => exits.size,
    async stop() {
      for (const run of running.values()) end(run, { state: 'cancelled' });
      for (const forget of forgetting) forget();
      forgetting.clear();
      runs.clear();
      await Promise.all([...exits]);
    },
  };
}
