// The checkpointer's thread (main/store/checkpoints.ts starts it): a second connection to the Warden database that
// copies the write-ahead log into the file on a timer, so the copy and its two disk flushes never run on the thread
// that journals and decides. Plain CommonJS, so it starts the same from the sources, a bundle and the desktop host
// without a TypeScript loader.
//
// workerData: { file, nativeBinding?, everyMs, stopped: Int32Array over a SharedArrayBuffer }.
// To the parent: { kind: 'ready' } once open; { kind: 'failed', reason } when a checkpoint throws (the thread goes
// on); { kind: 'unavailable', reason } when it cannot open the database (the thread ends).
// From the parent: 'stop': closes its connection, sets stopped[0] to 1 and wakes the parent, which waits on it.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

const { file, nativeBinding, everyMs, stopped } = workerData;

function stoppedNow() {
  Atomics.store(stopped, 0, 1);
  Atomics.notify(stopped, 0);
}

// The copy runs below the main thread, which journals and decides: nice 10, as main/platform/thread-priority.ts
// sets V8's helper threads (this file runs without a TypeScript loader, so it cannot import that one). Linux only.
function lowerThisThread() {
  try {
    const thread = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    const os = require('node:os');
    if (Number.isInteger(thread) && thread !== process.pid && os.getPriority(thread) < 10)
      os.setPriority(thread, 10);
  } catch {
    // Not Linux, or not allowed: the thread runs as any other.
  }
}

function open() {
  try {
    const Database = require('better-sqlite3');
    // Never waits on a lock: a checkpoint that finds one busy copies what it can and tries again next time.
    return new Database(file, {
      fileMustExist: true,
      timeout: 0,
      ...(nativeBinding === undefined ? {} : { nativeBinding }),
    });
  } catch (error) {
    parentPort.postMessage({ kind: 'unavailable', reason: error.message });
    return null;
  }
}

lowerThisThread();
const db = open();
if (db === null) {
  stoppedNow();
} else {
  // Its own commit (below) flushes only the log's header, as the core's connection (synchronous=NORMAL) would. A
  // checkpoint flushes the log before its copy and the file after it.
  db.pragma('synchronous = NORMAL');
  // Changes when another connection has committed: a quiet store is neither copied nor written.
  const commitsByOthers = db.prepare('PRAGMA data_version').pluck();
  // PASSIVE: copies the frames no reader still needs, waiting on nobody.
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  // Once every frame is in the file, the next commit writes the log from its start again and flushes the log's new
  // header inside that commit (a millisecond or two on a laptop disk). This worker makes that commit itself, at
  // once, so that a journal write on the main thread does not pay for it.
  const restartLog = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('checkpointedAt', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  let seen = commitsByOthers.get();
  const timer = setInterval(() => {
    try {
      const version = commitsByOthers.get();
      if (version === seen) return;
      seen = version;
      const copied = checkpoint.get();
      if (copied.log === 0 || copied.checkpointed !== copied.log) return;
    } catch (error) {
      parentPort.postMessage({ kind: 'failed', reason: error.message });
      return;
    }
    try {
      restartLog.run(new Date().toISOString());
    } catch {
      // The main connection holds the write lock (this connection never waits): its commit restarts the log.
    }
  }, everyMs);
  parentPort.on('message', (message) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    try {
      db.close();
    } finally {
      stoppedNow();
      parentPort.close();
    }
  });
  parentPort.postMessage({ kind: 'ready' });
}
