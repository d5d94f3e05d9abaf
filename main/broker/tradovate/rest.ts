// One request to Tradovate's REST API (docs/brokers/TRADOVATE.md): JSON in and out with the Bearer token, a
// timeout on the injected clock, and every outcome told apart, because Tradovate answers a refusal with HTTP 200
// and `errorText`, a throttle with HTTP 429 (possibly a long lockout: never retried here) and a penalty with
// HTTP 200 and `p-ticket`, which is honoured here: wait `p-time`, send the same request with the ticket, a few
// times at most. Connections are kept alive (../json-request.ts).
import type { Clock } from '../../platform/clock';
import { errorText } from '../error-text';
import { requestJson, type JsonAnswer } from '../json-request';
import type { Logger } from '../../platform/logger';
import { errorTextOf } from './parse/answers';
import { CAPTCHA_CLOSED, penaltyOf, withTicket, type Penalty } from './penalty';

export type RestOutcome =
  | { kind: 'ok'; body: unknown }
  /** HTTP 200 with `errorText`: Tradovate read the request and said no. */
  | { kind: 'refused'; errorText: string }
  | { kind: 'unauthorized' }
  /** HTTP 429, or penalties past what Warden waits for: back off hard, the account may be locked out. */
  | { kind: 'rateLimited'; error: string; retryAfterMs: number | null }
  /** A captcha penalty: the API is closed to Warden for about an hour. */
  | { kind: 'captcha'; error: string }
  /** `uncertain`: the request may have been carried out (no answer in time, a 5xx, a reset). */
  | { kind: 'failed'; error: string; uncertain: boolean };

export type RestClient = {
  get(endpoint: string, query: Record<string, string>, token: string | null): Promise<RestOutcome>;
  post(endpoint: string, body: Record<string, unknown>, token: string | null): Promise<RestOutcome>;
};

export type RestClientOptions = {
  /** `https://demo.tradovateapi.com/v1` */
  baseUrl: string;
  clock: Clock;
  logger: Logger;
  timeoutMs?: number;
  /** Penalised answers honoured in a row before giving up (default 3). */
  maxTickets?: number;
  /** A longer `p-time` is not waited inside a request: it is a rate-limited outcome (default 2 minutes). */
  maxPenaltyWaitMs?: number;
};

type Request = {
  method: 'GET' | 'POST';
  endpoint: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
};

export function createRestClient(options: RestClientOptions): RestClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const { clock, logger } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxTickets = options.maxTickets ?? 3;
  const maxPenaltyWaitMs = options.maxPenaltyWaitMs ?? 120_000;

  const once = async (request: Request, token: string | null): Promise<Answer> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const search = new URLSearchParams(request.query).toString();
    const url = `${base}/${request.endpoint}${search === '' ? '' : `?${search}`}`;
    const abort = new AbortController();
    const cancelTimeout = clock.setTimeout(() => {
      abort.abort();
    }, timeoutMs);
    try {
      const response = await requestJson({
        method: request.method,
        url,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: abort.signal,
      });
      return read(request.endpoint, response);
    } catch (error) {
      if (abort.signal.aborted) return done(failed(request.endpoint, `no answer in ${timeoutMs} ms`, true));
      const code = (error as NodeJS.ErrnoException).code;
      return done(failed(request.endpoint, `network error: ${errorText(error)}`, code !== 'ECONNREFUSED'));
    } finally {
      cancelTimeout();
    }
  };

  const send = async (first: Request, token: string | null): Promise<RestOutcome> => {
    let request = first;
    for (let tickets = 0; ; tickets += 1) {
      const reply = await once(request, token);
      if (!reply.answered) return reply.outcome;
      const answer = reply.json;
      const penalty = penaltyOf(answer);
      if (penalty === null) {
        const refusal = errorTextOf(answer);
        return refusal === null ? { kind: 'ok', body: answer } : { kind: 'refused', errorText: refusal };
      }
      if (penalty.captcha) {
        logger.error('Tradovate closed its API (captcha penalty)', { endpoint: request.endpoint });
        return { kind: 'captcha', error: CAPTCHA_CLOSED };
      }
      if (tickets >= maxTickets || penalty.waitMs > maxPenaltyWaitMs)
        return {
          kind: 'rateLimited',
          error: `${request.endpoint}: Tradovate asked to wait ${penalty.waitMs / 1000} s (penalty ${tickets + 1})`,
          retryAfterMs: penalty.waitMs,
        };
      logger.warn('penalty ticket: waiting before sending again', {
        endpoint: request.endpoint,
        waitMs: penalty.waitMs,
      });
      await sleep(clock, penalty.waitMs);
      request = ticketed(request, penalty);
    }
  };

  return {
    get: (endpoint, query, token) => send({ method: 'GET', endpoint, query }, token),
    post: (endpoint, body, token) => send({ method: 'POST', endpoint, query: {}, body }, token),
  };
}

/** The same request carrying the ticket: in the body, or for a GET (which has none) in the query (unverified). */
function ticketed(request: Request, penalty: Penalty): Request {
  if (request.body !== undefined) return { ...request, body: withTicket(request.body, penalty) };
  return { ...request, query: { ...request.query, 'p-ticket': penalty.ticket } };
}

/** A 200 answer's JSON (still to be checked for a penalty and a refusal), or what any other answer means. */
type Answer = { answered: true; json: unknown } | { answered: false; outcome: RestOutcome };

const done = (outcome: RestOutcome): Answer => ({ answered: false, outcome });

function read(endpoint: string, response: JsonAnswer): Answer {
  if (response.status === 401) return done({ kind: 'unauthorized' });
  if (response.status === 429) {
    const seconds = Number(response.header('retry-after') ?? Number.NaN);
    return done({
      kind: 'rateLimited',
      error: `${endpoint}: rate limited by Tradovate (HTTP 429)`,
      retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null,
    });
  }
  if (response.status >= 500) return done(failed(endpoint, `Tradovate error HTTP ${response.status}`, true));
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch (error) {
    if (response.status !== 200) return done(failed(endpoint, `HTTP ${response.status}`, false));
    return done(failed(endpoint, `the answer is not JSON (${errorText(error)})`, true));
  }
  if (response.status === 200) return { answered: true, json };
  const refusal = errorTextOf(json);
  return done(
    refusal === null
      ? failed(endpoint, `HTTP ${response.status}`, false)
      : { kind: 'refused', errorText: refusal },
  );
}

function failed(endpoint: string, reason: string, uncertain: boolean): RestOutcome {
  return { kind: 'failed', error: `${endpoint}: ${reason}`, uncertain };
}

function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    clock.setTimeout(resolve, ms);
  });
}
