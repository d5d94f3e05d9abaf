// Where a Tradovate login connects: the demo environment (where prop evaluations live) or live, each with its three
// URLs (docs/brokers/TRADOVATE.md section 1), any of them overridden by the environment variables of docs/API.md
// section 2 or by URLs entered with the login. A login from the environment variables needs all five of its values.
import { withoutUndefined } from '../../../shared/domain/without-undefined';
import type { TradovateLogin } from '../types';
import type { TradovateUrls } from './options';

export type TradovateEnvironmentName = 'demo' | 'live';

export const ENVIRONMENT_URLS: Record<TradovateEnvironmentName, TradovateUrls> = {
  demo: {
    api: 'https://demo.tradovateapi.com/v1',
    ws: 'wss://demo.tradovateapi.com/v1/websocket',
    md: 'wss://md.tradovateapi.com/v1/websocket',
  },
  live: {
    api: 'https://live.tradovateapi.com/v1',
    ws: 'wss://live.tradovateapi.com/v1/websocket',
    md: 'wss://md.tradovateapi.com/v1/websocket',
  },
};

/** URLs that override an environment's, each optional. */
export type UrlOverrides = { apiUrl?: string; wsUrl?: string; mdUrl?: string };

/** What WARDEN_TRADOVATE_* say: the environment, URL overrides, and a login when all of its values are set. */
export type TradovateSetting = {
  environment: TradovateEnvironmentName;
  overrides: UrlOverrides;
  login: TradovateLogin | null;
  /** What is wrong with the variables (a bad environment, a cid that is not a number, a login half set). */
  problems: string[];
};

const LOGIN_VARIABLES = [
  'WARDEN_TRADOVATE_USERNAME',
  'WARDEN_TRADOVATE_PASSWORD',
  'WARDEN_TRADOVATE_CID',
  'WARDEN_TRADOVATE_SECRET',
] as const;

export function tradovateEnvironment(env: NodeJS.ProcessEnv = process.env): TradovateSetting {
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const problems: string[] = [];
  const named = text('WARDEN_TRADOVATE_ENV') ?? 'demo';
  let environment: TradovateEnvironmentName = 'demo';
  if (named === 'demo' || named === 'live') environment = named;
  else problems.push(`WARDEN_TRADOVATE_ENV must be demo or live, got ${named}: using demo`);
  const overrides = withoutUndefined({
    apiUrl: text('WARDEN_TRADOVATE_API_URL'),
    wsUrl: text('WARDEN_TRADOVATE_WS_URL'),
    mdUrl: text('WARDEN_TRADOVATE_MD_URL'),
  }) as UrlOverrides;
  const set = LOGIN_VARIABLES.filter((name) => text(name) !== undefined);
  let login: TradovateLogin | null = null;
  if (set.length > 0 && set.length < LOGIN_VARIABLES.length)
    problems.push(
      `a Tradovate login from the environment needs ${LOGIN_VARIABLES.join(', ')}; missing: ${LOGIN_VARIABLES.filter((n) => !set.includes(n)).join(', ')}`,
    );
  else if (set.length === LOGIN_VARIABLES.length) {
    const cid = Number(text('WARDEN_TRADOVATE_CID'));
    if (!Number.isInteger(cid) || cid <= 0)
      problems.push(
        'WARDEN_TRADOVATE_CID must be the whole number shown as CID in Tradovate → Settings → API Access',
      );
    else
      login = {
        broker: 'tradovate',
        userName: text('WARDEN_TRADOVATE_USERNAME') ?? '',
        password: text('WARDEN_TRADOVATE_PASSWORD') ?? '',
        appId: text('WARDEN_TRADOVATE_APP_ID') ?? 'Warden',
        appVersion: '1.0',
        cid,
        secret: text('WARDEN_TRADOVATE_SECRET') ?? '',
        environment,
        ...overrides,
      };
  }
  return { environment, overrides, login, problems };
}

/** The URLs a login connects to, and what to call them ('custom' when any differs from its environment's). */
export function urlsOf(
  environment: TradovateEnvironmentName,
  overrides: UrlOverrides,
): { urls: TradovateUrls; named: TradovateEnvironmentName | 'custom' } {
  const base = ENVIRONMENT_URLS[environment];
  const urls = {
    api: overrides.apiUrl ?? base.api,
    ws: overrides.wsUrl ?? base.ws,
    md: overrides.mdUrl ?? base.md,
  };
  const same = urls.api === base.api && urls.ws === base.ws && urls.md === base.md;
  return { urls, named: same ? environment : 'custom' };
}
