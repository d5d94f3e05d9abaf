// A group's figures (docs/RULES.md section 10): exact sums over its members' own metrics, recomputed each time from
// them (a group keeps no ledger of its own). Each figure is worked out when first read.
import type { GroupSettings } from '../../../shared/config/groups';
import { ZERO, type Dec } from '../../../shared/domain/money';
import { accountMetrics, type AccountMetrics } from '../metrics';
import type { ReadonlyAccountState, ReadonlyEngineState } from '../readonly';
import { exposuresOf } from '../rules/max-contracts';

export type GroupMetrics = {
  dailyNetPnl: Dec;
  dailyRealizedPnl: Dec;
  unrealizedPnl: Dec;
  /** Σ weighted contracts, working entry orders included (as maxContracts counts them with its orders). */
  openContracts: Dec;
};

/** The group's members the engine knows (has seen an event of), in config order. */
export function membersOf<A>(accounts: ReadonlyMap<string, A>, group: GroupSettings): A[] {
  const members: A[] = [];
  for (const id of group.accounts) {
    const account = accounts.get(id);
    if (account !== undefined) members.push(account);
  }
  return members;
}

/** The weighted contracts an account holds or could hold with its working orders. */
export function contractsOf(state: ReadonlyEngineState, account: ReadonlyAccountState): Dec {
  let total = ZERO;
  for (const exposure of exposuresOf(state, account, true)) total = total.plus(exposure.potential);
  return total;
}

export function groupMetrics(
  state: ReadonlyEngineState,
  members: readonly ReadonlyAccountState[],
): GroupMetrics {
  return new LazyGroupMetrics(state, members);
}

class LazyGroupMetrics implements GroupMetrics {
  #members: AccountMetrics[];
  #contracts: Dec | undefined;

  constructor(
    private readonly state: ReadonlyEngineState,
    private readonly members: readonly ReadonlyAccountState[],
  ) {
    this.#members = members.map((account) => accountMetrics(state, account));
  }

  #sum(pick: (m: AccountMetrics) => Dec): Dec {
    let total = ZERO;
    for (const m of this.#members) total = total.plus(pick(m));
    return total;
  }

  get dailyNetPnl() {
    return this.#sum((m) => m.dailyNetPnl);
  }
  get dailyRealizedPnl() {
    return this.#sum((m) => m.dailyRealizedPnl);
  }
  get unrealizedPnl() {
    return this.#sum((m) => m.unrealizedPnl);
  }
  get openContracts() {
    this.#contracts ??= this.members.reduce(
      (total, account) => total.plus(contractsOf(this.state, account)),
      ZERO,
    );
    return this.#contracts;
  }
}
