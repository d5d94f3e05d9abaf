// Tells the trader before they try: a halted account refuses new orders, a reducing one only takes orders
// that make a position smaller.
import type { TicketContext } from './ticket-order';

export function AccountLockNotice({ account }: { account: TicketContext['account'] }) {
  if (account === undefined || account.tradingState === 'active') return null;
  const { name, tradingState: state, lockReason } = account;
  const why = lockReason === null ? '' : ` — ${lockReason}`;
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
