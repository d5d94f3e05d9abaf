// Closing a position (docs/brokers/PROJECTX.md sections 2.8, 2.9 and 5.12): all of it, its working orders on the contract
// cancelled first since closeContract leaves brackets in place; or part of it by partialCloseContract.
import type { CommandResult } from '../types';
import { positionKey } from './book';
import { cancelOrder } from './cancel-order';
import { notAnAccount, settle, stillListed, type CommandDeps } from './command-outcome';

export async function closePosition(
  deps: CommandDeps,
  account: string,
  contractId: string,
  qty: number | undefined,
): Promise<CommandResult> {
  const refused = notAnAccount(account);
  if (refused !== null) return refused;
  const held = deps.book.positions.get(positionKey(account, contractId))?.size ?? undefined;
  if (qty !== undefined && (held == null || qty < held)) return closePart(deps, account, contractId, qty);
  return closeAll(deps, account, contractId);
}

async function closePart(
  deps: CommandDeps,
  account: string,
  contractId: string,
  qty: number,
): Promise<CommandResult> {
  const outcome = await deps.session.call('Position/partialCloseContract', {
    accountId: Number(account),
    contractId,
    size: qty,
  });
  // Not read back: whether a partial close happened cannot be told from the position alone.
  return settle(deps, `close ${qty} of ${contractId}`, outcome, null);
}

async function closeAll(deps: CommandDeps, account: string, contractId: string): Promise<CommandResult> {
  const accountId = Number(account);
  const refusedCancels: string[] = [];
  for (const order of deps.book.workingOrders(account, contractId)) {
    const cancelled = await cancelOrder(deps, account, order.id);
    if (!cancelled.ok) refusedCancels.push(cancelled.error);
  }
  const outcome = await deps.session.call('Position/closeContract', { accountId, contractId });
  const closed = await settle(deps, `close ${contractId}`, outcome, () =>
    stillListed(
      deps.session,
      'Position/searchOpen',
      accountId,
      (row) => row.contractId === contractId && row.size !== 0,
    ),
  );
  if (!closed.ok || refusedCancels.length === 0) return closed;
  return {
    ok: false,
    error: `closed ${contractId}, but its orders were not all cancelled: ${refusedCancels.join('; ')}`,
  };
}
