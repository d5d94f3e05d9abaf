// The fake Tradovate gateway's endpoints (/work/shared/TRADOVATE.md), shared by HTTP (`/v1/<endpoint>`) and the user
// socket: login and renewal, `<entity>/list|item|items`, the cash-balance snapshot and the order commands.
// Business refusals answer HTTP 200 with `errorText` or `failureReason`, as Tradovate does; a dead token is a 401.
import Decimal from 'decimal.js';
import type { Tokens } from './auth';
import {
  ENTITY_TYPES,
  findContract,
  productOf,
  visibleTo,
  type Action,
  type EntityType,
  type Model,
  type Order,
  type OrderType,
  type PropsEvent,
} from './model';
import type { Trading } from './trading';

export type Reply = { status: number; body?: unknown };
/** What a command actually did at the broker (one refused, or with nothing to act on, does nothing). */
export type Effect =
  | { kind: 'cancel'; accountId: number; orderId: number }
  | { kind: 'liquidate'; accountId: number; contractId: number; qty: number }
  | { kind: 'place'; accountId: number; contractId: number; orderId: number };
export type Credentials = { name: string; password: string; appId: string; cid: number; sec: string };
export type RestContext = {
  model: Model;
  trading: Trading;
  tokens: Tokens;
  credentials: Credentials;
  push(events: PropsEvent[]): void;
  /** Told of every effect, in order. */
  effect?(effect: Effect): void;
};
type Body = Record<string, unknown>;

const ok = (body: unknown): Reply => ({ status: 200, body });
const ORDER_TYPES: readonly string[] = ['Market', 'Limit', 'Stop', 'StopLimit'];

export function handleRest(
  ctx: RestContext,
  endpoint: string,
  query: URLSearchParams,
  body: Body,
  /** Who is calling: the live token's user over HTTP, the authorized user on a socket; null = refused. */
  userId: number | null,
): Reply {
  if (endpoint === 'auth/accesstokenrequest') return login(ctx, body);
  if (userId === null) return { status: 401, body: 'Access is denied' };
  if (endpoint === 'auth/renewaccesstoken') return ok(grantBody(ctx, userId, ctx.tokens.renew(userId)));
  const [entity = '', operation = ''] = endpoint.split('/');
  if (isEntityType(entity) && ['list', 'item', 'items', 'find'].includes(operation))
    return read(ctx.model, userId, entity, operation, query);
  const accountId = Number(body.accountId);
  const owns = ctx.model.accounts.get(accountId)?.userId === userId;
  switch (endpoint) {
    case 'cashBalance/getcashbalancesnapshot':
      return owns
        ? ok(cashSnapshot(ctx, accountId))
        : { status: 404, body: { errorText: 'Account not found' } };
    case 'order/placeorder':
      return owns
        ? placeOrder(ctx, accountId, body)
        : ok({ failureReason: 'Unauthorized', failureText: 'Access is denied' });
    case 'order/cancelorder': {
      const order = ctx.model.orders.get(Number(body.orderId));
      if (order === undefined || ctx.model.accounts.get(order.accountId)?.userId !== userId)
        return ok({ failureReason: 'UnknownReason', failureText: 'Order not found' });
      const cancelled = ctx.trading.cancelOrder(order.id);
      ctx.push(cancelled);
      if (cancelled.length > 0)
        ctx.effect?.({ kind: 'cancel', accountId: order.accountId, orderId: order.id });
      return ok({ commandId: ctx.model.nextId++ });
    }
    case 'order/liquidateposition': {
      const contract = findContract(ctx.model, Number(body.contractId));
      if (!owns || contract === undefined)
        return ok({ failureReason: 'UnknownReason', failureText: 'Unknown account or contract' });
      const netPos = ctx.trading.positionOf(accountId, contract.id)?.netPos ?? 0;
      const { events, ...result } = ctx.trading.liquidate(accountId, contract.id, body.admin === true);
      ctx.push(events);
      for (const e of events) {
        const order = e.entity as Partial<Order>;
        if (e.entityType === 'order' && order.ordStatus === 'Canceled' && order.id !== undefined)
          ctx.effect?.({ kind: 'cancel', accountId, orderId: order.id });
      }
      if (netPos !== 0 && result.failureReason === undefined)
        ctx.effect?.({ kind: 'liquidate', accountId, contractId: contract.id, qty: Math.abs(netPos) });
      return ok(result);
    }
    default:
      return { status: 404, body: { errorText: `Unknown endpoint ${endpoint}` } };
  }
}

function login(ctx: RestContext, body: Body): Reply {
  const c = ctx.credentials;
  const user = [...ctx.model.users.values()].find(
    (u) => u.name === body.name && u.password === body.password,
  );
  if (user === undefined) return ok({ errorText: 'Incorrect username or password. Please try again.' });
  if (body.appId !== c.appId || Number(body.cid) !== c.cid || body.sec !== c.sec)
    return ok({ errorText: 'The app is not registered or its key is wrong.' });
  return ok(grantBody(ctx, user.id, ctx.tokens.login(user.id)));
}

function grantBody(ctx: RestContext, userId: number, grant: ReturnType<Tokens['login']>) {
  const name = ctx.model.users.get(userId)?.name ?? '';
  return { ...grant, userStatus: 'Active', userId, name, hasLive: false };
}

function isEntityType(name: string): name is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(name);
}

function read(
  model: Model,
  userId: number,
  type: EntityType,
  operation: string,
  query: URLSearchParams,
): Reply {
  const visible = visibleTo(model, userId, type) as { id: number; name?: string }[];
  if (operation === 'list') return ok(visible);
  if (operation === 'items') {
    const ids = new Set((query.get('ids') ?? '').split(',').map(Number));
    return ok(visible.filter((e) => ids.has(e.id)));
  }
  const found =
    operation === 'find'
      ? visible.find((e) => e.name === query.get('name'))
      : visible.find((e) => e.id === Number(query.get('id')));
  return found === undefined ? { status: 404, body: { errorText: `${type} not found` } } : ok(found);
}

/** openPnL from the last quote (trade, else the mid), netLiq = cash + open P&L, exact. */
function cashSnapshot(ctx: RestContext, accountId: number) {
  const { model } = ctx;
  const cash = [...model.cashBalances.values()].find((c) => c.accountId === accountId);
  let openPnL = new Decimal(0);
  for (const p of model.positions.values()) {
    if (p.accountId !== accountId || p.netPos === 0 || p.netPrice === undefined) continue;
    const q = model.quotes.get(p.contractId);
    const mark =
      q?.trade ?? (q?.bid !== undefined && q.offer !== undefined ? (q.bid + q.offer) / 2 : undefined);
    if (mark === undefined) continue;
    openPnL = openPnL.plus(
      new Decimal(mark).minus(p.netPrice).times(p.netPos).times(productOf(model, p.contractId).valuePerPoint),
    );
  }
  const amount = new Decimal(cash?.amount ?? 0);
  return {
    accountId,
    openPnL: openPnL.toNumber(),
    netLiq: amount.plus(openPnL).toNumber(),
    totalCashValue: amount.toNumber(),
    realizedPnL: cash?.realizedPnl ?? 0,
    weekRealizedPnL: cash?.weekRealizedPnL ?? 0,
    initialMargin: model.marginSnapshots.get(accountId)?.initialMargin ?? 0,
    maintenanceMargin: model.marginSnapshots.get(accountId)?.maintenanceMargin ?? 0,
  };
}

function placeOrder(ctx: RestContext, accountId: number, body: Body): Reply {
  const contract = findContract(ctx.model, (body.symbol ?? body.contractId) as string | number);
  const qty = Number(body.orderQty);
  const orderType = String(body.orderType);
  if (contract === undefined) return ok({ failureReason: 'InvalidContract', failureText: 'Unknown symbol' });
  if (
    !Number.isInteger(qty) ||
    qty <= 0 ||
    !ORDER_TYPES.includes(orderType) ||
    !['Buy', 'Sell'].includes(String(body.action))
  )
    return ok({ failureReason: 'UnknownReason', failureText: 'Invalid order' });
  const { events, ...result } = ctx.trading.placeOrder({
    accountId,
    contractId: contract.id,
    action: body.action as Action,
    orderQty: qty,
    orderType: orderType as OrderType,
    ...(typeof body.price === 'number' ? { price: body.price } : {}),
    ...(typeof body.stopPrice === 'number' ? { stopPrice: body.stopPrice } : {}),
  });
  ctx.push(events);
  if (result.orderId !== undefined)
    ctx.effect?.({ kind: 'place', accountId, contractId: contract.id, orderId: result.orderId });
  return ok(result);
}
