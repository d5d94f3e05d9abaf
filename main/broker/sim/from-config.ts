// What the simulator takes from the trader's config (docs/API.md section 7): every account with a
// `startingBalance` (id = its key, name = its `name`), and the copiers of the groups, so that the demo copies a
// leader's trades to its followers. With no such account, the one default account.
import type { WardenConfig } from '../../../shared/config/schema';
import { dec } from '../../../shared/domain/money';
import { DEFAULT_ACCOUNT_ID, DEFAULT_ACCOUNT_NAME, type SimAccountSpec } from './state';

/** A leader and the accounts that copy its trades, all of them simulated accounts. */
export type SimCopier = { leader: string; followers: string[] };

/** The simulator's part of the config: its accounts (empty: the default one) and the group copiers. */
export type SimSetup = { accounts: SimAccountSpec[]; copiers: SimCopier[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every account of the config with a startingBalance, in the config's order. */
export function simAccountsOf(config: Pick<WardenConfig, 'accounts'>): SimAccountSpec[] {
  return Object.entries(config.accounts).flatMap(([id, account]) => {
    if (account.startingBalance === undefined) return [];
    const name = account.name ?? (id === DEFAULT_ACCOUNT_ID ? DEFAULT_ACCOUNT_NAME : id);
    return [{ id, name, startingBalance: dec(account.startingBalance) }];
  });
}

/**
 * The copiers of the config's groups (`groups: { id: { accounts, copier: { leader } } }`), read defensively: a
 * group is used when its leader is a simulated member; its followers are its other simulated members. An account
 * follows one leader only, the first group's (in config order) that lists it.
 */
export function simCopiersOf(config: unknown, simulated: readonly string[]): SimCopier[] {
  const groups = isRecord(config) ? config['groups'] : undefined;
  if (!isRecord(groups)) return [];
  const known = new Set(simulated);
  const following = new Set<string>();
  const copiers: SimCopier[] = [];
  for (const group of Object.values(groups)) {
    if (!isRecord(group) || !isRecord(group['copier']) || !Array.isArray(group['accounts'])) continue;
    const leader = group['copier']['leader'];
    const members = group['accounts'].filter((a): a is string => typeof a === 'string');
    if (typeof leader !== 'string' || !known.has(leader) || !members.includes(leader)) continue;
    const followers = members.filter((a) => a !== leader && known.has(a) && !following.has(a));
    for (const follower of followers) following.add(follower);
    if (followers.length > 0) copiers.push({ leader, followers });
  }
  return copiers;
}

/** The simulator's accounts and copiers from a validated config. */
export function simSetupOf(config: WardenConfig): SimSetup {
  const accounts = simAccountsOf(config);
  return {
    accounts,
    copiers: simCopiersOf(
      config,
      accounts.map((a) => a.id),
    ),
  };
}
