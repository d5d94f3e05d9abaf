// The paper broker: takes orders, works resting ones against the simulated quotes, fills them like a real
// futures broker would (market at the touch, limits at their price, stops at market once touched), and keeps
// protective brackets one-cancels-other and no larger than the position they protect.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { BrokerCommand, CancelOrder, ClosePosition, CommandResult, PlaceOrder } from '../types';
import { fillOrder, matchResting, touch } from './fills';
import { listedInstrument, type SimInstrument } from './instruments';
import type { SimQuote } from './market';
import { findOrder, positionQty, type SimState } from './state';
import { checkAccount, checkClose, checkPlaceOrder, checkSymbol, marketable } from './validate';
import { cancelOrder, openOrder, orderEvent } from './working-orders';

export type PaperBrokerDeps = {
  state: SimState;
  instruments: ReadonlyMap<string, SimInstrument>;
  quote(symbol: string): SimQuote;
  now(): number;
};

/** What a command did: the broker's answer and the events it caused, in the order they happened. */
export type Outcome = { result: CommandResult; events: BrokerEvent[] };

export type PaperBroker = {
  execute(command: BrokerCommand): Outcome;
  /** Works the symbol's resting orders against its current quote; the events of whatever filled. */
  match(symbol: string): BrokerEvent[];
};

const refuse = (error: string): Outcome => ({ result: { ok: false, error }, events: [] });

/** The first problem with trading `symbol` in `account`: an unknown or closed account, an unlisted symbol. */
function checkListed({ state, instruments }: PaperBrokerDeps, account: string, symbol: string) {
  return (
    checkAccount(state.accounts.get(account), account) ??
    checkSymbol(instruments.get(symbol), symbol, instruments.keys())
  );
}

function placeOrder(deps: PaperBrokerDeps, command: PlaceOrder): Outcome {
  const { state, instruments } = deps;
  const problem =
    checkListed(deps, command.account, command.symbol) ??
    checkPlaceOrder(command, listedInstrument(instruments, command.symbol), deps.quote(command.symbol));
  if (problem !== undefined) return refuse(problem);
  const { type: _type, ...fields } = command;
  const order = openOrder(state, fields, deps.now());
  const quote = deps.quote(command.symbol);
  const immediate =
    command.kind === 'market' ||
    (command.limitPrice !== undefined && marketable(command.side, command.limitPrice, quote));
  const events = immediate
    ? [...fillOrder(deps, order, touch(command.side, quote)), ...matchResting(deps, command.symbol)]
    : [orderEvent(order, deps.now())];
  return { result: { ok: true, orderId: order.id }, events };
}

function cancel(deps: PaperBrokerDeps, command: CancelOrder): Outcome {
  const { state } = deps;
  const problem = checkAccount(state.accounts.get(command.account), command.account);
  if (problem !== undefined) return refuse(problem);
  const order = findOrder(state, command.orderId);
  if (order?.account !== command.account)
    return refuse(`no order "${command.orderId}" in account ${command.account}`);
  if (order.status !== 'working') return refuse(`order ${order.id} is already ${order.status}`);
  return { result: { ok: true, orderId: order.id }, events: [cancelOrder(state, order, deps.now())] };
}

function closePosition(deps: PaperBrokerDeps, command: ClosePosition): Outcome {
  const { state } = deps;
  const { account, symbol } = command;
  const held = positionQty(state, account, symbol);
  const problem = checkListed(deps, account, symbol) ?? checkClose(command, held);
  if (problem !== undefined) return refuse(problem);
  const side = held > 0 ? ('sell' as const) : ('buy' as const);
  const qty = command.qty ?? Math.abs(held);
  const order = openOrder(state, { account, symbol, side, kind: 'market', qty, tag: 'close' }, deps.now());
  const events = [...fillOrder(deps, order, touch(side, deps.quote(symbol))), ...matchResting(deps, symbol)];
  return { result: { ok: true, orderId: order.id }, events };
}

function execute(deps: PaperBrokerDeps, command: BrokerCommand): Outcome {
  switch (command.type) {
    case 'placeOrder':
      return placeOrder(deps, command);
    case 'cancelOrder':
      return cancel(deps, command);
    case 'closePosition':
      return closePosition(deps, command);
  }
}

export function createPaperBroker(deps: PaperBrokerDeps): PaperBroker {
  return {
    execute: (command) => execute(deps, command),
    match: (symbol) => matchResting(deps, symbol),
  };
}
