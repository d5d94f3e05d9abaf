// Each ProjectX endpoint has its own errorCode enum (docs/brokers/PROJECTX.md sections 1.2, 1.4, 2.8 to 2.11): the same number
// means different things on different endpoints, so every refusal is told in words for its endpoint.

const CODES: Record<string, Record<number, string>> = {
  'Auth/loginKey': {
    1: 'user not found',
    2: 'password verification failed',
    3: 'invalid credentials (check the user name and API key)',
    4: 'app not found',
    5: 'app verification failed',
    6: 'invalid device',
    7: 'agreements not signed: log into the platform and accept them',
    8: 'unknown error',
    9: 'no API subscription: the ProjectX API add-on must be bought and linked to the profile',
    10: 'API key authentication is disabled',
  },
  'Auth/validate': {
    1: 'invalid session',
    2: 'session not found',
    3: 'token expired',
    4: 'unknown error',
  },
  'Position/closeContract': {
    1: 'account not found',
    2: 'no open position on that contract',
    3: 'contract not found',
    4: 'contract not active',
    5: 'order rejected (market closed, halted, or no price)',
    6: 'an order is pending',
    7: 'unknown error',
    8: 'account rejected (the API cannot close on this account)',
  },
  'Position/partialCloseContract': {
    1: 'account not found',
    2: 'no open position on that contract',
    3: 'contract not found',
    4: 'contract not active',
    5: 'invalid close size',
    6: 'order rejected (market closed, halted, or no price)',
    7: 'an order is pending',
    8: 'unknown error',
    9: 'account rejected (the API cannot close on this account)',
  },
  'Order/cancel': {
    1: 'account not found',
    2: 'order not found',
    3: 'cancel rejected',
    4: 'the order is pending',
    5: 'unknown error',
    6: 'account rejected (live or follower accounts cannot cancel through the API)',
  },
  'Position/searchOpen': { 1: 'account not found' },
  'Order/searchOpen': { 1: 'account not found' },
  'Order/search': { 1: 'account not found' },
  'Trade/search': { 1: 'account not found' },
  'Contract/searchById': { 1: 'contract not found' },
};

/** "invalid credentials (…)" for a known code; the broker's own message is added when it sent one. */
export function describeError(endpoint: string, code: number, message: string | null | undefined): string {
  const known = CODES[endpoint]?.[code];
  const words = known ?? `error code ${code}`;
  const said = message === null || message === undefined || message === '' ? '' : `: ${message}`;
  return `${endpoint} refused: ${words}${said}`;
}
