// Enforcement through the REST API (PROJECTX.md sections 2.8–2.11 and 5.12): cancel, close (working orders on
// the contract cancelled first: closeContract leaves brackets in place), partial close, and a protective stop
// (stopRequired's attachStop; the only order Warden places at this broker). A call that got no answer is never
// sent again blindly: the state is read back to learn whether it happened.
import type { BrokerCommand, CommandResult, PlaceOrder } from '../types';
import type { Logger } from '../../platform/logger';
import { positionKey, type Book } from './book';
import { isObject } from './parse';
import type { RestOutcome } from './rest-client';
import type { Session } from './session';

export type CommandDeps = {
  session: Session;
  book: Book;
  logger: Logger;
  /** Read the picture again (a command found it out of date). */
  resync(reason: string): void;
};

const NOT_FOUND = 2;
const STOP_ORDER = 4;
const ID = /^\d{1,19}$/;

export function createCommands(deps: CommandDeps): (command: BrokerCommand) => Promise<CommandResult> {
  const { session, book, logger } = deps;

  /** Whether the gateway still lists it (true/false), or null when that cannot be read. */
  const stillListed = async (
    endpoint: string,
    field: string,
    accountId: number,
    match: (row: Record<string, unknown>) => boolean,
  ) => {
    const outcome = await session.call(endpoint, { accountId });
    if (outcome.kind !== 'ok' || !Array.isArray(outcome.body[field])) return null;
    return (outcome.body[field] as unknown[]).some((row) => isObject(row) && match(lowerKeys(row)));
  };
  const orderWorking = (accountId: number, orderId: string) =>
    stillListed('Order/searchOpen', 'orders', accountId, (row) => String(row.id) === orderId);
  const positionOpen = (accountId: number, contractId: string) =>
    stillListed(
      'Position/searchOpen',
      'positions',
      accountId,
      (row) => row.contractId === contractId && row.size !== 0,
    );

  /**
   * What a mutating call's outcome means. `gone` reads back whether the thing it acts on is gone: after a
   * "not found" refusal or no answer at all, that decides; other refusals are told as they are.
   */
  const settle = async (
    what: string,
    outcome: RestOutcome,
    gone: (() => Promise<boolean | null>) | null,
  ): Promise<CommandResult> => {
    if (outcome.kind === 'ok') return { ok: true };
    if (outcome.kind === 'unauthorized')
      return { ok: false, error: `ProjectX refused to ${what}: not logged in` };
    const readBack = outcome.kind === 'refused' ? outcome.code === NOT_FOUND : outcome.uncertain;
    if (!readBack || gone === null) {
      if (outcome.kind === 'failed' && outcome.uncertain) deps.resync(`${what}: no answer`);
      const verb =
        outcome.kind === 'failed' && outcome.uncertain ? 'did not answer whether it could' : 'refused to';
      return { ok: false, error: `ProjectX ${verb} ${what}: ${outcome.error}` };
    }
    const isGone = await gone();
    if (isGone === true) {
      deps.resync(`${what}: already done`);
      logger.info('command found its work already done', { what, outcome: outcome.kind });
      return { ok: true };
    }
    const state =
      isGone === false ? 'it is still there' : 'its state could not be read back: check it by hand';
    return { ok: false, error: `ProjectX did not ${what}: ${outcome.error}; ${state}` };
  };

  const cancel = async (account: string, orderId: string): Promise<CommandResult> => {
    if (!ID.test(account) || !ID.test(orderId))
      return { ok: false, error: `not a ProjectX order: ${account}/${orderId}` };
    const accountId = Number(account);
    const outcome = await session.call('Order/cancel', { accountId, orderId: Number(orderId) });
    // Gone at the broker: a close that follows must not cancel it again (the hub's report may still be on its way).
    if (outcome.kind === 'ok') book.orders.delete(orderId);
    return settle(`cancel order ${orderId}`, outcome, async () => {
      const working = await orderWorking(accountId, orderId);
      return working === null ? null : !working;
    });
  };

  const close = async (
    account: string,
    contractId: string,
    qty: number | undefined,
  ): Promise<CommandResult> => {
    if (!ID.test(account)) return { ok: false, error: `not a ProjectX account: ${account}` };
    const accountId = Number(account);
    const held = book.positions.get(positionKey(account, contractId))?.size ?? undefined;
    if (qty !== undefined && (held == null || qty < held)) {
      const outcome = await session.call('Position/partialCloseContract', {
        accountId,
        contractId,
        size: qty,
      });
      // Not read back: whether a partial close happened cannot be told from the position alone.
      return settle(`close ${qty} of ${contractId}`, outcome, null);
    }
    const refusedCancels: string[] = [];
    for (const order of book.workingOrders(account, contractId)) {
      const cancelled = await cancel(account, order.id);
      if (!cancelled.ok) refusedCancels.push(cancelled.error);
    }
    const outcome = await session.call('Position/closeContract', { accountId, contractId });
    const closed = await settle(`close ${contractId}`, outcome, async () => {
      const open = await positionOpen(accountId, contractId);
      return open === null ? null : !open;
    });
    if (!closed.ok || refusedCancels.length === 0) return closed;
    return {
      ok: false,
      error: `closed ${contractId}, but its orders were not all cancelled: ${refusedCancels.join('; ')}`,
    };
  };

  let stopsPlaced = 0;
  /** Only a stop that protects the held position: opposite side, no more than it holds. */
  const protectiveStop = async (command: PlaceOrder): Promise<CommandResult> => {
    const { account, symbol, side, qty, stopPrice } = command;
    if (!ID.test(account)) return { ok: false, error: `not a ProjectX account: ${account}` };
    const position = book.positions.get(positionKey(account, symbol));
    const protectiveSide = position?.type === 1 ? 'sell' : 'buy';
    const protects =
      command.kind === 'stop' &&
      stopPrice !== undefined &&
      position !== undefined &&
      side === protectiveSide &&
      qty <= (position.size ?? 0);
    if (!protects)
      return {
        ok: false,
        error: 'Warden places no orders on ProjectX but protective stops: trade in your platform',
      };
    const accountId = Number(account);
    stopsPlaced += 1;
    const customTag = `warden-stop-${Date.now().toString(36)}-${stopsPlaced}`;
    const outcome = await session.call('Order/place', {
      accountId,
      contractId: symbol,
      type: STOP_ORDER,
      side: side === 'buy' ? 0 : 1,
      size: qty,
      stopPrice: stopPrice.toNumber(),
      customTag,
    });
    const what = `place a ${side} stop ${qty} ${symbol} @ ${stopPrice.toFixed()}`;
    if (outcome.kind === 'ok') {
      const orderId = outcome.body['orderId'];
      return typeof orderId === 'number' || typeof orderId === 'string'
        ? { ok: true, orderId: String(orderId) }
        : { ok: true };
    }
    if (outcome.kind === 'unauthorized')
      return { ok: false, error: `ProjectX refused to ${what}: not logged in` };
    if (outcome.kind === 'refused')
      return { ok: false, error: `ProjectX refused to ${what}: ${outcome.error}` };
    if (!outcome.uncertain) return { ok: false, error: `ProjectX did not ${what}: ${outcome.error}` };
    // No answer: never placed again blindly. The tag is unique per account, so the open orders tell.
    const listed = await stillListed(
      'Order/searchOpen',
      'orders',
      accountId,
      (row) => row.customTag === customTag,
    );
    deps.resync(`${what}: no answer`);
    if (listed === true) return { ok: true };
    return {
      ok: false,
      error: `ProjectX did not answer whether it could ${what}: ${outcome.error}; ${listed === false ? 'the stop is not there' : 'check it by hand'}`,
    };
  };

  return async (command) => {
    logger.info('command', { command: command.type, account: command.account });
    switch (command.type) {
      case 'cancelOrder':
        return cancel(command.account, command.orderId);
      case 'closePosition':
        return close(command.account, command.symbol, command.qty);
      case 'placeOrder':
        return protectiveStop(command);
    }
  };
}

function lowerKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));
}
