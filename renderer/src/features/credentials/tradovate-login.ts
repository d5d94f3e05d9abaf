// What the Tradovate login form sends: the trader's login and API key (CID as typed, digits), and either the
// environment (demo holds prop evaluations) or, for "Custom URLs", the three URLs and no environment.
import type { CommandArgs } from '../../../../shared/ipc';

export type TradovatePlace = 'demo' | 'live' | 'custom';

export const TRADOVATE_PLACES: readonly { value: TradovatePlace; label: string }[] = [
  { value: 'demo', label: 'Demo (prop evaluations)' },
  { value: 'live', label: 'Live' },
  { value: 'custom', label: 'Custom URLs' },
];

/** The app id Warden registers as unless the trader's API key was made for another. */
export const DEFAULT_APP_ID = 'Warden';

export type TradovateLoginFields = {
  userName: string;
  password: string;
  cid: string;
  secret: string;
  appId: string;
  place: TradovatePlace;
  apiUrl: string;
  wsUrl: string;
  mdUrl: string;
};

export const isTradovatePlace = (value: string): value is TradovatePlace =>
  TRADOVATE_PLACES.some((p) => p.value === value);

/** Every box the trader must fill is filled (the app id has its default). */
export function tradovateLoginComplete(f: TradovateLoginFields): boolean {
  const filled = [f.userName, f.cid, f.secret].every((v) => v.trim() !== '') && f.password !== '';
  const urls = f.place !== 'custom' || [f.apiUrl, f.wsUrl, f.mdUrl].every((v) => v.trim() !== '');
  return filled && urls;
}

/** The password goes as typed (spaces may belong to it); the rest trimmed. */
export function tradovateLogin(f: TradovateLoginFields): CommandArgs<'setCredentials'> {
  const login = {
    broker: 'tradovate' as const,
    userName: f.userName.trim(),
    password: f.password,
    appId: f.appId.trim() === '' ? DEFAULT_APP_ID : f.appId.trim(),
    cid: f.cid.trim(),
    secret: f.secret.trim(),
  };
  if (f.place !== 'custom') return { ...login, environment: f.place };
  return { ...login, apiUrl: f.apiUrl.trim(), wsUrl: f.wsUrl.trim(), mdUrl: f.mdUrl.trim() };
}
