// The audit of what the trader (or a restart) did to an account's locks and day, beside what the rules did: a
// self-lock, a reset, a settings lock, a day start rebuilt or confirmed; one risk_events row each.
import type { EngineEvent } from '../../shared/domain/events';
import { untilText, type ReadonlyAccountState, type ReadonlyEngineState } from '../engine';
import type { RiskEvent } from '../store';

/** The risk event an engine event leaves in the audit, after it was applied; null for the broker's own events. */
export function auditOf(state: ReadonlyEngineState, event: EngineEvent): RiskEvent | null {
  const account = 'account' in event ? state.accounts.get(event.account) : undefined;
  switch (event.type) {
    case 'selfLock':
      return {
        t: event.t,
        account: event.account,
        kind: 'selfLock',
        detail: {
          by: event.origin ?? 'trader',
          until: event.until,
          lockedUntil: lockedUntilOf(account, 'selfLock'),
        },
      };
    case 'lockReset':
      return { t: event.t, account: event.account, kind: 'lockReset', detail: { by: 'trader' } };
    case 'settingsLock':
      return {
        t: event.t,
        account: event.account,
        kind: 'settingsLock',
        detail: {
          by: 'trader',
          lockedUntil: account?.settingsLockedUntil == null ? null : untilText(account.settingsLockedUntil),
        },
      };
    case 'dayStart':
      return {
        t: event.t,
        account: event.account,
        kind: 'dayStart',
        detail: {
          source: event.source,
          startEquity: event.startEquity.toFixed(),
          ...(event.weekStartEquity === undefined
            ? {}
            : { weekStartEquity: event.weekStartEquity.toFixed() }),
          note: event.note,
        },
      };
    default:
      return null;
  }
}

function lockedUntilOf(account: ReadonlyAccountState | undefined, rule: string): string | null {
  const lock = account?.locks.find((l) => l.rule === rule);
  return lock === undefined ? null : untilText(lock.until);
}
