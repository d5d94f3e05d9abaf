// The only order Warden places at this broker: a stop that protects the held position (stopRequired's
// attachStop; PROJECTX.md section 2.8). Each carries a unique tag, so an unanswered placement is read back by it
// from the open orders instead of being sent again.
import type { PlaceOrder, CommandResult } from '../types';
import { positionKey, type Book } from './book';
import { ID, notLoggedIn, stillListed, type CommandDeps } from './command-outcome';

const STOP_ORDER = 4;

export function createProtectiveStops(deps: CommandDeps): (command: PlaceOrder) => Promise<CommandResult> {
  let stopsPlaced = 0;
  return async (command) => {
    const { account, symbol, side, qty, stopPrice } = command;
    if (!ID.test(account)) return { ok: false, error: `not a ProjectX account: ${account}` };
    if (stopPrice === undefined || !protectsPosition(deps.book, command))
      return {
        ok: false,
        error: 'Warden places no orders on ProjectX but protective stops: trade in your platform',
      };
    stopsPlaced += 1;
    const customTag = `warden-stop-${Date.now().toString(36)}-${stopsPlaced}`;
    const outcome = await deps.session.call('Order/place', {
      accountId: Number(account),
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
    if (outcome.kind === 'unauthorized') return notLoggedIn(what);
    if (outcome.kind === 'refused')
      return { ok: false, error: `ProjectX refused to ${what}: ${outcome.error}` };
    if (!outcome.uncertain) return { ok: false, error: `ProjectX did not ${what}: ${outcome.error}` };
    return placedAfterAll(deps, Number(account), customTag, what, outcome.error);
  };
}

/** A stop order on the opposite side of the held position, for no more than it holds. */
function protectsPosition(book: Book, { account, symbol, side, qty, kind }: PlaceOrder): boolean {
  const position = book.positions.get(positionKey(account, symbol));
  if (kind !== 'stop' || position === undefined) return false;
  const protectiveSide = position.type === 1 ? 'sell' : 'buy';
  return side === protectiveSide && qty <= (position.size ?? 0);
}

/** No answer: never placed again blindly. The tag is unique per account, so the open orders tell. */
async function placedAfterAll(
  deps: CommandDeps,
  accountId: number,
  customTag: string,
  what: string,
  error: string,
): Promise<CommandResult> {
  const listed = await stillListed(
    deps.session,
    'Order/searchOpen',
    accountId,
    (row) => row.customTag === customTag,
  );
  deps.resync(`${what}: no answer`);
  if (listed === true) return { ok: true };
  const state = listed === false ? 'the stop is not there' : 'check it by hand';
  return { ok: false, error: `ProjectX did not answer whether it could ${what}: ${error}; ${state}` };
}
