// Checks a command against the book and the market before anything changes, and says what is wrong in words
// a trader can act on ("limitPrice 21000.10 is not on the MNQ tick grid (0.25)").
import type { Dec } from '../../../shared/domain/money';
import type { ClosePosition, PlaceOrder } from '../types';
import { onTickGrid, type SimInstrument } from './instruments';
import type { SimQuote } from './market';
import type { SimAccount } from './state';

type Problem = string | undefined;

export function checkAccount(account: SimAccount | undefined, id: string): Problem {
  if (account === undefined) return `unknown account "${id}"`;
  if (!account.canTrade) return `account ${id} cannot trade`;
  return undefined;
}

export function checkSymbol(
  instrument: SimInstrument | undefined,
  symbol: string,
  listed: Iterable<string>,
): Problem {
  if (instrument !== undefined) return undefined;
  return `unknown symbol "${symbol}" (the simulator lists ${[...listed].join(', ')})`;
}

export function checkQty(qty: unknown, what = 'qty'): Problem {
  if (typeof qty === 'number' && Number.isInteger(qty) && qty > 0) return undefined;
  return `${what} must be a whole number of contracts, at least 1 (got ${String(qty)})`;
}

function checkPrices(command: PlaceOrder, instrument: SimInstrument): Problem {
  const named: [string, Dec | undefined][] = [
    ['limitPrice', command.limitPrice],
    ['stopPrice', command.stopPrice],
    ['stopLossPrice', command.stopLossPrice],
    ['takeProfitPrice', command.takeProfitPrice],
  ];
  for (const [name, price] of named) {
    if (price === undefined) continue;
    if (price.lessThanOrEqualTo(0)) return `${name} must be above 0 (got ${price.toFixed()})`;
    if (!onTickGrid(instrument, price)) {
      return `${name} ${price.toFixed()} is not on the ${instrument.symbol} tick grid (${instrument.tickSize.toFixed()})`;
    }
  }
  return undefined;
}

function checkKind(command: PlaceOrder): Problem {
  const { kind, limitPrice, stopPrice } = command;
  if (kind === 'limit' && limitPrice === undefined) return 'a limit order needs a limitPrice';
  if (kind === 'stop' && stopPrice === undefined) return 'a stop order needs a stopPrice';
  if (kind !== 'limit' && limitPrice !== undefined) return `a ${kind} order takes no limitPrice`;
  if (kind !== 'stop' && stopPrice !== undefined) return `a ${kind} order takes no stopPrice`;
  return undefined;
}

/** A stop entry already through the market would fill at once: brokers refuse it, so does the simulator. */
function checkStopEntry(command: PlaceOrder, quote: SimQuote): Problem {
  const stop = command.stopPrice;
  if (command.kind !== 'stop' || stop === undefined) return undefined;
  if (command.side === 'buy' && stop.lessThanOrEqualTo(quote.ask)) {
    return `a buy stop must be above the market: stopPrice ${stop.toFixed()} is at or below the ask ${quote.ask.toFixed()}`;
  }
  if (command.side === 'sell' && stop.greaterThanOrEqualTo(quote.bid)) {
    return `a sell stop must be below the market: stopPrice ${stop.toFixed()} is at or above the bid ${quote.bid.toFixed()}`;
  }
  return undefined;
}

type Reference = { price: Dec; label: string };

/** Where the entry will fill, as seen by the protective stop and by the target. */
function bracketReferences(command: PlaceOrder, quote: SimQuote): { stop: Reference; target: Reference } {
  const buy = command.side === 'buy';
  const { limitPrice, stopPrice } = command;
  const resting =
    command.kind === 'stop' && stopPrice !== undefined
      ? { price: stopPrice, label: 'the stop price' }
      : command.kind === 'limit' && limitPrice !== undefined && !marketable(command.side, limitPrice, quote)
        ? { price: limitPrice, label: 'the limit price' }
        : undefined;
  if (resting !== undefined) return { stop: resting, target: resting };
  const bid = { price: quote.bid, label: 'the bid' };
  const ask = { price: quote.ask, label: 'the ask' };
  return buy ? { stop: bid, target: ask } : { stop: ask, target: bid };
}

function checkBracket(command: PlaceOrder, quote: SimQuote): Problem {
  const { stopLossPrice, takeProfitPrice, side } = command;
  const refs = bracketReferences(command, quote);
  const below = side === 'buy';
  const wrong = (price: Dec, ref: Reference): boolean =>
    below ? price.greaterThanOrEqualTo(ref.price) : price.lessThanOrEqualTo(ref.price);
  if (stopLossPrice !== undefined && wrong(stopLossPrice, refs.stop)) {
    const where = below ? 'below' : 'above';
    return `stopLossPrice ${stopLossPrice.toFixed()} is on the wrong side of the market: a ${side}'s stop loss must be ${where} ${refs.stop.price.toFixed()} (${refs.stop.label})`;
  }
  const targetWrong = (price: Dec): boolean =>
    below ? price.lessThanOrEqualTo(refs.target.price) : price.greaterThanOrEqualTo(refs.target.price);
  if (takeProfitPrice !== undefined && targetWrong(takeProfitPrice)) {
    const where = below ? 'above' : 'below';
    return `takeProfitPrice ${takeProfitPrice.toFixed()} is on the wrong side of the market: a ${side}'s take profit must be ${where} ${refs.target.price.toFixed()} (${refs.target.label})`;
  }
  return undefined;
}

/** A limit order that can trade now: a buy at or above the ask, a sell at or below the bid. */
export function marketable(side: PlaceOrder['side'], limitPrice: Dec, quote: SimQuote): boolean {
  return side === 'buy'
    ? limitPrice.greaterThanOrEqualTo(quote.ask)
    : limitPrice.lessThanOrEqualTo(quote.bid);
}

/** Every check of a new order, in the order a trader would fix them; the first problem found. */
export function checkPlaceOrder(command: PlaceOrder, instrument: SimInstrument, quote: SimQuote): Problem {
  return (
    checkQty(command.qty) ??
    checkKind(command) ??
    checkPrices(command, instrument) ??
    checkStopEntry(command, quote) ??
    checkBracket(command, quote)
  );
}

export function checkClose(command: ClosePosition, positionQty: number): Problem {
  if (command.qty !== undefined) {
    const problem = checkQty(command.qty);
    if (problem !== undefined) return problem;
  }
  if (positionQty === 0) return `no open ${command.symbol} position in account ${command.account}`;
  if (command.qty !== undefined && command.qty > Math.abs(positionQty)) {
    return `cannot close ${command.qty} ${command.symbol}: the position is ${Math.abs(positionQty)} contracts`;
  }
  return undefined;
}
