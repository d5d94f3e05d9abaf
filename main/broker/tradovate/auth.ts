// The trader's Tradovate login (docs/brokers/TRADOVATE.md section 2): one `auth/accesstokenrequest` with their
// API key, then `auth/renewaccesstoken` a few minutes before each expiry, on the injected clock. A failed renewal
// is retried with backoff while the token lasts; only once it has expired is there one fresh login, and never two
// within `minLoginIntervalMs`: logins are limited (about ten a minute) and each can end the trader's own
// platform session, so a loop of them would lock the trader out of their own account.
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { parseAuthAnswer, type AuthGrant } from './parse/answers';
import type { RestClient, RestOutcome } from './rest';

/** From the platform's Settings → API Access: `cid` is a number, `sec` its secret. */
export type TradovateCredentials = {
  name: string;
  password: string;
  appId: string;
  appVersion: string;
  cid: number;
  sec: string;
  deviceId?: string;
};

export type LoginFailure =
  | 'credentials'
  | 'approvalPending'
  | 'refused'
  | 'rateLimited'
  | 'captcha'
  | 'tooSoon'
  | 'unreadable'
  | 'network';

export type LoginResult = { ok: true; grant: AuthGrant } | { ok: false; reason: LoginFailure; error: string };

/** What listeners hear: a new token (by login or renewal), or that the login is gone and Warden stopped trying. */
export type AuthChange =
  { kind: 'token'; how: 'login' | 'renewal'; grant: AuthGrant } | { kind: 'expired'; error: string };

export type TradovateAuth = {
  login(credentials: TradovateCredentials): Promise<LoginResult>;
  renew(): Promise<LoginResult>;
  accessToken(): string | null;
  /** The market-data socket's token: the access token when Tradovate sent no separate one. */
  mdAccessToken(): string | null;
  grant(): AuthGrant | null;
  onChange(listener: (change: AuthChange) => void): () => void;
  stop(): void;
};

export type AuthOptions = {
  rest: RestClient;
  clock: Clock;
  logger: Logger;
  /** Renew this long before expiry (default 5 minutes). */
  renewMarginMs?: number;
  /** First wait after a failed renewal, doubled each time up to `renewRetryMaxMs` (defaults 15 s and 2 min). */
  renewRetryMs?: number;
  renewRetryMaxMs?: number;
  /** At most one login in this long (default 5 minutes). */
  minLoginIntervalMs?: number;
};

/** Said when Tradovate answers 401 to a login or right after one. */
export const APPROVAL_PENDING =
  'Tradovate has not let this login in yet: a second factor or a new-device approval is probably waiting. ' +
  'Approve it in Tradovate (app or e-mail), then connect again';

export function createTradovateAuth(options: AuthOptions): TradovateAuth {
  const { rest, clock, logger } = options;
  const renewMarginMs = options.renewMarginMs ?? 5 * 60_000;
  const renewRetryMs = options.renewRetryMs ?? 15_000;
  const renewRetryMaxMs = options.renewRetryMaxMs ?? 120_000;
  const minLoginIntervalMs = options.minLoginIntervalMs ?? 5 * 60_000;
  let current: AuthGrant | null = null;
  let credentials: TradovateCredentials | null = null;
  let lastLoginAt: number | null = null;
  let cancelTimer: (() => void) | undefined;
  let failedRenewals = 0;
  let stopped = false;
  let pending: Promise<LoginResult> | undefined;
  const listeners = new Set<(change: AuthChange) => void>();

  const tell = (change: AuthChange): void => {
    for (const listener of listeners) listener(change);
  };

  const schedule = (at: number, what: () => void): void => {
    cancelTimer?.();
    cancelTimer = stopped ? undefined : clock.setTimeout(what, Math.max(0, at - clock.now()));
  };

  const adopt = (grant: AuthGrant, how: 'login' | 'renewal'): void => {
    // A renewal that names no md token keeps the one the login gave.
    const mdAccessToken =
      grant.mdAccessToken ?? (how === 'renewal' ? (current?.mdAccessToken ?? null) : null);
    current = { ...grant, mdAccessToken };
    failedRenewals = 0;
    schedule(grant.expiresAt - renewMarginMs, () => void renew());
    logger.info('Tradovate token', { how, expiresAt: new Date(grant.expiresAt).toISOString() });
    tell({ kind: 'token', how, grant: current });
  };

  const doLogin = async (given: TradovateCredentials): Promise<LoginResult> => {
    const now = clock.now();
    if (lastLoginAt !== null && now - lastLoginAt < minLoginIntervalMs) {
      const seconds = Math.ceil((lastLoginAt + minLoginIntervalMs - now) / 1000);
      return {
        ok: false,
        reason: 'tooSoon',
        error: `Warden logged in to Tradovate moments ago; another login now could end your own platform session. Try again in ${seconds} s`,
      };
    }
    lastLoginAt = now;
    const result = loginResult(await rest.post('auth/accesstokenrequest', { ...given }, null));
    if (result.ok) adopt(result.grant, 'login');
    else logger.warn('Tradovate login failed', { reason: result.reason, error: result.error });
    return result;
  };

  /** The one login after the token expired: at the first moment the login spacing allows, then never again. */
  const loginAfterExpiry = (): void => {
    const allowedAt = lastLoginAt === null ? clock.now() : lastLoginAt + minLoginIntervalMs;
    schedule(allowedAt, () => {
      if (credentials === null) return;
      void single(() => doLogin(credentials as TradovateCredentials)).then((result) => {
        if (!result.ok) {
          current = null;
          tell({
            kind: 'expired',
            error: `the Tradovate login expired and logging in again failed: ${result.error}`,
          });
        }
      });
    });
  };

  const doRenew = async (): Promise<LoginResult> => {
    const token = current?.accessToken ?? null;
    if (token === null) return { ok: false, reason: 'refused', error: 'not logged in' };
    const result = loginResult(await rest.get('auth/renewaccesstoken', {}, token));
    if (result.ok) {
      adopt(result.grant, 'renewal');
      return result;
    }
    failedRenewals += 1;
    const expiresAt = current?.expiresAt ?? clock.now();
    logger.warn('Tradovate token renewal failed', { attempt: failedRenewals, error: result.error });
    if (result.reason === 'captcha') {
      // The API is closed for an hour: no renewal or login can succeed, and each try prolongs it.
      current = null;
      tell({ kind: 'expired', error: result.error });
    } else if (clock.now() >= expiresAt) loginAfterExpiry();
    else {
      const backoff = Math.min(renewRetryMs * 2 ** (failedRenewals - 1), renewRetryMaxMs);
      schedule(Math.min(clock.now() + backoff, expiresAt), () => void renew());
    }
    return result;
  };

  const renew = (): Promise<LoginResult> => {
    if (stopped) return Promise.resolve({ ok: false, reason: 'refused', error: 'stopped' });
    // Renewing an expired token cannot work: the one login takes its place.
    if (current !== null && clock.now() >= current.expiresAt && failedRenewals > 0) {
      loginAfterExpiry();
      return Promise.resolve({ ok: false, reason: 'refused', error: 'the token expired; logging in once' });
    }
    return single(doRenew);
  };

  /** One login or renewal at a time: callers meanwhile share its result. */
  function single(run: () => Promise<LoginResult>): Promise<LoginResult> {
    if (pending !== undefined) return pending;
    const started = run().finally(() => {
      if (pending === started) pending = undefined;
    });
    pending = started;
    return started;
  }

  return {
    login(given) {
      credentials = given;
      return single(() => doLogin(given));
    },
    renew,
    accessToken: () => current?.accessToken ?? null,
    mdAccessToken: () => (current === null ? null : (current.mdAccessToken ?? current.accessToken)),
    grant: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      stopped = true;
      cancelTimer?.();
      cancelTimer = undefined;
    },
  };
}

/** An auth answer as a grant, or the refusal in words the trader can act on. */
function loginResult(outcome: RestOutcome): LoginResult {
  switch (outcome.kind) {
    case 'ok': {
      const parsed = parseAuthAnswer(outcome.body);
      if (!parsed.ok) return { ok: false, reason: 'unreadable', error: parsed.error.message };
      return parsed.value.granted
        ? { ok: true, grant: parsed.value.grant }
        : explainRefusal(parsed.value.errorText);
    }
    case 'refused':
      return explainRefusal(outcome.errorText);
    case 'unauthorized':
      return { ok: false, reason: 'approvalPending', error: APPROVAL_PENDING };
    case 'rateLimited':
      return { ok: false, reason: 'rateLimited', error: outcome.error };
    case 'captcha':
      return { ok: false, reason: 'captcha', error: outcome.error };
    case 'failed':
      return { ok: false, reason: 'network', error: outcome.error };
  }
}

/** Tradovate's `errorText` in plain words (its texts are not documented: matched loosely, quoted always). */
export function explainRefusal(errorText: string): LoginResult & { ok: false } {
  const said = `(Tradovate said: "${errorText}")`;
  if (/password|incorrect|invalid (user|name|login|credential)/i.test(errorText))
    return { ok: false, reason: 'credentials', error: `Tradovate refused the user name or password ${said}` };
  if (/2fa|two.?factor|device|verif|approv|confirm/i.test(errorText))
    return { ok: false, reason: 'approvalPending', error: `${APPROVAL_PENDING} ${said}` };
  if (/\bcid\b|\bsec\b|app(lication)?\b|api key|api access/i.test(errorText))
    return {
      ok: false,
      reason: 'credentials',
      error: `Tradovate refused the API key: check the CID and secret in Settings → API Access ${said}`,
    };
  return { ok: false, reason: 'refused', error: `Tradovate refused the login ${said}` };
}
