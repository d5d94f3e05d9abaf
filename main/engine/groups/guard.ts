// The groups' side of the quote fast path (docs/ARCHITECTURE.md section 5). A quote need not evaluate a group
// when no member's rules were evaluated exactly on it, no copier timer ran out, and the members' summed equity —
// in floats, from their own guards — stays clearly inside the band where groupDailyLoss keeps its level. Anything
// near a bound, or unknown, takes the exact path: floats only decide when exact arithmetic is needed.
import type { GroupSettings } from '../../../shared/config/groups';
import { approxNumber, dec, ZERO, type Dec } from '../../../shared/domain/money';
import type { RuleLevel } from '../decisions';
import { approxEquity } from '../guard';
import { thresholdOf } from '../rules/levels';
import { thresholdsOf } from '../rules/evaluate';
import type { AccountState, EngineState, GroupState } from '../state';

/**
 * Σ equity of the members is clearly safe strictly between `lowIn` and `highIn` (the band's bounds moved inwards by
 * the float error margin; infinite where the band is open), before time `before`.
 */
type Band = { lowIn: number; highIn: number; before: number };

const bands = new WeakMap<GroupState, Band | null>();
/** When a copier timer runs out next (a report is due at an event after it). */
const copierDue = new WeakMap<GroupState, number>();

/** Far wider than the error of these float sums, far narrower than a tick's value (as the accounts' guards). */
const margin = (value: number) => 1e-7 * (1 + Math.abs(value));
const inwardsFromLow = (low: number) => (Number.isFinite(low) ? low + margin(low) : low);
const inwardsFromHigh = (high: number) => (Number.isFinite(high) ? high - margin(high) : high);
const next: Record<Exclude<RuleLevel, 'breach'>, Exclude<RuleLevel, 'ok'>> = {
  ok: 'warning',
  warning: 'critical',
  critical: 'breach',
};

/** After an exact evaluation: the group's band and its copier's next due time. */
export function noteGroupEvaluated(
  state: EngineState,
  groupState: GroupState,
  group: GroupSettings,
  members: readonly AccountState[],
): void {
  bands.set(groupState, bandOf(state, groupState, group, members));
  copierDue.set(groupState, dueOf(groupState, group));
}

export function forgetGroupBand(groupState: GroupState): void {
  bands.delete(groupState);
  copierDue.delete(groupState);
}

/** Whether a copier timer of the group has run out by `t` (unknown after a restart: yes). */
export function copierDueBy(groupState: GroupState, t: number): boolean {
  const due = copierDue.get(groupState);
  return due === undefined || t > due;
}

/** True when this quote provably changes nothing for the group's summed loss. */
export function groupQuoteChangesNothing(
  groupState: GroupState,
  members: readonly AccountState[],
  t: number,
): boolean {
  const band = bands.get(groupState);
  if (band === undefined || band === null || t >= band.before) return false;
  let equity = 0;
  for (const member of members) {
    const approx = approxEquity(member);
    if (approx === null) return false;
    equity += approx;
  }
  return equity > band.lowIn && equity < band.highIn;
}

function bandOf(
  state: EngineState,
  groupState: GroupState,
  group: GroupSettings,
  members: readonly AccountState[],
): Band | null {
  let before = Number.POSITIVE_INFINITY;
  for (const member of members) before = Math.min(before, member.day.end);
  const open: Band = { lowIn: Number.NEGATIVE_INFINITY, highIn: Number.POSITIVE_INFINITY, before };
  const settings = group.rules.groupDailyLoss;
  if (settings?.enabled !== true || settings.basis === 'realized') return open;
  const memory = groupState.rules['groupDailyLoss'];
  const level = memory?.level ?? 'ok';
  if ((memory?.pendingBreaches ?? 0) > 0) return null;
  // loss = Σ dayStartEquity − Σ equity: the level rises at the next threshold, falls below its own − hysteresis.
  let start: Dec = ZERO;
  for (const member of members) start = start.plus(member.day.startEquity);
  const limit = dec(settings.amount);
  const thresholds = thresholdsOf(state, settings);
  const at = (loss: Dec) => approxNumber(start.minus(loss));
  const low = level === 'breach' ? open.lowIn : at(thresholdOf(next[level], limit, thresholds));
  const high =
    level === 'ok'
      ? open.highIn
      : at(thresholdOf(level, limit, thresholds).minus(thresholds.hysteresis.times(limit)));
  return { lowIn: inwardsFromLow(low), highIn: inwardsFromHigh(high), before };
}

function dueOf(groupState: GroupState, group: GroupSettings): number {
  const copier = group.copier;
  if (copier === null) return Number.POSITIVE_INFINITY;
  let due = Number.POSITIVE_INFINITY;
  for (const [key, memory] of Object.entries(groupState.rules)) {
    const data = memory.data;
    if (data === undefined || data['reported'] === 1) continue;
    if (!key.startsWith('copierHedge:') && !key.startsWith('copierMissed:')) continue;
    const since = Number(data['since']);
    if (since >= 0) due = Math.min(due, since + copier.graceSeconds * 1000);
  }
  return due;
}
