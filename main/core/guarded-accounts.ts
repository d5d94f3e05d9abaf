// Which accounts Warden guards, decided here alone: those the host's environment excludes for good (fixed:
// WARDEN_PROJECTX_EXCLUDE) and those the trader chose to leave alone, kept in the store's meta values so a
// restart keeps the choice. The broker is told the whole excluded set, at once and on every change, and only
// subscribes to the rest; it never answers which are guarded.
import type { BrokerAccountView } from '../../shared/ipc';
import type { AccountSelectable } from '../broker/types';
import type { Meta } from '../store';

const KEY = 'broker.excludedAccounts';

export type GuardedAccounts = {
  isGuarded(id: string): boolean;
  /** Every excluded account, the fixed and the chosen ones, sorted. */
  excluded(): string[];
  /** Excluded by the environment: not changeable in the app. */
  fixed(id: string): boolean;
  /**
   * The trader's choice of excluded accounts, replacing the previous one (ids also fixed are left to the
   * environment): kept, and handed to the broker with the fixed ones.
   */
  save(ids: readonly string[]): void;
  /** Every account the broker lists, and whether Warden guards it; undefined for a broker without a choice. */
  listed(): BrokerAccountView[] | undefined;
};

export type GuardedAccountsDeps = {
  meta: Meta;
  /** Excluded by the environment. */
  fixedExcluded?: readonly string[];
  broker: Partial<AccountSelectable>;
};

export function createGuardedAccounts(deps: GuardedAccountsDeps): GuardedAccounts {
  const { broker } = deps;
  return isSelectable(broker) ? chosenByTheTrader(deps, broker) : everyAccountGuarded();
}

function isSelectable(broker: Partial<AccountSelectable>): broker is AccountSelectable {
  return broker.setExcluded !== undefined && broker.accountsListed !== undefined;
}

/** Hands the broker the whole excluded set before anything else happens (it must not subscribe to those). */
function chosenByTheTrader(deps: GuardedAccountsDeps, broker: AccountSelectable): GuardedAccounts {
  const fixed = new Set(deps.fixedExcluded);
  let chosen = readChoice(deps.meta);
  const excluded = () => new Set([...fixed, ...chosen]);
  const isGuarded = (id: string) => !fixed.has(id) && !chosen.has(id);
  broker.setExcluded(excluded());
  return {
    isGuarded,
    excluded: () => [...excluded()].sort(),
    fixed: (id) => fixed.has(id),
    save(ids) {
      chosen = new Set(ids.filter((id) => !fixed.has(id)));
      deps.meta.set(KEY, JSON.stringify([...chosen].sort()));
      broker.setExcluded(excluded());
    },
    listed: () =>
      broker
        .accountsListed()
        .map(({ id, name }) => ({ id, name, guarded: isGuarded(id), fixed: fixed.has(id) })),
  };
}

/** A broker whose accounts cannot be chosen (the simulator): Warden guards every one. */
function everyAccountGuarded(): GuardedAccounts {
  return {
    isGuarded: () => true,
    excluded: () => [],
    fixed: () => false,
    save: () => undefined,
    listed: () => undefined,
  };
}

/** The stored choice; a value that is not a list of ids reads as "none excluded" (the safe side). */
function readChoice(meta: Meta): Set<string> {
  const text = meta.get(KEY);
  if (text === null) return new Set();
  try {
    const value: unknown = JSON.parse(text);
    return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}
