// A trading day that began while Warden was not running (docs/RULES.md section 1): its start is set from the broker's
// trades, or estimated and the account kept `reducing` until the trader confirms the start.
import type { DayStartEvent } from '../../shared/domain/events';
import { maxDec, type Dec } from '../../shared/domain/money';
import type { Decision } from './decisions';
import { addLock } from './locks';
import type { AccountState, EngineState, PeriodTotals } from './state';
import { trackTrailingDrawdown } from './trailing-threshold';
import { accountEquity } from './valuation';

export const DAY_START_RULE = 'dayStart';

/** A period's start and peak from a known starting equity (the peak since then is at least where it is now). */
function restart(period: PeriodTotals, startEquity: Dec, equity: Dec): void {
  period.startEquity = startEquity;
  period.peakEquity = maxDec(startEquity, equity);
  period.startReportAt = null;
}

export function applyDayStart(
  state: EngineState,
  account: AccountState,
  event: DayStartEvent,
  out: Decision[],
): void {
  const equity = accountEquity(state, account);
  restart(account.day, event.startEquity, equity);
  if (event.weekStartEquity !== undefined) restart(account.week, event.weekStartEquity, equity);
  if (event.source === 'estimate') {
    if (account.locks.some((lock) => lock.rule === DAY_START_RULE)) return;
    const lock = { state: 'reducing', until: 'confirmed' } as const;
    addLock(account, DAY_START_RULE, lock, event.note, event.t);
    out.push({
      kind: 'rule',
      t: event.t,
      account: account.id,
      rule: DAY_START_RULE,
      level: 'breach',
      action: 'alert',
      lock,
      message: event.note,
    });
    return;
  }
  // A known start is the balance at the roll (no position was open then): the end-of-day high-water mark sees it.
  if (event.source === 'rebuilt') trackTrailingDrawdown(state, account, equity, event.startEquity);
  const lifted = account.locks.filter((lock) => lock.rule === DAY_START_RULE);
  if (lifted.length === 0) return;
  account.locks = account.locks.filter((lock) => lock.rule !== DAY_START_RULE);
  out.push({ kind: 'lockLifted', t: event.t, account: account.id, rule: DAY_START_RULE });
}
