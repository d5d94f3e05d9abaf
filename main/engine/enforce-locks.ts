// Keeps an account consistent with its trading state (docs/RULES.md section 4): while halted, any position that
// opens or grows and any working order is a breach of the rule that set the lock; while reducing, only what
// increases |position|. The closing orders Warden's own enforcement makes (tagged WARDEN_CLOSE_TAG) are not.
import { WARDEN_CLOSE_TAG, type EngineEvent } from '../../shared/domain/events';
import type { Decision } from './decisions';
import { expireLocks, increasesPosition, strictestLock } from './locks';
import type { AccountState } from './state';

/** Lifts locks whose time has come, reporting each. */
export function liftExpiredLocks(account: AccountState, t: number, out: Decision[]): void {
  for (const lock of expireLocks(account, t))
    out.push({ kind: 'lockLifted', t, account: account.id, rule: lock.rule });
}

/** `heldBefore`: the signed position in the event's symbol before the event was applied. */
export function enforceLock(
  account: AccountState,
  event: EngineEvent,
  heldBefore: number,
  out: Decision[],
): void {
  const lock = strictestLock(account);
  if (lock === null) return;
  const base = {
    kind: 'rule' as const,
    t: event.t,
    account: account.id,
    rule: lock.rule,
    level: 'breach' as const,
    // A group's lock is kept by the group's rule (docs/RULES.md section 10).
    ...(lock.group === undefined ? {} : { group: lock.group }),
  };
  if (event.type === 'fill' && event.voided !== true) {
    const heldAfter = account.positions.get(event.symbol)?.qty ?? 0;
    const grew =
      Math.abs(heldAfter) > Math.abs(heldBefore) || Math.sign(heldAfter) * Math.sign(heldBefore) < 0;
    if (!grew) return;
    if (lock.state === 'halted') {
      out.push({ ...base, action: 'flatten', symbol: event.symbol, message: 'position opened while halted' });
      return;
    }
    // Closed back by what was added (all of it when the fill turned the position around).
    const flipped = Math.sign(heldAfter) * Math.sign(heldBefore) < 0;
    out.push({
      ...base,
      action: 'reducePosition',
      symbol: event.symbol,
      qty: flipped ? Math.abs(heldAfter) : Math.abs(heldAfter) - Math.abs(heldBefore),
      message: 'position increased while reducing only',
    });
  }
  if (event.type === 'order' && event.status === 'working' && event.tag !== WARDEN_CLOSE_TAG) {
    if (lock.state === 'reducing' && !increasesPosition(heldBefore, event.side)) return;
    out.push({
      ...base,
      action: 'cancelOrders',
      symbol: event.symbol,
      message: `order ${event.id} placed while ${lock.state}`,
    });
  }
}
