// One POST to the ProjectX REST API (docs/brokers/PROJECTX.md section 2.1): rate limited, 429 backed off and retried (the
// gateway did not act on it), the envelope checked, and every other outcome told apart, so that a caller never
// mistakes "no answer" for "refused": a mutating call that timed out may have happened.
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { onConnectionClosed, openConnections, requestJson, type JsonAnswer } from '../json-request';
import { createWarmLine } from '../warm-line';
import { describeError } from './errors';
import type { RateLimiter } from './rate-limiter';
import { errorText } from '../error-text';

export type RestOutcome =
  | { kind: 'ok'; body: Record<string, unknown> }
  | { kind: 'refused'; code: number; error: string }
  | { kind: 'unauthorized' }
  /** `uncertain`: the request may have reached the gateway and been carried out (timeout, 5xx, reset). */
  | { kind: 'failed'; error: string; uncertain: boolean };

export type RestClient = {
  post(endpoint: string, body: unknown, token: string | null): Promise<RestOutcome>;
  /**
   * While on, a connection to the gateway is kept open (warm-line.ts), reopened with `GET /api/Status/ping`
   * when the last one closes, so that a command never waits for a connection of its own.
   */
  keepWarm(on: boolean): void;
};

export type RestClientOptions = {
  baseUrl: string;
  limiter: RateLimiter;
  logger: Logger;
  clock: Clock;
  timeoutMs?: number;
  /** 429 answers in a row before giving up; the wait doubles from `backoffMs`. */
  maxRateLimitRetries?: number;
  backoffMs?: number;
  /** See ProjectXTiming (options.ts). */
  warmLineMinGapMs?: number;
};

const envelope = z.looseObject({
  success: z.boolean(),
  errorCode: z.number().int(),
  errorMessage: z.string().nullish(),
});

export function createRestClient(options: RestClientOptions): RestClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log = options.logger;

  const once = async (
    endpoint: string,
    body: unknown,
    token: string | null,
  ): Promise<JsonAnswer | RestOutcome> => {
    await options.limiter.acquire();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    // A controller and a timer of our own: on node 20, called every half second, AbortSignal.timeout took 0.06 to
    // 0.1 ms (once 1.6 ms), these 0.02 to 0.035 ms (docs/ARCHITECTURE.md, "Breach to broker").
    const abort = new AbortController();
    const timer = setTimeout(() => {
      abort.abort();
    }, timeoutMs);
    timer.unref();
    try {
      return await requestJson({
        method: 'POST',
        url: `${base}/api/${endpoint}`,
        headers,
        body: JSON.stringify(body ?? {}),
        signal: abort.signal,
      });
    } catch (error) {
      const timedOut = abort.signal.aborted;
      const refusedConnection = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
      const reason = timedOut ? `no answer in ${timeoutMs} ms` : `network error: ${errorText(error)}`;
      return { kind: 'failed', error: `${endpoint}: ${reason}`, uncertain: !refusedConnection };
    } finally {
      clearTimeout(timer);
    }
  };

  const post = async (endpoint: string, body: unknown, token: string | null): Promise<RestOutcome> => {
    const retries = options.maxRateLimitRetries ?? 5;
    for (let attempt = 0; ; attempt += 1) {
      const response = await once(endpoint, body, token);
      if ('kind' in response) return response;
      if (response.status === 429 && attempt < retries) {
        const wait = retryAfterMs(response) ?? (options.backoffMs ?? 1000) * 2 ** attempt;
        log.warn('rate limited by the gateway; backing off', { endpoint, waitMs: wait });
        options.limiter.pause(wait);
        continue;
      }
      return read(endpoint, response);
    }
  };

  const pingUrl = `${base}/api/Status/ping`;
  /**
   * Whatever the gateway answers, the connection is open; but a 429 asks for fewer requests, so it counts as no
   * answer and the next ping waits longer. The ping takes no turn a command may need.
   */
  const ping = async (): Promise<boolean> => {
    if (!options.limiter.spare()) return false;
    try {
      const answer = await requestJson({
        method: 'GET',
        url: pingUrl,
        headers: {},
        signal: AbortSignal.timeout(timeoutMs),
      });
      return answer.status !== 429;
    } catch (error) {
      log.debug('the keep-warm ping failed', { error: errorText(error) });
      return false;
    }
  };
  const line = createWarmLine({
    connections: {
      open: () => openConnections(pingUrl),
      onClosed: (listener) => onConnectionClosed(pingUrl, listener),
    },
    ping,
    clock: options.clock,
    logger: log,
    ...(options.warmLineMinGapMs === undefined ? {} : { minGapMs: options.warmLineMinGapMs }),
  });

  return {
    post,
    keepWarm: (on) => {
      line.hold(on);
    },
  };
}

function read(endpoint: string, response: JsonAnswer): RestOutcome {
  if (response.status === 401) return { kind: 'unauthorized' };
  if (response.status === 429)
    return { kind: 'failed', error: `${endpoint}: still rate limited (HTTP 429)`, uncertain: false };
  if (response.status >= 500)
    return { kind: 'failed', error: `${endpoint}: gateway error HTTP ${response.status}`, uncertain: true };
  if (response.status !== 200)
    return { kind: 'failed', error: `${endpoint}: HTTP ${response.status}`, uncertain: false };
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch (error) {
    return {
      kind: 'failed',
      error: `${endpoint}: the answer is not JSON (${errorText(error)})`,
      uncertain: true,
    };
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success)
    return { kind: 'failed', error: `${endpoint}: the answer has no envelope`, uncertain: true };
  const { success, errorCode, errorMessage } = parsed.data;
  if (!success || errorCode !== 0)
    return { kind: 'refused', code: errorCode, error: describeError(endpoint, errorCode, errorMessage) };
  return { kind: 'ok', body: parsed.data };
}

function retryAfterMs(response: JsonAnswer): number | undefined {
  const header = response.header('retry-after');
  if (header === undefined) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 120_000) : undefined;
}

export { errorText };
