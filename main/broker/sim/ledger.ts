// Books one execution: the fill with its fees and average-cost realized P&L, the new position, the new balance.
// Realized P&L is gross of fees and settled in cents, like a broker statement.
import type {
  AccountEvent,
  BrokerEvent,
  FillEvent,
  PositionEvent,
  Side,
} from '../../../shared/domain/events';
import { Dec, ZERO } from '../../../shared/domain/money';
import { pointValue, type SimInstrument } from './instruments';
import { nextFillId, positionKey, type SimAccount, type SimState } from './state';

export type Execution = { account: string; orderId: string; side: Side; qty: number; price: Dec; t: number };

type Holding = { qty: number; avgPrice: Dec };

/** The position after a signed quantity trades at `price`, and the gross P&L of the part it closed. */
export function nextHolding(
  held: Holding,
  signedQty: number,
  price: Dec,
  perPoint: Dec,
): Holding & { realized?: Dec } {
  const { qty, avgPrice } = held;
  if (qty === 0 || Math.sign(qty) === Math.sign(signedQty)) {
    const total = Math.abs(qty) + Math.abs(signedQty);
    const cost = avgPrice.mul(Math.abs(qty)).add(price.mul(Math.abs(signedQty)));
    return { qty: qty + signedQty, avgPrice: qty === 0 ? price : cost.div(total) };
  }
  const closed = Math.min(Math.abs(qty), Math.abs(signedQty));
  const perContract = qty > 0 ? price.sub(avgPrice) : avgPrice.sub(price);
  const realized = perContract.mul(closed).mul(perPoint).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const after = qty + signedQty;
  const avgAfter = after === 0 ? ZERO : Math.sign(after) === Math.sign(qty) ? avgPrice : price;
  return { qty: after, avgPrice: avgAfter, realized };
}

export function usedMargin(
  state: SimState,
  account: string,
  instruments: ReadonlyMap<string, SimInstrument>,
): Dec {
  let total = ZERO;
  for (const position of state.positions.values()) {
    const margin = instruments.get(position.symbol)?.marginPerContract;
    if (position.account === account && margin !== undefined)
      total = total.add(margin.mul(Math.abs(position.qty)));
  }
  return total;
}

export function accountEvent(
  state: SimState,
  account: SimAccount,
  instruments: ReadonlyMap<string, SimInstrument>,
  t: number,
): AccountEvent {
  return {
    type: 'account',
    t,
    account: account.id,
    balance: account.balance,
    name: account.name,
    canTrade: account.canTrade,
    usedMargin: usedMargin(state, account.id, instruments),
  };
}

export function positionEvent(account: string, symbol: string, holding: Holding, t: number): PositionEvent {
  return { type: 'position', t, account, symbol, qty: holding.qty, avgPrice: holding.avgPrice };
}

/** Files the account's new holding of `symbol`; a flat one leaves the book. */
function holdPosition(state: SimState, account: string, symbol: string, holding: Holding): void {
  const key = positionKey(account, symbol);
  if (holding.qty === 0) state.positions.delete(key);
  else state.positions.set(key, { account, symbol, qty: holding.qty, avgPrice: holding.avgPrice });
}

/** Applies an execution to the book and returns its events: fill, position, account. */
export function bookExecution(
  state: SimState,
  instruments: ReadonlyMap<string, SimInstrument>,
  instrument: SimInstrument,
  execution: Execution,
): BrokerEvent[] {
  const { account: accountId, side, qty, price, t } = execution;
  const account = state.accounts.get(accountId);
  if (account === undefined) throw new Error(`no account ${accountId}`);
  const held = state.positions.get(positionKey(accountId, instrument.symbol)) ?? { qty: 0, avgPrice: ZERO };
  const signed = side === 'buy' ? qty : -qty;
  const next = nextHolding(held, signed, price, pointValue(instrument));
  const fees = instrument.feePerSide.mul(qty);
  const fill: FillEvent = {
    type: 'fill',
    t,
    account: accountId,
    id: nextFillId(state),
    orderId: execution.orderId,
    symbol: instrument.symbol,
    side,
    qty,
    price,
    fees,
    ...(next.realized === undefined ? {} : { realizedPnl: next.realized }),
  };
  state.fills.push(fill);
  holdPosition(state, accountId, instrument.symbol, next);
  account.balance = account.balance.add(next.realized ?? ZERO).sub(fees);
  return [
    fill,
    positionEvent(accountId, instrument.symbol, next, t),
    accountEvent(state, account, instruments, t),
  ];
}
