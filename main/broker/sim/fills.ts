// Filling: the price a resting order trades at on a quote, a complete fill booked with its brackets' upkeep,
// and working a symbol's resting orders until nothing more is due.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';
import { cancelSiblings, placeBracket, tidyBrackets } from './brackets';
import { listedInstrument } from './instruments';
import { bookExecution } from './ledger';
import type { SimQuote } from './market';
import type { PaperBrokerDeps } from './paper-broker';
import { fileOrder, prune, type SimOrder } from './state';
import { orderEvent } from './working-orders';

/** The touch an order on `side` trades at by market: the ask for a buy, the bid for a sell. */
export function touch(side: SimOrder['side'], quote: SimQuote): Dec {
  return side === 'buy' ? quote.ask : quote.bid;
}

/** The price a resting order trades at now, or undefined when the quote has not reached it. */
export function triggerPrice(order: SimOrder, quote: SimQuote): Dec | undefined {
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
    return touched ? touch(order.side, quote) : undefined;
  }
  return undefined;
}

/** Fills an order completely at `price`: order, fill, position, account, then OCO and bracket upkeep. */
export function fillOrder(deps: PaperBrokerDeps, order: SimOrder, price: Dec): BrokerEvent[] {
  const { state, instruments } = deps;
  const t = deps.now();
  order.status = 'filled';
  order.filledQty = order.qty;
  fileOrder(state, order);
  const execution = { account: order.account, orderId: order.id, side: order.side, qty: order.qty, price, t };
  const events: BrokerEvent[] = [
    orderEvent(order, t),
    ...bookExecution(state, instruments, listedInstrument(instruments, order.symbol), execution),
    ...cancelSiblings(state, order, t),
    ...tidyBrackets(state, order.account, order.symbol, t),
    ...placeBracket(state, order, t),
  ];
  prune(state, t);
  return events;
}

/** Works the symbol's resting orders against its current quote; the events of whatever filled. */
export function matchResting(deps: PaperBrokerDeps, symbol: string): BrokerEvent[] {
  const events: BrokerEvent[] = [];
  // Each fill can cancel or add orders (OCO, brackets), so look again after every one; a bracket placed
  // behind a gap fills on the same quote, as it would at a broker.
  for (let guard = 0; guard < 1000; guard++) {
    const quote = deps.quote(symbol);
    const due = [...deps.state.working.values()].find(
      (o) => o.symbol === symbol && triggerPrice(o, quote) !== undefined,
    );
    const price = due === undefined ? undefined : triggerPrice(due, quote);
    if (due === undefined || price === undefined) break;
    events.push(...fillOrder(deps, due, price));
  }
  return events;
}
