// Whose login a broker uses and where, in a line: "Logged in as trader on demo", "… on TopstepX", or the REST URL
// when it is not a known place.
import type { LoginInUse } from '../../../../shared/ipc';
import { ENVIRONMENTS } from './environments';

export function loginInUseText(login: LoginInUse): string {
  return `Logged in as ${login.userName} ${where(login)}`;
}

function where(login: LoginInUse): string {
  if (login.broker === 'tradovate')
    return login.environment === 'custom' ? `at ${login.apiUrl}` : `on ${login.environment}`;
  const known = ENVIRONMENTS.find((e) => e.apiUrl === login.apiUrl && e.rtcUrl === login.rtcUrl);
  return known === undefined ? `at ${login.apiUrl}` : `on ${known.label}`;
}
