// One request of Warden's to Tradovate (docs/brokers/TRADOVATE.md section 7): over the user socket when it is up,
// else over REST (a flatten must not wait for a reconnect). A request refused for its token (401) was not carried
// out: the token is replaced and the request sent once more over REST with the new one. Requests refused together
// share one replacement: Tradovate limits token calls, and each replacement rebuilds the link.
import type { Logger } from '../../platform/logger';
import type { TradovateAuth, TradovateCredentials } from './auth';
import { replaceToken } from './link';
import type { RestClient, RestOutcome } from './rest';
import type { SocketOutcome } from './wire/outcome';
import type { TradovateSocket } from './wire/socket';

export type RequestDeps = {
  auth: TradovateAuth;
  credentials: TradovateCredentials;
  logger: Logger;
  rest: RestClient;
  /** The user socket when it is up. */
  socket(): TradovateSocket | null;
  /** A new token replaced the refused one: the link is rebuilt on it. */
  replaced(): void;
};

export type Request = (endpoint: string, body: Record<string, unknown>) => Promise<SocketOutcome>;

export function createRequest(deps: RequestDeps): Request {
  const { auth, rest } = deps;
  const tokenAfter = createTokenRefusal(deps);

  const once = (endpoint: string, body: Record<string, unknown>, token: string | null) => {
    const socket = deps.socket();
    if (socket !== null) return socket.request(endpoint, undefined, body);
    return rest.post(endpoint, body, token).then(asSocketOutcome);
  };

  return async (endpoint, body) => {
    const used = auth.accessToken();
    const first = await once(endpoint, body, used);
    if (first.kind !== 'refused' || first.status !== 401) return first;
    const token = await tokenAfter(used, endpoint);
    if (token === null) return first;
    return asSocketOutcome(await rest.post(endpoint, body, token));
  };
}

/**
 * The token to send a request again with after `used` was refused, or null when none better could be had. A
 * token already replaced since `used` was sent is not replaced again (a second 401 coming back after the first
 * one's renewal), and a replacement under way is waited for.
 */
function createTokenRefusal(
  deps: RequestDeps,
): (used: string | null, endpoint: string) => Promise<string | null> {
  const { auth, logger } = deps;
  let replacing: Promise<void> | null = null;

  /** Renewal, else one login (never a loop: auth.ts). */
  const replace = async (endpoint: string): Promise<void> => {
    const refused = auth.accessToken();
    logger.warn('Tradovate refused the token; replacing it', { endpoint });
    await replaceToken(deps);
    const token = auth.accessToken();
    if (token !== null && token !== refused) deps.replaced();
  };

  return async (used, endpoint) => {
    if (auth.accessToken() === used) {
      replacing ??= replace(endpoint).finally(() => {
        replacing = null;
      });
      await replacing;
    }
    const token = auth.accessToken();
    return token === null || token === used ? null : token;
  };
}

function asSocketOutcome(outcome: RestOutcome): SocketOutcome {
  switch (outcome.kind) {
    case 'ok':
      return { kind: 'ok', payload: outcome.body };
    case 'refused':
      return { kind: 'ok', payload: { errorText: outcome.errorText } };
    case 'unauthorized':
      return { kind: 'refused', status: 401, error: 'Tradovate refused the token (401)' };
    case 'rateLimited':
      return { kind: 'rate-limited', error: outcome.error };
    case 'captcha':
      return { kind: 'captcha', error: outcome.error };
    case 'failed':
      return outcome.uncertain
        ? { kind: 'timeout', error: outcome.error }
        : { kind: 'refused', status: 0, error: outcome.error };
  }
}
