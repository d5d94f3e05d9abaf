// The paper broker: takes orders, works resting ones against the simulated quotes, fills them like a real
// futures broker would (market at the touch, limits at their price, stops at market once touched), and keeps
// protective brackets one-cancels-other and no larger than the position they protect.
import type { BrokerEvent, OrderEvent } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';
import type { BrokerCommand, CancelOrder, ClosePosition, CommandResult, PlaceOrder } from '../types';
import type { SimInstrument } from './instruments';
import { bookExecution } from './ledger';
import type { SimQuote } from './market';
import { fileOrder, findOrder, nextOrderId, positionQty, prune, type SimOrder, type SimState } from './state';
import { checkAccount, checkClose, checkPlaceOrder, checkSymbol, marketable } from './validate';

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

export function orderEvent(order: SimOrder, t: number): OrderEvent {
  return {
    type: 'order',
    t,
    account: order.account,
    id: order.id,
    symbol: order.symbol,
    side: order.side,
    kind: order.kind,
    qty: order.qty,
    status: order.status,
    filledQty: order.filledQty,
    ...(order.limitPrice === undefined ? {} : { limitPrice: order.limitPrice }),
    ...(order.stopPrice === undefined ? {} : { stopPrice: order.stopPrice }),
    ...(order.tag === undefined ? {} : { tag: order.tag }),
  };
}

const refuse = (error: string): Outcome => ({ result: { ok: false, error }, events: [] });

/** The price a resting order trades at now, or undefined when the quote has not reached it. */
function triggerPrice(order: SimOrder, quote: SimQuote): Dec | undefined {
  const buy = order.side === 'buy';
  const { limitPrice, stopPrice } = order;
  if (order.kind === 'limit' && limitPrice !== undefined) {
    const reached = buy
      ? quote.ask.lessThanOrEqualTo(limitPrice)
      : quote.bid.greaterThanOrEqualTo(limitPrice);
    return reached ? limitPrice : undefined;
  }
  if (order.kind === 'stop' && stopPrice !== undefined) {
    const touched = buy ? quote.ask.greaterThanOrEqualTo(stopPrice) : quote.bid.lessThanOrEqualTo(stopPrice);
    return touched ? (buy ? quote.ask : quote.bid) : undefined;
  }
  return undefined;
}

export function createPaperBroker(deps: PaperBrokerDeps): PaperBroker {
  const { state, instruments } = deps;

  const instrumentOf = (symbol: string): SimInstrument => {
    const instrument = instruments.get(symbol);
    if (instrument === undefined) throw new Error(`no instrument ${symbol}`);
    return instrument;
  };

  const newOrder = (fields: Omit<SimOrder, 'id' | 'status' | 'filledQty' | 'createdAt'>): SimOrder => {
    const order: SimOrder = {
      ...fields,
      id: nextOrderId(state),
      status: 'working',
      filledQty: 0,
      createdAt: deps.now(),
    };
    fileOrder(state, order);
    return order;
  };

  const cancel = (order: SimOrder, t: number): OrderEvent => {
    order.status = 'cancelled';
    fileOrder(state, order);
    return orderEvent(order, t);
  };

  const workingBrackets = (account: string, symbol: string): SimOrder[] =>
    [...state.working.values()].filter(
      (o) => o.parentId !== undefined && o.account === account && o.symbol === symbol,
    );

  /** Brackets only ever reduce: cancel those that no longer would, shrink those larger than the position. */
  const tidyBrackets = (account: string, symbol: string, t: number): BrokerEvent[] => {
    const held = positionQty(state, account, symbol);
    const events: BrokerEvent[] = [];
    for (const child of workingBrackets(account, symbol)) {
      const reduces = held !== 0 && (child.side === 'sell') === held > 0;
      if (!reduces) events.push(cancel(child, t));
      else if (child.qty > Math.abs(held)) {
        child.qty = Math.abs(held);
        events.push(orderEvent(child, t));
      }
    }
    return events;
  };

  const placeBracket = (entry: SimOrder, t: number): BrokerEvent[] => {
    const held = positionQty(state, entry.account, entry.symbol);
    const sameWay = held !== 0 && (entry.side === 'buy') === held > 0;
    if (!sameWay || (entry.stopLossPrice === undefined && entry.takeProfitPrice === undefined)) return [];
    const base = {
      account: entry.account,
      symbol: entry.symbol,
      side: entry.side === 'buy' ? ('sell' as const) : ('buy' as const),
      qty: Math.min(entry.filledQty, Math.abs(held)),
      parentId: entry.id,
    };
    const children: SimOrder[] = [];
    if (entry.stopLossPrice !== undefined) {
      children.push(newOrder({ ...base, kind: 'stop', stopPrice: entry.stopLossPrice, tag: 'stop-loss' }));
    }
    if (entry.takeProfitPrice !== undefined) {
      children.push(
        newOrder({ ...base, kind: 'limit', limitPrice: entry.takeProfitPrice, tag: 'take-profit' }),
      );
    }
    return children.map((child) => orderEvent(child, t));
  };

  /** Fills an order completely at `price`: order, fill, position, account, then OCO and bracket upkeep. */
  const fill = (order: SimOrder, price: Dec): BrokerEvent[] => {
    const t = deps.now();
    order.status = 'filled';
    order.filledQty = order.qty;
    fileOrder(state, order);
    const execution = {
      account: order.account,
      orderId: order.id,
      side: order.side,
      qty: order.qty,
      price,
      t,
    };
    const events: BrokerEvent[] = [
      orderEvent(order, t),
      ...bookExecution(state, instruments, instrumentOf(order.symbol), execution),
    ];
    if (order.parentId !== undefined) {
      const siblings = workingBrackets(order.account, order.symbol).filter(
        (o) => o.parentId === order.parentId,
      );
      events.push(...siblings.map((sibling) => cancel(sibling, t)));
    }
    events.push(...tidyBrackets(order.account, order.symbol, t), ...placeBracket(order, t));
    prune(state, t);
    return events;
  };

  const placeOrder = (command: PlaceOrder): Outcome => {
    const instrument = instruments.get(command.symbol);
    const problem =
      checkAccount(state.accounts.get(command.account), command.account) ??
      checkSymbol(instrument, command.symbol, instruments.keys()) ??
      checkPlaceOrder(command, instrumentOf(command.symbol), deps.quote(command.symbol));
    if (problem !== undefined) return refuse(problem);
    const { type: _type, ...fields } = command;
    const order = newOrder(fields);
    const quote = deps.quote(command.symbol);
    const touch = command.side === 'buy' ? quote.ask : quote.bid;
    const immediate =
      command.kind === 'market' ||
      (command.limitPrice !== undefined && marketable(command.side, command.limitPrice, quote));
    const events = immediate
      ? [...fill(order, touch), ...match(command.symbol)]
      : [orderEvent(order, deps.now())];
    return { result: { ok: true, orderId: order.id }, events };
  };

  const cancelOrder = (command: CancelOrder): Outcome => {
    const problem = checkAccount(state.accounts.get(command.account), command.account);
    if (problem !== undefined) return refuse(problem);
    const order = findOrder(state, command.orderId);
    if (order?.account !== command.account)
      return refuse(`no order "${command.orderId}" in account ${command.account}`);
    if (order.status !== 'working') return refuse(`order ${order.id} is already ${order.status}`);
    return { result: { ok: true, orderId: order.id }, events: [cancel(order, deps.now())] };
  };

  const closePosition = (command: ClosePosition): Outcome => {
    const instrument = instruments.get(command.symbol);
    const held = positionQty(state, command.account, command.symbol);
    const problem =
      checkAccount(state.accounts.get(command.account), command.account) ??
      checkSymbol(instrument, command.symbol, instruments.keys()) ??
      checkClose(command, held);
    if (problem !== undefined) return refuse(problem);
    const side = held > 0 ? ('sell' as const) : ('buy' as const);
    const qty = command.qty ?? Math.abs(held);
    const order = newOrder({
      account: command.account,
      symbol: command.symbol,
      side,
      kind: 'market',
      qty,
      tag: 'close',
    });
    const quote = deps.quote(command.symbol);
    const events = fill(order, side === 'buy' ? quote.ask : quote.bid);
    return { result: { ok: true, orderId: order.id }, events: [...events, ...match(command.symbol)] };
  };

  function match(symbol: string): BrokerEvent[] {
    const events: BrokerEvent[] = [];
    // Each fill can cancel or add orders (OCO, brackets), so look again after every one; a bracket placed
    // behind a gap fills on the same quote, as it would at a broker.
    for (let guard = 0; guard < 1000; guard++) {
      const quote = deps.quote(symbol);
      const due = [...state.working.values()].find(
        (o) => o.symbol === symbol && triggerPrice(o, quote) !== undefined,
      );
      const price = due === undefined ? undefined : triggerPrice(due, quote);
      if (due === undefined || price === undefined) break;
      events.push(...fill(due, price));
    }
    return events;
  }

  const execute = (command: BrokerCommand): Outcome => {
    switch (command.type) {
      case 'placeOrder':
        return placeOrder(command);
      case 'cancelOrder':
        return cancelOrder(command);
      case 'closePosition':
        return closePosition(command);
    }
  };

  return { execute, match };
}
