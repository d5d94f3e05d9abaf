// brokerLock: the broker reports the account cannot trade → halted until the broker allows trading again
// (reported as flatten; the decision is the alert). apply lifts the lock when the broker reports canTrade.
import type { Rule } from './types';

export const brokerLock: Rule<'brokerLock'> = {
  id: 'brokerLock',
  triggers: ['account'],
  evaluate({ account, settings }) {
    if (account.canTrade || account.locks.some((lock) => lock.until === 'brokerAllows')) return [];
    return [
      {
        kind: 'breach',
        message: 'the broker reports the account cannot trade',
        lock: { state: settings.lockState, until: 'brokerAllows' },
      },
    ];
  },
};
