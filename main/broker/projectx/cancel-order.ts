// Cancelling a working order (docs/brokers/PROJECTX.md section 2.11): a "not found" or an unanswered cancel is settled by
// reading the open orders back.
import type { CommandResult } from '../types';
import { ID, settle, stillListed, type CommandDeps } from './command-outcome';

export async function cancelOrder(
  deps: CommandDeps,
  account: string,
  orderId: string,
): Promise<CommandResult> {
  if (!ID.test(account) || !ID.test(orderId))
    return { ok: false, error: `not a ProjectX order: ${account}/${orderId}` };
  const accountId = Number(account);
  const outcome = await deps.session.call('Order/cancel', { accountId, orderId: Number(orderId) });
  // Gone at the broker: a close that follows must not cancel it again (the hub's report may still be on its way).
  if (outcome.kind === 'ok') deps.book.orders.delete(orderId);
  return settle(deps, `cancel order ${orderId}`, outcome, () =>
    stillListed(deps.session, 'Order/searchOpen', accountId, (row) => String(row.id) === orderId),
  );
}
