// The socket's requests in flight: each gets its own id (0 is authorize's), its answer is matched by id whatever
// the order answers come in, its wait is bounded on the clock, and a penalty ticket is waited out and the same
// request sent again with the ticket a bounded number of times (docs/brokers/TRADOVATE.md section 3).
import type { Clock } from '../../../platform/clock';
import type { Logger } from '../../../platform/logger';
import { withTicket } from '../penalty';
import { encodeRequest, type Request, type ResponseMessage } from './frames';
import { rateLimited, readAnswer, type SocketFailure, type SocketOutcome } from './outcome';

export type RequestCall = {
  endpoint: string;
  query?: Request['query'];
  body?: Record<string, unknown>;
  timeoutMs: number;
};

export type Requests = {
  send(call: RequestCall): Promise<SocketOutcome>;
  /** An answer from the server; one for an id no longer waited for (it timed out) is logged and dropped. */
  answer(response: ResponseMessage & { id: number }): void;
  /** A 429 without a request id: the server did not say which request, so every one waiting backs off. */
  rateLimitedAll(): void;
  /** The socket is gone: every request waiting (or waiting out a penalty) ends with this. */
  endAll(failure: SocketFailure): void;
};

export type RequestsOptions = {
  clock: Clock;
  logger: Logger;
  /** Writes the text on the socket; false when it is not open. */
  transmit(text: string): boolean;
  maxPenaltyResends: number;
};

type Exchange = ResponseMessage | SocketFailure;
type Waiter = { endpoint: string; settle(result: Exchange): void };

export function createRequests(options: RequestsOptions): Requests {
  const { clock, logger } = options;
  const waiting = new Map<number, Waiter>();
  const sleepers = new Set<(failure: SocketFailure) => void>();
  let nextId = 1;
  let ended: SocketFailure | null = null;

  /** Sends once and waits for the answer with this request's id (or the timeout, or the end). */
  const exchange = (call: RequestCall, body: Record<string, unknown> | undefined): Promise<Exchange> => {
    if (ended !== null) return Promise.resolve(about(call.endpoint, ended));
    const id = nextId++;
    const text = encodeRequest({ endpoint: call.endpoint, id, query: call.query ?? '', body });
    return new Promise<Exchange>((resolve) => {
      let cancelTimer = (): void => undefined;
      const settle = (result: Exchange): void => {
        if (!waiting.delete(id)) return;
        cancelTimer();
        resolve(result);
      };
      waiting.set(id, { endpoint: call.endpoint, settle });
      cancelTimer = clock.setTimeout(() => {
        settle({ kind: 'timeout', error: `${call.endpoint}: no answer in ${call.timeoutMs} ms` });
      }, call.timeoutMs);
      if (!options.transmit(text))
        settle({ kind: 'closed', error: `${call.endpoint}: the socket is not open` });
    });
  };

  /** Waits on the clock; ends early with the socket's end. */
  const sleep = (ms: number): Promise<SocketFailure | null> =>
    new Promise((resolve) => {
      let cancelTimer = (): void => undefined;
      const wake = (failure: SocketFailure | null): void => {
        sleepers.delete(wake);
        cancelTimer();
        resolve(failure);
      };
      sleepers.add(wake);
      cancelTimer = clock.setTimeout(() => {
        wake(null);
      }, ms);
    });

  const send = async (call: RequestCall): Promise<SocketOutcome> => {
    let body = call.body;
    for (let resends = 0; ; resends += 1) {
      const exchanged = await exchange(call, body);
      if (exchanged.kind !== 'response') return exchanged;
      const reading = readAnswer(call.endpoint, exchanged.status, exchanged.payload);
      if (reading.kind !== 'penalty') return reading;
      if (resends >= options.maxPenaltyResends)
        return {
          kind: 'rate-limited',
          error: `${call.endpoint}: still penalised by Tradovate after ${resends} resends; back off`,
        };
      logger.warn('penalty ticket: waiting before sending again', {
        endpoint: call.endpoint,
        waitMs: reading.penalty.waitMs,
      });
      const interrupted = await sleep(reading.penalty.waitMs);
      if (interrupted !== null) return about(call.endpoint, interrupted);
      body = withTicket(body ?? {}, reading.penalty);
    }
  };

  return {
    send,
    answer(response) {
      const waiter = waiting.get(response.id);
      if (waiter === undefined) {
        logger.debug('answer for no request waiting', { id: response.id, status: response.status });
        return;
      }
      waiter.settle(response);
    },
    rateLimitedAll() {
      for (const waiter of [...waiting.values()]) waiter.settle(rateLimited(waiter.endpoint));
    },
    endAll(failure) {
      ended ??= failure;
      for (const waiter of [...waiting.values()]) waiter.settle(about(waiter.endpoint, failure));
      for (const wake of [...sleepers]) wake(failure);
    },
  };
}

/** The failure told about one request: "order/list: the socket closed (1000 bye)". */
function about(endpoint: string, failure: SocketFailure): SocketFailure {
  return { ...failure, error: `${endpoint}: ${failure.error}` };
}
