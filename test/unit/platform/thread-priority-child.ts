// Run by thread-priority.test.ts in a process of its own (so the test runner's threads are left alone): lowers the
// background threads, then has a worker thread lower itself, and prints on stdout what Linux then reports.
import { Worker } from 'node:worker_threads';
import { lowerBackgroundThreads, lowerThisThread } from '../../../main/platform/thread-priority';
import { niceOf, threadNices } from '../../helpers/threads';

const before = Object.fromEntries(threadNices());
const lowered = lowerBackgroundThreads();
const after = Object.fromEntries(threadNices());
const fromMain = lowerThisThread();
const worker = new Worker(new URL('./thread-priority-worker.mjs', import.meta.url));
worker.once('message', (answer: { thread: number; first: boolean; second: boolean }) => {
  const seen = { ...answer, nice: niceOf(answer.thread), mainNice: niceOf(process.pid) };
  process.stdout.write(JSON.stringify({ pid: process.pid, before, lowered, after, fromMain, worker: seen }));
  void worker.terminate();
});
