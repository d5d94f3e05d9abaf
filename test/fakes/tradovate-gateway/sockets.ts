// The two sockets' sessions: the user socket (authorize, user/syncrequest, then any REST endpoint, and `props`
// pushes once synced) and the market-data socket (authorize, md/subscribeQuote, md/unsubscribeQuote, `md` pushes).
import type { Tokens } from './auth';
import type { Outbox } from '../projectx-gateway/link-faults';
import { ENTITY_TYPES, PLURAL, findContract, visibleTo, type Model, type Quote } from './model';
import type { Outcome, Pipeline } from './pipeline';
import type { SocketPeer, SocketRequest } from './socket-protocol';

export type SocketKind = 'user' | 'md';
/** live: quotes flow; silent: subscriptions accepted, no quote ever; refuse: authorize answers 401. */
export type MarketData = 'live' | 'silent' | 'refuse';

export type Session = {
  kind: SocketKind;
  peer: SocketPeer;
  userId: number | null;
  /** Set by user/syncrequest: from then on `props` pushes reach this socket. */
  synced: boolean;
  quotes: Set<number>;
  requests: SocketRequest[];
  /** Pushes (`props`, `md`) go through the link's faults; answers to requests do not. */
  outbox: Outbox<unknown>;
  /** Its token was revoked: every request from now on is refused (401), as a server checking tokens would. */
  revoked: boolean;
  /** A reconnect storm's flapping socket: dropped at its first request after authorize. */
  flapping: boolean;
};

export type SocketContext = {
  model: Model;
  tokens: Tokens;
  pipeline: Pipeline;
  marketData(): MarketData;
  later(ms: number, run: () => void): void;
  now(): number;
};

const denied = (i: number) => ({ i, s: 401, d: 'Access is denied' });

export function handleSocketRequest(ctx: SocketContext, session: Session, request: SocketRequest): void {
  session.requests.push(request);
  const { id: i } = request;
  const endpoint = request.endpoint.toLowerCase();
  if (endpoint === 'authorize') {
    const userId = ctx.tokens.userOf(request.body.trim());
    const refused = userId === null || (session.kind === 'md' && ctx.marketData() === 'refuse');
    session.userId = refused ? null : userId;
    session.peer.send([refused ? denied(i) : { i, s: 200 }]);
    return;
  }
  ctx.pipeline.arrive(request.endpoint);
  if (session.userId === null || (session.revoked && session.kind === 'md')) {
    session.peer.send([denied(i)]);
    return;
  }
  if (session.flapping) {
    session.peer.drop();
    return;
  }
  let body: Record<string, unknown>;
  try {
    body = request.body.trim() === '' ? {} : (JSON.parse(request.body) as Record<string, unknown>);
  } catch {
    session.peer.send([{ i, s: 400, d: 'Malformed body' }]);
    return;
  }
  if (session.kind === 'md') marketRequest(ctx, session, endpoint, i, body);
  else if (endpoint === 'user/syncrequest' && session.revoked) session.peer.send([denied(i)]);
  else if (endpoint === 'user/syncrequest') {
    session.synced = true;
    session.peer.send([{ i, s: 200, d: snapshot(ctx.model, session.userId) }]);
  } else {
    const outcome = ctx.pipeline.dispatch({
      via: 'socket',
      endpoint: request.endpoint,
      query: request.query,
      body,
      // A revoked token: the call is recorded and refused as unauthorized (401), like one over HTTP.
      userId: session.revoked ? null : session.userId,
      at: ctx.now(),
    });
    answer(ctx, session, i, outcome);
  }
}

function answer(ctx: SocketContext, session: Session, i: number, outcome: Outcome): void {
  if (outcome.hang) return;
  const send = () => session.peer.send([{ i, s: outcome.reply.status, d: outcome.reply.body }]);
  if (outcome.delayMs > 0) ctx.later(outcome.delayMs, send);
  else send();
}

function marketRequest(
  ctx: SocketContext,
  session: Session,
  endpoint: string,
  i: number,
  body: Record<string, unknown>,
) {
  const subscribe = endpoint === 'md/subscribequote';
  if (!subscribe && endpoint !== 'md/unsubscribequote') {
    session.peer.send([{ i, s: 404, d: `Unknown endpoint ${endpoint}` }]);
    return;
  }
  const contract = findContract(ctx.model, body.symbol as string | number);
  if (contract === undefined) {
    session.peer.send([{ i, s: 200, d: { errorText: `Unknown symbol ${String(body.symbol)}` } }]);
    return;
  }
  if (subscribe) session.quotes.add(contract.id);
  else session.quotes.delete(contract.id);
  session.peer.send([{ i, s: 200, d: {} }]);
  const quote = ctx.model.quotes.get(contract.id);
  if (subscribe && quote !== undefined && ctx.marketData() === 'live')
    session.outbox.post([mdPush(contract.id, quote, ctx.now())]);
}

/** `{"e":"md","d":{"quotes":[{timestamp, contractId, entries: {Bid, Offer, Trade}}]}}` with the sides known. */
export function mdPush(contractId: number, quote: Quote, atMs: number) {
  const size = quote.size ?? 10;
  const entry = (price: number | undefined) => (price === undefined ? {} : { price, size });
  const entries = {
    ...(quote.bid === undefined ? {} : { Bid: entry(quote.bid) }),
    ...(quote.offer === undefined ? {} : { Offer: entry(quote.offer) }),
    ...(quote.trade === undefined ? {} : { Trade: entry(quote.trade) }),
  };
  return { e: 'md', d: { quotes: [{ timestamp: new Date(atMs).toISOString(), contractId, entries }] } };
}

/** The full `user/syncrequest` answer for one user. */
export function snapshot(model: Model, userId: number): Record<string, object[]> {
  return Object.fromEntries(ENTITY_TYPES.map((type) => [PLURAL[type], visibleTo(model, userId, type)]));
}
