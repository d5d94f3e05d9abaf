// The bench's fake broker, on its own thread and event loop as a remote broker would be: starts the case's fake
// gateway, says where it listens, then carries out the main thread's requests one by one. For the confirming quote
// it stamps the moment just before the frame goes out and the moment A's first enforcement call has been read.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { startBenchGateway, type BenchGateway, type CallListener } from './gateways';
import type { Confirmed, GatewayMessage, GatewayRequest, GatewayWorkerData, Tally } from './protocol';

function parent(): MessagePort {
  if (parentPort === null) throw new Error('gateway-thread.ts runs as a worker thread');
  return parentPort;
}
const port = parent();
const post = (message: GatewayMessage) => port.postMessage(message);

/** Sends a quote (stamped just before); resolves when the gateway has read the first call `listen` hears after it. */
function timed(listen: (listener: CallListener) => void, send: () => void): Promise<Confirmed> {
  return new Promise((resolve) => {
    let sentAt = 0n;
    listen((endpoint, readAt) => {
      listen(() => undefined);
      resolve({ sentAt: String(sentAt), readAt: String(readAt), endpoint });
    });
    sentAt = process.hrtime.bigint();
    send();
  });
}

/** The confirming quote, until the gateway has read the first enforcement call for A after it. */
const confirm = (gateway: BenchGateway) =>
  timed(
    (listener) => gateway.onEnforcement(listener),
    () => gateway.quote('breach'),
  );

/** The floor's quote, until the gateway has read the floor client's call. */
function floor(gateway: BenchGateway): Promise<Confirmed> {
  const { floor } = gateway;
  if (floor === null) return Promise.reject(new Error('this gateway has no floor'));
  return timed(
    (listener) => floor.onCall(listener),
    () => floor.quote(),
  );
}

async function carryOut(
  gateway: BenchGateway,
  request: GatewayRequest,
): Promise<Confirmed | Tally | undefined> {
  switch (request.op) {
    case 'fill':
      gateway.fill(request.trader, request.side, request.qty);
      return undefined;
    case 'quote':
      gateway.quote(request.level);
      return undefined;
    case 'confirm':
      return confirm(gateway);
    case 'floor':
      return floor(gateway);
    case 'tally':
      return gateway.tally();
    case 'stop':
      await gateway.stop();
      return undefined;
  }
}

async function serve(): Promise<void> {
  const { case: which } = workerData as GatewayWorkerData;
  const gateway = await startBenchGateway(which);
  port.on('message', (message: { id: number } & GatewayRequest) => {
    carryOut(gateway, message).then(
      (value) =>
        post(value === undefined ? { id: message.id, ok: true } : { id: message.id, ok: true, value }),
      (error: unknown) => post({ id: message.id, ok: false, error: String(error) }),
    );
  });
  post({ ready: gateway.address, accounts: gateway.accounts });
}

serve().catch((error: unknown) =>
  post({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
