// The credentials holder: whose credentials, which gateway URLs, and the REST client and session built from them.
// New credentials replace the session (and, with a new API URL, the REST client); the next connect uses them.
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { CredentialsInfo, ProjectXLogin } from '../types';
import type { ProjectXTiming } from './options';
import { createRateLimiter } from './rate-limiter';
import { createRestClient, type RestClient } from './rest-client';
import { createSession, type Credentials, type Session } from './session';

export const NO_CREDENTIALS =
  'not connected: no ProjectX credentials (enter them in Warden, or set WARDEN_PROJECTX_USERNAME and WARDEN_PROJECTX_API_KEY)';

export type CredentialsHolderOptions = {
  apiUrl: string;
  rtcUrl: string;
  credentials: Credentials | null;
  clock: Clock;
  logger: Logger;
  timing: ProjectXTiming;
  /** The session's token changed (refreshed): the hubs must reconnect with it. */
  tokenChanged(): void;
};

export type CredentialsHolder = {
  /** The session of the credentials now, built at first use; throws NO_CREDENTIALS without credentials. */
  session(): Session;
  /** A session that always acts through the one of the credentials now (for units built once). */
  readonly current: Session;
  /** The session already built, if any (one is not built for this). */
  built(): Session | null;
  hasCredentials(): boolean;
  rtcUrl(): string;
  replace(next: ProjectXLogin): void;
  info(): CredentialsInfo;
  /** Keeps a connection to the gateway's REST API open (while connected) or lets it go; kept across a new URL. */
  keepWarm(on: boolean): void;
  /** Ends the session's token refresh. */
  stop(): void;
};

export function createCredentialsHolder(options: CredentialsHolderOptions): CredentialsHolder {
  const { clock, logger, timing } = options;
  const limiter = createRateLimiter(clock, timing.rateLimit);
  const restClient = (baseUrl: string): RestClient =>
    createRestClient({
      baseUrl,
      limiter,
      logger,
      clock,
      timeoutMs: timing.requestTimeoutMs,
      backoffMs: timing.rateLimitBackoffMs,
      warmLineMinGapMs: timing.warmLineMinGapMs,
    });
  let { apiUrl, rtcUrl, credentials } = options;
  let rest = restClient(apiUrl);
  let session: Session | null = null;
  let warm = false;

  const currentSession = (): Session => {
    if (session !== null) return session;
    if (credentials === null) throw new Error(NO_CREDENTIALS);
    const fresh = createSession({
      rest,
      credentials,
      clock,
      logger,
      refreshMarginMs: timing.refreshMarginMs,
    });
    fresh.onTokenChanged(() => {
      options.tokenChanged();
    });
    session = fresh;
    return fresh;
  };
  const current: Session = {
    token: () => session?.token() ?? null,
    login: () => currentSession().login(),
    refresh: () => currentSession().refresh(),
    call: (endpoint, body) => currentSession().call(endpoint, body),
    onTokenChanged: () => undefined,
    stop: () => undefined,
  };

  return {
    session: currentSession,
    current,
    built: () => session,
    hasCredentials: () => credentials !== null,
    rtcUrl: () => rtcUrl,
    replace(next) {
      credentials = { userName: next.userName, apiKey: next.apiKey };
      if (next.apiUrl !== undefined && next.apiUrl !== apiUrl) {
        apiUrl = next.apiUrl;
        rest.keepWarm(false);
        rest = restClient(apiUrl);
        rest.keepWarm(warm);
      }
      if (next.rtcUrl !== undefined) rtcUrl = next.rtcUrl;
      session?.stop();
      session = null;
      logger.info('new credentials', { userName: next.userName, apiUrl, rtcUrl });
    },
    info: () => ({
      state: credentials === null ? 'missing' : 'stored',
      login:
        credentials === null ? null : { broker: 'projectx', userName: credentials.userName, apiUrl, rtcUrl },
    }),
    keepWarm(on) {
      warm = on;
      rest.keepWarm(on);
    },
    stop() {
      session?.stop();
    },
  };
}
