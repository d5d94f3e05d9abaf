// The worker thread of thread-priority-child.ts: lowers itself twice and says its id and what each call answered.
// A worker thread has a module loader of its own, so it registers tsx before importing the TypeScript.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { lowerThisThread } = await import('../../../main/platform/thread-priority.ts');
const { ownThread } = await import('../../helpers/threads.ts');
parentPort.postMessage({ thread: ownThread(), first: lowerThisThread(), second: lowerThisThread() });
