// The authenticated session (docs/brokers/PROJECTX.md section 1): API-key login, the token refreshed before it expires
// (Auth/validate, falling back to a fresh login), and every REST call made with the current token, re-logging
// in once on a 401 (the gateway did not act on a call it refused as unauthorized, so one retry is safe).
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { RestClient, RestOutcome } from './rest-client';

export type Credentials = { userName: string; apiKey: string };

export type LoginResult = { ok: true } | { ok: false; error: string; badCredentials: boolean };

export type Session = {
  /** The token to use now (null before the first login). */
  token(): string | null;
  login(): Promise<LoginResult>;
  /** A new token by Auth/validate, or by a new login when validate fails. */
  refresh(): Promise<LoginResult>;
  call(endpoint: string, body: unknown): Promise<RestOutcome>;
  /** Told after every token change but the first login's (the hubs rebuild their URLs). */
  onTokenChanged(listener: () => void): void;
  stop(): void;
};

export type SessionOptions = {
  rest: RestClient;
  credentials: Credentials;
  clock: Clock;
  logger: Logger;
  /** Refresh this long before the token's expiry (default 30 minutes). */
  refreshMarginMs?: number;
};

/** Sessions last 24 hours (section 1.4); a token whose expiry cannot be read is assumed to be that old. */
const DEFAULT_LIFETIME_MS = 24 * 3_600_000;
const MIN_REFRESH_DELAY_MS = 1000;
/** Login codes that no retry can fix: the trader must change the credentials or the account. */
const CREDENTIAL_CODES = new Set([1, 2, 3, 7, 9, 10]);

export function createSession(options: SessionOptions): Session {
  const { rest, clock, logger } = options;
  let token: string | null = null;
  let cancelRefresh: (() => void) | undefined;
  let pending: Promise<LoginResult> | undefined;
  let stopped = false;
  const listeners: (() => void)[] = [];

  const adopt = (fresh: string, how: string): void => {
    const first = token === null;
    token = fresh;
    const expiresAt = jwtExpiry(fresh) ?? clock.now() + DEFAULT_LIFETIME_MS;
    const delay = Math.max(
      MIN_REFRESH_DELAY_MS,
      expiresAt - clock.now() - (options.refreshMarginMs ?? 1_800_000),
    );
    cancelRefresh?.();
    cancelRefresh = clock.setTimeout(() => {
      void refresh();
    }, delay);
    logger.info('session token', { how, refreshInMs: delay });
    if (!first) for (const listener of listeners) listener();
  };

  const doLogin = async (): Promise<LoginResult> => {
    const outcome = await rest.post('Auth/loginKey', options.credentials, null);
    if (outcome.kind === 'ok' && typeof outcome.body.token === 'string' && outcome.body.token !== '') {
      adopt(outcome.body.token, 'login');
      return { ok: true };
    }
    if (outcome.kind === 'refused')
      return { ok: false, error: outcome.error, badCredentials: CREDENTIAL_CODES.has(outcome.code) };
    if (outcome.kind === 'ok')
      return { ok: false, error: 'Auth/loginKey answered without a token', badCredentials: false };
    if (outcome.kind === 'unauthorized')
      return { ok: false, error: 'Auth/loginKey: HTTP 401', badCredentials: true };
    return { ok: false, error: outcome.error, badCredentials: false };
  };
  const login = (): Promise<LoginResult> => single(doLogin);

  const refresh = (): Promise<LoginResult> => {
    if (stopped) return Promise.resolve({ ok: false, error: 'stopped', badCredentials: false });
    return single(async () => {
      const outcome = token === null ? null : await rest.post('Auth/validate', {}, token);
      if (outcome?.kind === 'ok') {
        const fresh = outcome.body.newToken;
        adopt(typeof fresh === 'string' && fresh !== '' ? fresh : (token ?? ''), 'validate');
        return { ok: true };
      }
      logger.info('token validation failed; logging in again', {
        reason:
          outcome === null
            ? 'no token'
            : outcome.kind === 'refused' || outcome.kind === 'failed'
              ? outcome.error
              : outcome.kind,
      });
      return doLogin();
    });
  };

  /** One login or refresh at a time: callers that arrive meanwhile share its result. */
  function single(run: () => Promise<LoginResult>): Promise<LoginResult> {
    if (pending !== undefined) return pending;
    const started = run().finally(() => {
      if (pending === started) pending = undefined;
    });
    pending = started;
    return started;
  }

  return {
    token: () => token,
    login,
    refresh,
    async call(endpoint, body) {
      const first = await rest.post(endpoint, body, token);
      if (first.kind !== 'unauthorized') return first;
      logger.info('token refused; renewing the session', { endpoint });
      const renewed = await refresh();
      if (!renewed.ok)
        return {
          kind: 'failed',
          error: `${endpoint}: session expired and ${renewed.error}`,
          uncertain: false,
        };
      return rest.post(endpoint, body, token);
    },
    onTokenChanged(listener) {
      listeners.push(listener);
    },
    stop() {
      stopped = true;
      cancelRefresh?.();
    },
  };
}

/** The `exp` claim of a JWT in epoch ms, when the token is one. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
