// The what-if's worker thread: replays the rows the host posts through the edited rules (tally.ts), tells how many
// it has done after each slice, and the result at the end. An error escapes to the host as the worker's error.
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThread } from '../platform/thread-priority';
import type { FromWorker, ToWorker } from './protocol';
import { createWhatIfTally, type WhatIfJob } from './tally';

// When the cores are busy, the live guard's thread is scheduled first (Linux; elsewhere this runs as any thread).
lowerThisThread();
const port = parentPort;
if (port === null) throw new Error('the what-if worker runs in a worker thread');
const tally = createWhatIfTally(workerData as WhatIfJob);
let done = 0;

const tell = (message: FromWorker) => {
  port.postMessage(message);
};

port.on('message', (message: ToWorker) => {
  if (message.kind === 'end') {
    tell({ kind: 'done', result: tally.result() });
    return;
  }
  for (const row of message.rows) tally.feed(row);
  done += message.rows.length;
  tell({ kind: 'progress', done });
});
