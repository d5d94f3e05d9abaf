// Tells the trader before they try: a halted account refuses new orders, a reducing one only takes orders
// that make a position smaller.
import type { TradingState } from '../../../../shared/ipc';

type AccountLockNoticeProps = { name: string; state: TradingState; reason: string | null };

export function AccountLockNotice({ name, state, reason }: AccountLockNoticeProps) {
  if (state === 'active') return null;
  const why = reason === null ? '' : ` — ${reason}`;
  const text =
    state === 'halted'
      ? `${name} is halted${why}. New orders are refused.`
      : `${name} is reducing only${why}. Orders that add to a position are refused.`;
  return (
    <p className={`ticket-lock ticket-lock-${state}`} data-testid="ticket-locked" role="status">
      {text}
    </p>
  );
}
