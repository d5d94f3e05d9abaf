// The fake gateway's REST endpoints (docs/brokers/PROJECTX.md section 2): POST /api/<Controller>/<action>, bearer tokens, the
// success/errorCode/errorMessage envelope on HTTP 200 for business failures, 401 for a bad token.
import Decimal from 'decimal.js';
import type { Model, UserEvent } from './model';

export type RestReply = { status: number; body?: unknown; headers?: Record<string, string> };
/** What a mutating call actually did at the broker (a refused or failed call does nothing). */
export type Effect =
  | { kind: 'cancel'; accountId: number; orderId: number }
  | { kind: 'close'; accountId: number; contractId: string; size: number; partial: boolean }
  | { kind: 'place'; accountId: number; contractId: string; orderId: number };
export type Tokens = { issue(): string; valid(token: string | null): boolean };
export type RestContext = {
  model: Model;
  tokens: Tokens;
  credentials: { userName: string; apiKey: string };
  /** Contract/searchById answers the April-2025 shape (`contracts: [...]`) instead of `contract`. */
  legacyContractShape: boolean;
  push(events: UserEvent[]): void;
  /** Told of every effect, in order. */
  effect?(effect: Effect): void;
};

const ok = (payload: object = {}): RestReply => ({
  status: 200,
  body: { ...payload, success: true, errorCode: 0, errorMessage: null },
});
const refuse = (errorCode: number, errorMessage: string | null = null, payload: object = {}): RestReply => ({
  status: 200,
  body: { ...payload, success: false, errorCode, errorMessage },
});

type Body = Record<string, unknown>;

export function handleRest(ctx: RestContext, endpoint: string, body: Body, token: string | null): RestReply {
  const { model } = ctx;
  // Anyone may ping; the real gateway's answer is undocumented (section 1.4a), a client may only count on a 200.
  if (endpoint === 'Status/ping') return { status: 200, body: 'pong' };
  if (endpoint === 'Auth/loginKey') {
    if (typeof body.userName !== 'string' || typeof body.apiKey !== 'string') return { status: 400 };
    const matches =
      body.userName.toLowerCase() === ctx.credentials.userName.toLowerCase() &&
      body.apiKey === ctx.credentials.apiKey;
    return matches ? ok({ token: ctx.tokens.issue() }) : refuse(3, null, { token: null });
  }
  if (!ctx.tokens.valid(token)) return { status: 401 };
  const accountId = Number(body.accountId);
  switch (endpoint) {
    case 'Auth/validate':
      return ok({ newToken: ctx.tokens.issue() });
    case 'Account/search':
      return ok({ accounts: [...model.accounts.values()].map(model.accountWire) });
    case 'Contract/searchById': {
      const contract = model.contracts.get(String(body.contractId));
      if (contract === undefined) return refuse(1);
      const wire = model.contractWire(contract);
      return ctx.legacyContractShape ? ok({ contracts: [wire] }) : ok({ contract: wire });
    }
    case 'Position/searchOpen':
      if (!model.accounts.has(accountId)) return refuse(1);
      return ok({
        positions: [...model.positions.values()]
          .filter((p) => p.accountId === accountId)
          .map(model.positionWire),
      });
    case 'Order/searchOpen':
      if (!model.accounts.has(accountId)) return refuse(1);
      // Suspended bracket children (status 8) are not listed (section 2.13).
      return ok({
        orders: [...model.orders.values()].filter((o) => o.accountId === accountId && o.status !== 8),
      });
    case 'Trade/search': {
      if (!model.accounts.has(accountId)) return refuse(1);
      const since = typeof body.startTimestamp === 'string' ? Date.parse(body.startTimestamp) : 0;
      return ok({
        trades: model.trades.filter(
          (t) => t.accountId === accountId && Date.parse(t.creationTimestamp) >= since,
        ),
      });
    }
    case 'Order/cancel': {
      const order = model.orders.get(Number(body.orderId));
      if (!model.accounts.has(accountId)) return refuse(1);
      if (order?.accountId !== accountId) return refuse(2);
      ctx.push(model.setOrderStatus(order.id, 3));
      ctx.effect?.({ kind: 'cancel', accountId, orderId: order.id });
      return ok();
    }
    case 'Order/place':
      return place(ctx, accountId, body);
    case 'Position/closeContract':
    case 'Position/partialCloseContract':
      return close(ctx, endpoint, accountId, String(body.contractId), body.size);
    default:
      return { status: 404 };
  }
}

/** Order/place, as far as Warden uses it: resting orders (a protective stop); a duplicate customTag is refused. */
function place(ctx: RestContext, accountId: number, body: Body): RestReply {
  const { model } = ctx;
  if (!model.accounts.has(accountId)) return refuse(1);
  const contractId = String(body.contractId);
  if (!model.contracts.has(contractId)) return refuse(8);
  const size = Number(body.size);
  const customTag = typeof body.customTag === 'string' ? body.customTag : undefined;
  const taken = [...model.orders.values()].some(
    (o) => o.accountId === accountId && o.customTag === customTag,
  );
  if (!Number.isInteger(size) || size <= 0 || (customTag !== undefined && taken))
    return refuse(2, 'rejected');
  const { order, events } = model.placeOrder({
    accountId,
    contractId,
    type: Number(body.type),
    side: Number(body.side) === 0 ? 0 : 1,
    size,
    limitPrice: typeof body.limitPrice === 'number' ? body.limitPrice : null,
    stopPrice: typeof body.stopPrice === 'number' ? body.stopPrice : null,
    ...(customTag === undefined ? {} : { customTag }),
  });
  ctx.push(events);
  ctx.effect?.({ kind: 'place', accountId, contractId, orderId: order.id });
  return ok({ orderId: order.id });
}

function close(
  ctx: RestContext,
  endpoint: string,
  accountId: number,
  contractId: string,
  size: unknown,
): RestReply {
  const { model } = ctx;
  const partial = endpoint === 'Position/partialCloseContract';
  if (!model.accounts.has(accountId)) return refuse(1);
  const position = model.positions.get(model.key(accountId, contractId));
  if (position === undefined) return refuse(2);
  const qty = partial ? Number(size) : position.size;
  if (!Number.isInteger(qty) || qty <= 0 || qty > position.size) return refuse(5);
  const side = position.type === 1 ? 1 : 0;
  const price = model.marketPrice(contractId, side);
  if (price === undefined) return refuse(partial ? 6 : 5);
  const { order } = model.placeOrder({
    accountId,
    contractId,
    type: 2,
    side,
    size: qty,
    limitPrice: null,
    stopPrice: null,
    status: 6,
  });
  const filled = model.setOrderStatus(order.id, 2);
  ctx.push([
    ...filled,
    ...model.fill(accountId, contractId, side, qty, new Decimal(price).toNumber(), order.id),
  ]);
  ctx.effect?.({ kind: 'close', accountId, contractId, size: qty, partial });
  return ok();
}
