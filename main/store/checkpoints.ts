// Moves SQLite's checkpoints off the thread that journals and decides. By default SQLite copies the write-ahead log
// into the file inside whichever commit crosses 1,000 pages, with two disk flushes: a few milliseconds that a breach
// arriving then would wait for. Here a worker thread (checkpoint-worker.cjs) does it on its own connection each
// second in which the main one committed, then restarts the log with a commit of its own, and the main connection
// stops checkpointing once that worker is open. Should the worker not start, or stop, the main connection
// checkpoints again as SQLite does by default, and the log says why (docs/ARCHITECTURE.md, "No disk flush on the
// thread that decides").
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../platform/logger';

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 1000;
/** SQLite's own default: the main connection checkpoints when a commit takes the log past this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;
/** At stop, how long the main thread waits for the worker to close its connection. */
const STOP_WAIT_MS = 2000;

export type CheckpointerState = 'starting' | 'worker' | 'main thread';

export type Checkpointer = {
  /** Who checkpoints now: the worker once it is open, else the main connection. */
  state(): CheckpointerState;
  /** Resolves once the worker is open (true) or has failed to start (false). */
  readonly ready: Promise<boolean>;
  /** Closes the worker's connection (waiting for it, at most 2 s), so the main connection closes last. */
  stop(): void;
};

type FromWorker =
  { kind: 'ready' } | { kind: 'failed'; reason: string } | { kind: 'unavailable'; reason: string };

/** The worker's file: beside this module in the sources, beside the bundle in a build (the build copies it there). */
export function checkpointWorkerFile(base: string = import.meta.url): string {
  return fileURLToPath(new URL('checkpoint-worker.cjs', base));
}

export function startCheckpoints(
  db: Database.Database,
  file: string,
  options: { logger: Logger; nativeBinding?: string; everyMs?: number; workerFile?: string },
): Checkpointer {
  const { logger } = options;
  const stopped = new Int32Array(new SharedArrayBuffer(4));
  let state: CheckpointerState = 'starting';
  let ending = false;
  let toldFailure = false;
  let settle: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => {
    settle = resolve;
  });

  const backToMainThread = (reason: string): void => {
    const was = state;
    state = 'main thread';
    settle(false);
    if (ending || !db.open) return;
    if (was === 'worker') db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    logger.warn('checkpoints run on the main thread: the checkpoint worker is not running', {
      file,
      reason,
    });
  };

  const worker = new Worker(options.workerFile ?? checkpointWorkerFile(), {
    workerData: {
      file,
      nativeBinding: options.nativeBinding,
      everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS,
      stopped,
    },
  });
  worker.unref();
  worker.on('message', (message: FromWorker) => {
    switch (message.kind) {
      case 'ready':
        // Not after its thread has already been seen to fail (its error and this message take different ports).
        if (ending || !db.open || state === 'main thread') return;
        db.pragma('wal_autocheckpoint = 0');
        state = 'worker';
        settle(true);
        return;
      case 'unavailable':
        backToMainThread(message.reason);
        return;
      case 'failed':
        if (toldFailure) return;
        toldFailure = true;
        logger.warn('a checkpoint failed; the worker tries again each second', {
          file,
          reason: message.reason,
        });
        return;
    }
  });
  worker.on('error', (error) => {
    backToMainThread(error.message);
  });
  worker.on('exit', (code) => {
    if (state !== 'main thread') backToMainThread(`its thread ended (code ${code})`);
  });

  return {
    state: () => state,
    ready,
    stop(): void {
      if (ending) return;
      ending = true;
      if (state === 'main thread') return;
      worker.postMessage('stop');
      Atomics.wait(stopped, 0, 0, STOP_WAIT_MS);
    },
  };
}
