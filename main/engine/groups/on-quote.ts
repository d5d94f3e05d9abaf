// Groups on a quote (the hot path): a group is evaluated exactly only when the quote can change something for it —
// a member holding the symbol was evaluated exactly, or the members' summed equity left the group's band, or a
// copier timer ran out, or time alone changed something (a roll, a lock's end). Otherwise it is skipped.
import type { QuoteEvent } from '../../../shared/domain/events';
import { groupsOf } from '../config';
import type { Decision } from '../decisions';
import type { AccountState, EngineState } from '../state';
import { evaluateGroup, groupStateOf } from './evaluate';
import { copierDueBy, groupQuoteChangesNothing } from './guard';
import { membersOf } from './metrics';

export function evaluateGroupsOnQuote(
  state: EngineState,
  event: QuoteEvent,
  evaluated: readonly AccountState[],
  timed: boolean,
  out: Decision[],
  made?: () => void,
): void {
  for (const [id, group] of Object.entries(groupsOf(state.config))) {
    const groupState = groupStateOf(state, id);
    const members = membersOf(state.accounts, group);
    const held = members.some((member) => member.positions.has(event.symbol));
    const exact =
      timed ||
      copierDueBy(groupState, event.t) ||
      (held &&
        (members.some((member) => evaluated.includes(member)) ||
          !groupQuoteChangesNothing(groupState, members, event.t)));
    if (exact) evaluateGroup(state, id, group, event, out, made);
  }
}
