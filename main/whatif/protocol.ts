// The messages between the host's thread and a what-if worker: rows in (a slice at a time, then the end), the
// count of rows replayed so far and, at the end, the result out. The job itself is the worker's workerData.
import type { WhatIfResult } from '../../shared/ipc/what-if';
import type { JobRow } from './tally';

export type ToWorker = { kind: 'rows'; rows: JobRow[] } | { kind: 'end' };
export type FromWorker = { kind: 'progress'; done: number } | { kind: 'done'; result: WhatIfResult };
