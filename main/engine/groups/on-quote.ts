// Groups on a quote (the hot path). A quote moves prices, not positions, so per group only what it can change is
// run: groupDailyLoss when a member holds the symbol and either a member holding it was evaluated exactly or the
// members' summed equity left the group's band; the copier's hedge and missed-copy timers when one ran out; the
// leader's halt when the leader was judged on this quote or a group locked it. When time alone changed something
// (a roll, a lock's end), everything is run.
import type { QuoteEvent } from '../../../shared/domain/events';
import type { Decision } from '../decisions';
import type { AccountState, EngineState } from '../state';
import { groupScopes, runGroups, type GroupScope } from './evaluate';
import { copierDueBy, groupQuoteChangesNothing } from './guard';

/** Returns the members a group decision locked: their guards are rebuilt by the caller, with the accounts'. */
export function evaluateGroupsOnQuote(
  state: EngineState,
  event: QuoteEvent,
  evaluated: readonly AccountState[],
  timed: boolean,
  out: Decision[],
  made?: () => void,
): ReadonlySet<AccountState> {
  const scopes = groupScopes(state);
  let priced: Set<GroupScope> | null = null;
  let anything = timed;
  for (const scope of scopes) {
    const { members, groupState } = scope;
    const copier = scope.group.copier;
    if (copier !== null && !anything)
      anything =
        copierDueBy(groupState, event.t) || evaluated.some((account) => account.id === copier.leader);
    if (!members.some((member) => member.positions.has(event.symbol))) continue;
    if (
      timed ||
      members.some((member) => evaluated.includes(member)) ||
      !groupQuoteChangesNothing(groupState, members, event.t)
    )
      (priced ??= new Set()).add(scope);
  }
  // The common case on a busy market: nothing a group watches can have changed.
  if (!anything && priced === null) return nothingLocked;
  const judged = priced ?? nothingPriced;
  return runGroups(
    state,
    event,
    scopes,
    (rule, scope, locked) => {
      switch (rule.id) {
        case 'groupDailyLoss':
          return judged.has(scope);
        case 'copierHedge':
        case 'copierMissed':
          return timed || copierDueBy(scope.groupState, event.t);
        case 'copierLeaderHalted': {
          const leader = scope.members.find((m) => m.id === scope.group.copier?.leader);
          return timed || (leader !== undefined && (evaluated.includes(leader) || locked.has(leader)));
        }
        case 'groupMaxContracts':
          return false;
      }
    },
    out,
    made,
  );
}

const nothingLocked: ReadonlySet<AccountState> = new Set();
const nothingPriced: ReadonlySet<GroupScope> = new Set();
