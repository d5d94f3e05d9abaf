// The main thread's end of the gateway thread: starts it, waits for its hello, and sends requests that resolve with
// its answers (or reject with its error, or after a deadline, naming the request).
import { Worker } from 'node:worker_threads';
import type {
  BenchCase,
  Confirmed,
  GatewayAnswer,
  GatewayHello,
  GatewayMessage,
  GatewayRequest,
  GatewayWorkerData,
  Tally,
} from './protocol';

export type GatewayLink = GatewayHello & {
  send(request: GatewayRequest): Promise<void>;
  confirm(): Promise<Confirmed>;
  /** The floor's quote until its call was read (ProjectX). */
  floor(): Promise<Confirmed>;
  tally(): Promise<Tally>;
  /** Stops the gateway, then the thread. */
  stop(): Promise<void>;
};

const DEADLINE_MS = 15_000;

type Pending = Map<number, (answer: GatewayAnswer) => void>;

/** The thread's hello; every later message is an answer, handed to the request waiting for it. */
function helloFrom(worker: Worker, pending: Pending): Promise<GatewayHello> {
  return new Promise<GatewayHello>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: GatewayMessage) => {
      if ('ready' in message) resolve(message);
      else if ('failed' in message) reject(new Error(`the gateway thread did not start: ${message.failed}`));
      else pending.get(message.id)?.(message);
    });
  });
}

export async function startGatewayThread(file: string, which: BenchCase): Promise<GatewayLink> {
  const data: GatewayWorkerData = { case: which };
  const worker = new Worker(file, { workerData: data });
  const pending: Pending = new Map();
  let nextId = 1;
  const hello = await helloFrom(worker, pending);

  const request = (body: GatewayRequest): Promise<unknown> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the gateway did not answer '${body.op}' in ${DEADLINE_MS} ms`));
      }, DEADLINE_MS);
      pending.set(id, (answer) => {
        clearTimeout(timer);
        pending.delete(id);
        if (answer.ok) resolve(answer.value);
        else reject(new Error(`gateway '${body.op}': ${answer.error}`));
      });
      worker.postMessage({ id, ...body });
    });
  };

  return {
    ...hello,
    send: async (body) => {
      await request(body);
    },
    confirm: async () => (await request({ op: 'confirm' })) as Confirmed,
    floor: async () => (await request({ op: 'floor' })) as Confirmed,
    tally: async () => (await request({ op: 'tally' })) as Tally,
    async stop() {
      await request({ op: 'stop' });
      await worker.terminate();
    },
  };
}
