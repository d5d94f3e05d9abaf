// What happens at the fake broker: orders placed, filled and cancelled, fills busted, positions liquidated,
// accounts set to liquidate-only. Every operation returns the `props` pushes Tradovate would send, in order.
import Decimal from 'decimal.js';
import type { Clock } from '../../../main/platform/clock';
import { realizedOf, replay } from './books';
import {
  productOf,
  tradeDateOf,
  userOf,
  type Action,
  type EntityType,
  type EventType,
  type Fill,
  type FillPair,
  type Model,
  type Order,
  type OrderType,
  type Position,
  type PropsEvent,
} from './model';

export type NewOrder = {
  accountId: number;
  contractId: number;
  action: Action;
  orderQty: number;
  orderType: OrderType;
  price?: number;
  stopPrice?: number;
  admin?: boolean;
};
export type OrderResult = {
  orderId?: number;
  failureReason?: string;
  failureText?: string;
  events: PropsEvent[];
};

export function createTrading(model: Model, clock: Clock) {
  const now = () => new Date(clock.now()).toISOString();
  const event = (
    accountId: number,
    entityType: EntityType,
    eventType: EventType,
    entity: object,
  ): PropsEvent => ({
    userId: userOf(model, accountId),
    entityType,
    eventType,
    entity: structuredClone(entity),
  });

  /** The price a market order gets: the offer for a purchase, the bid for a sale, else the last trade. */
  const marketPrice = (contractId: number, action: Action): number | undefined => {
    const q = model.quotes.get(contractId);
    return (action === 'Buy' ? q?.offer : q?.bid) ?? q?.trade;
  };

  const positionOf = (accountId: number, contractId: number): Position | undefined =>
    [...model.positions.values()].find((p) => p.accountId === accountId && p.contractId === contractId);

  const fillsOf = (accountId: number, contractId: number): Fill[] =>
    [...model.fills.values()].filter(
      (f) => f.contractId === contractId && model.orders.get(f.orderId)?.accountId === accountId,
    );

  /** Derives the position, pairs and cash of one account and contract again from its active fills. */
  function settle(accountId: number, contractId: number): PropsEvent[] {
    const events: PropsEvent[] = [];
    const book = replay(fillsOf(accountId, contractId));
    const held = positionOf(accountId, contractId);
    const position: Position = {
      id: held?.id ?? model.nextId++,
      accountId,
      contractId,
      timestamp: now(),
      tradeDate: tradeDateOf(clock.now()),
      netPos: book.netPos,
      ...(book.netPrice === undefined ? {} : { netPrice: book.netPrice }),
      bought: book.bought,
      boughtValue: book.boughtValue,
      sold: book.sold,
      soldValue: book.soldValue,
      prevPos: held?.prevPos ?? 0,
    };
    model.positions.set(position.id, position);
    events.push(event(accountId, 'position', held === undefined ? 'Created' : 'Updated', position));

    const fillIds = new Set(fillsOf(accountId, contractId).map((f) => f.id));
    const key = (p: { buyFillId: number; sellFillId: number; qty: number }) =>
      `${p.buyFillId}|${p.sellFillId}|${p.qty}`;
    const wanted = new Map(book.pairs.map((p) => [key(p), p]));
    for (const pair of model.fillPairs.values()) {
      if (!pair.active || !fillIds.has(pair.buyFillId)) continue;
      if (wanted.delete(key(pair))) continue;
      pair.active = false;
      events.push(event(accountId, 'fillPair', 'Updated', pair));
    }
    for (const draft of wanted.values()) {
      const pair: FillPair = { id: model.nextId++, positionId: position.id, ...draft, active: true };
      model.fillPairs.set(pair.id, pair);
      events.push(event(accountId, 'fillPair', 'Created', pair));
    }
    return [...events, ...settleCash(accountId)];
  }

  function settleCash(accountId: number): PropsEvent[] {
    const cash = [...model.cashBalances.values()].find((c) => c.accountId === accountId);
    if (cash === undefined) return [];
    let realized = new Decimal(0);
    for (const pair of model.fillPairs.values()) {
      const fill = model.fills.get(pair.buyFillId);
      if (!pair.active || fill === undefined || model.orders.get(fill.orderId)?.accountId !== accountId)
        continue;
      realized = realized.plus(realizedOf([pair], productOf(model, fill.contractId).valuePerPoint));
    }
    if (realized.equals(cash.realizedPnl)) return [];
    cash.realizedPnl = realized.toNumber();
    cash.weekRealizedPnL = cash.realizedPnl;
    cash.amount = realized.plus(model.startOfDay.get(accountId) ?? 0).toNumber();
    cash.timestamp = now();
    return [event(accountId, 'cashBalance', 'Updated', cash)];
  }

  function setStatus(order: Order, ordStatus: Order['ordStatus']): PropsEvent {
    order.ordStatus = ordStatus;
    order.timestamp = now();
    return event(order.accountId, 'order', 'Updated', order);
  }

  /** Fills a working order in full at `price` (default: the market). */
  function fillOrder(orderId: number, price?: number): PropsEvent[] {
    const order = model.orders.get(orderId);
    const version = [...model.orderVersions.values()].filter((v) => v.orderId === orderId).at(-1);
    if (order?.ordStatus !== 'Working' || version === undefined)
      throw new Error(`fake Tradovate: order ${orderId} is not working`);
    const at = price ?? version.price ?? version.stopPrice ?? marketPrice(order.contractId, order.action);
    if (at === undefined) throw new Error(`fake Tradovate: no price to fill order ${orderId} at`);
    const fill: Fill = {
      id: model.nextId++,
      orderId,
      contractId: order.contractId,
      timestamp: now(),
      tradeDate: tradeDateOf(clock.now()),
      action: order.action,
      qty: version.orderQty,
      price: at,
      active: true,
      finallyPaired: 0,
    };
    model.fills.set(fill.id, fill);
    return [
      event(order.accountId, 'fill', 'Created', fill),
      setStatus(order, 'Filled'),
      ...settle(order.accountId, order.contractId),
    ];
  }

  /** Places an order; a Market order fills at once (at `fillPrice`, else the market). */
  function placeOrder(request: NewOrder, fillPrice?: number): OrderResult {
    const risk = model.accountRiskStatuses.get(request.accountId);
    const netPos = positionOf(request.accountId, request.contractId)?.netPos ?? 0;
    const after = netPos + (request.action === 'Buy' ? request.orderQty : -request.orderQty);
    if (risk?.liquidationOnly !== undefined && Math.abs(after) > Math.abs(netPos))
      return {
        failureReason: 'LiquidationOnly',
        failureText: 'Account is in liquidation-only mode',
        events: [],
      };
    const price = fillPrice ?? marketPrice(request.contractId, request.action);
    if (request.orderType === 'Market' && price === undefined)
      return { failureReason: 'NoQuote', failureText: 'No quote for a market order', events: [] };
    const order: Order = {
      id: model.nextId++,
      accountId: request.accountId,
      contractId: request.contractId,
      timestamp: now(),
      action: request.action,
      ordStatus: 'Working',
      executionProviderId: 1,
      archived: false,
      external: false,
      admin: request.admin ?? false,
    };
    const version = {
      id: model.nextId++,
      orderId: order.id,
      orderQty: request.orderQty,
      orderType: request.orderType,
      ...(request.price === undefined ? {} : { price: request.price }),
      ...(request.stopPrice === undefined ? {} : { stopPrice: request.stopPrice }),
      timeInForce: 'Day' as const,
    };
    model.orders.set(order.id, order);
    model.orderVersions.set(version.id, version);
    const events = [
      event(order.accountId, 'order', 'Created', order),
      event(order.accountId, 'orderVersion', 'Created', version),
    ];
    if (request.orderType === 'Market') events.push(...fillOrder(order.id, price));
    return { orderId: order.id, events };
  }

  function cancelOrder(orderId: number): PropsEvent[] {
    const order = model.orders.get(orderId);
    if (order?.ordStatus !== 'Working') return [];
    return [setStatus(order, 'Canceled')];
  }

  /** A busted fill: inactive, and the position, pairs and cash derived without it. */
  function bustFill(fillId: number): PropsEvent[] {
    const fill = model.fills.get(fillId);
    const order = fill && model.orders.get(fill.orderId);
    if (fill === undefined || order === undefined) throw new Error(`fake Tradovate: no fill ${fillId}`);
    fill.active = false;
    return [event(order.accountId, 'fill', 'Updated', fill), ...settle(order.accountId, order.contractId)];
  }

  /** order/liquidateposition: cancels the contract's working orders, then closes the position at the market. */
  function liquidate(accountId: number, contractId: number, admin: boolean): OrderResult {
    const events = [...model.orders.values()]
      .filter((o) => o.accountId === accountId && o.contractId === contractId)
      .flatMap((o) => cancelOrder(o.id));
    const netPos = positionOf(accountId, contractId)?.netPos ?? 0;
    if (netPos === 0) return { events };
    const closing = placeOrder({
      accountId,
      contractId,
      action: netPos > 0 ? 'Sell' : 'Buy',
      orderQty: Math.abs(netPos),
      orderType: 'Market',
      admin,
    });
    return { ...closing, events: [...events, ...closing.events] };
  }

  function setLiquidateOnly(accountId: number, on: boolean): PropsEvent[] {
    const risk = model.accountRiskStatuses.get(accountId) ?? { id: accountId, userTriggeredLiqOnly: false };
    const { liquidationOnly: _dropped, ...rest } = risk;
    const next = on
      ? {
          ...rest,
          adminAction: 'LiquidateOnlyModeImmediately',
          adminTimestamp: now(),
          liquidationOnly: now(),
        }
      : { ...rest, adminAction: 'Normal', adminTimestamp: now() };
    model.accountRiskStatuses.set(accountId, next);
    return [event(accountId, 'accountRiskStatus', 'Updated', next)];
  }

  return {
    marketPrice,
    positionOf,
    placeOrder,
    fillOrder,
    cancelOrder,
    bustFill,
    liquidate,
    setLiquidateOnly,
    event,
  };
}

export type Trading = ReturnType<typeof createTrading>;
