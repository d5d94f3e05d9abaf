// Which of the trader's accounts the adapter follows: those the gateway listed at the last connect, less those
// it was told are excluded (the core decides which). What is subscribed, reconciled and reported derives from
// these two alone.
import type { Logger } from '../../platform/logger';
import type { BrokerAccount } from '../types';
import type { PxAccount } from './parse';

export type AccountSelection = {
  /** The gateway's listing at a connect: the link subscribes what is guarded of it. */
  list(accounts: readonly PxAccount[]): void;
  listed(): BrokerAccount[];
  /** Replaces what is excluded; events of a newly excluded account stop at once. */
  exclude(ids: ReadonlySet<string>): void;
  isExcluded(id: string): boolean;
  /** Listed at the last connect and not excluded: subscribed, reconciled and reported. */
  isGuarded(id: string): boolean;
  guardedIds(): string[];
};

export function createAccountSelection(logger: Logger): AccountSelection {
  let listing: readonly PxAccount[] = [];
  let excluded: ReadonlySet<string> = new Set();
  const guarded = () => listing.filter((account) => !excluded.has(account.id));
  return {
    list(accounts) {
      listing = accounts;
    },
    listed: () => listing.map((account) => ({ id: account.id, name: account.name ?? account.id })),
    exclude(ids) {
      excluded = new Set(ids);
      logger.info('account selection', { excluded: [...excluded] });
    },
    isExcluded: (id) => excluded.has(id),
    isGuarded: (id) => guarded().some((account) => account.id === id),
    guardedIds: () => guarded().map((account) => account.id),
  };
}
