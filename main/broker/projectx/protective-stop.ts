// The only order Warden places at this broker: a stop that protects the held position (stopRequired's
// attachStop; docs/brokers/PROJECTX.md section 2.10). Each carries a unique tag, so an unanswered placement is read back by it
// from the open orders instead of being sent again.
import type { Dec } from '../../../shared/domain/money';
import type { CommandResult, PlaceOrder } from '../types';
import { positionKey, type Book } from './book';
import { notAnAccount, notLoggedIn, stillListed, type CommandDeps } from './command-outcome';
import type { RestOutcome } from './rest-client';

const STOP_ORDER = 4;

type ProtectiveStop = PlaceOrder & { stopPrice: Dec };

export function createProtectiveStops(deps: CommandDeps): (command: PlaceOrder) => Promise<CommandResult> {
  let stopsPlaced = 0;
  return async (command) => {
    const refused = notAnAccount(command.account);
    if (refused !== null) return refused;
    const stop = protectiveStop(deps.book, command);
    if (stop === null)
      return {
        ok: false,
        error: 'Warden places no orders on ProjectX but protective stops: trade in your platform',
      };
    stopsPlaced += 1;
    const customTag = `warden-stop-${Date.now().toString(36)}-${stopsPlaced}`;
    const outcome = await deps.session.call('Order/place', {
      accountId: Number(stop.account),
      contractId: stop.symbol,
      type: STOP_ORDER,
      side: stop.side === 'buy' ? 0 : 1,
      size: stop.qty,
      stopPrice: stop.stopPrice.toNumber(),
      customTag,
    });
    return placed(deps, stop, customTag, outcome);
  };
}

/** The command, when it is a stop on the opposite side of the held position, for no more than it holds. */
function protectiveStop(book: Book, command: PlaceOrder): ProtectiveStop | null {
  const { account, symbol, side, qty, kind, stopPrice } = command;
  const position = book.positions.get(positionKey(account, symbol));
  if (kind !== 'stop' || stopPrice === undefined || position === undefined) return null;
  const protectiveSide = position.type === 1 ? 'sell' : 'buy';
  return side === protectiveSide && qty <= (position.size ?? 0) ? { ...command, stopPrice } : null;
}

async function placed(
  deps: CommandDeps,
  stop: ProtectiveStop,
  customTag: string,
  outcome: RestOutcome,
): Promise<CommandResult> {
  const what = `place a ${stop.side} stop ${stop.qty} ${stop.symbol} @ ${stop.stopPrice.toFixed()}`;
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
  // No answer: never placed again blindly. The tag is unique per account, so the open orders tell.
  const listed = await stillListed(
    deps.session,
    'Order/searchOpen',
    Number(stop.account),
    (row) => row.customTag === customTag,
  );
  deps.resync(`${what}: no answer`);
  if (listed === true) return { ok: true };
  const state = listed === false ? 'the stop is not there' : 'check it by hand';
  return { ok: false, error: `ProjectX did not answer whether it could ${what}: ${outcome.error}; ${state}` };
}
