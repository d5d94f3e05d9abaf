// One what-if run: its window of the journal opened and counted a slice at a time, its worker thread started, the
// rows posted a few slices ahead of the worker, its status as the worker reports it. It ends once (done, failed or
// cancelled); its worker is terminated then.
import { Worker } from 'node:worker_threads';
import type { WhatIfStatus } from '../../shared/ipc/what-if';
import type { FromWorker, ToWorker } from './protocol';
import type { WhatIfJob } from './tally';
import type { WhatIfRequest, WhatIfRunsDeps } from './runs';
import { countWindow, openWindow, windowSlices, type AccountWindow } from './window';
import { whatIfWorkerFile } from './worker-file';

export type WhatIfRun = {
  readonly id: string;
  readonly account: string;
  status(): WhatIfStatus;
  /** Ends the run with `status` (cancelled, failed) unless it has ended; its worker is terminated. */
  end(status: WhatIfStatus): void;
  /** Opens and counts its rows, then starts feeding its worker; resolves with the count. */
  begin(): Promise<number>;
};

type RunOptions = {
  id: string;
  request: WhatIfRequest;
  deps: WhatIfRunsDeps;
  aheadRows: number;
  /** Every worker's exit, until it has exited. */
  exits: Set<Promise<void>>;
  /** Told once, when the run ends. */
  ended(run: WhatIfRun): void;
};

/** A worker's heap limit: a run that would outgrow it fails instead of swelling the app. */
const WORKER_HEAP_MB = 512;

export function createRun(o: RunOptions): WhatIfRun {
  const { deps, request } = o;
  let status: WhatIfStatus = { state: 'running', done: 0, total: 0 };
  let worker: Worker | null = null;
  let posted = 0;
  let done = 0;
  let total = 0;
  /** Resumes reading once the worker has caught up (or the run ended). */
  let wake: (() => void) | null = null;
  const going = () => status.state === 'running';

  const run: WhatIfRun = {
    id: o.id,
    account: request.account,
    status: () => status,
    end(final) {
      if (!going()) return;
      if (final.state === 'failed')
        deps.logger.warn('what-if failed', { run: o.id, account: request.account, error: final.error });
      status = final;
      void worker?.terminate();
      worker = null;
      wake?.();
      o.ended(run);
    },
    async begin() {
      deps.beforeRead?.();
      const window = await openWindow(deps.events, windowRequest(deps, request), going, deps.sliceSeqs);
      if (!going()) return 0;
      // The worker starts up while the rows are counted.
      worker = spawn({
        account: request.account,
        document: request.document,
        firstDay: window.firstDay,
        days: request.days,
      });
      total = await countWindow(deps.events, window, going, deps.sliceSeqs);
      if (!going()) return total;
      status = { state: 'running', done: 0, total };
      void pump(window).catch((error: unknown) => {
        run.end({ state: 'failed', error: `the journal could not be read: ${(error as Error).message}` });
      });
      return total;
    },
  };

  const heard = (message: FromWorker): void => {
    if (!going()) return;
    if (message.kind === 'done') {
      run.end({ state: 'done', done, total, result: message.result });
      return;
    }
    done = message.done;
    status = { state: 'running', done, total };
    deps.onProgress?.(o.id, done, total);
    if (posted - done <= o.aheadRows) wake?.();
  };

  const spawn = (job: WhatIfJob): Worker => {
    const started = new Worker(deps.workerFile ?? whatIfWorkerFile(), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    started.on('message', heard);
    started.on('error', (error) => {
      run.end({ state: 'failed', error: `the what-if stopped: ${error.message}` });
    });
    const exited = new Promise<void>((resolve) => {
      started.once('exit', (code) => {
        o.exits.delete(exited);
        run.end({
          state: 'failed',
          error: `the what-if stopped unexpectedly (its worker exited with code ${code})`,
        });
        resolve();
      });
    });
    o.exits.add(exited);
    return started;
  };

  const post = (message: ToWorker) => {
    worker?.postMessage(message);
  };

  const pump = async (window: AccountWindow): Promise<void> => {
    for await (const rows of windowSlices(deps.events, window, going, deps.sliceSeqs)) {
      post({ kind: 'rows', rows });
      posted += rows.length;
      while (going() && posted - done > o.aheadRows)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      wake = null;
    }
    if (going()) post({ kind: 'end' });
  };

  return run;
}

function windowRequest(deps: WhatIfRunsDeps, request: WhatIfRequest) {
  return {
    account: request.account,
    days: request.days,
    session: request.document.session,
    now: deps.clock.now(),
    ...(deps.known === undefined ? {} : { known: deps.known(request.account) }),
  };
}
