// What a test (or the console) can make the fake Tradovate gateway do: trade, move quotes, change the firm's
// settings, and misbehave (429s, penalty tickets, scripted replies, dropped, refused and silent sockets).
import type { Clock } from '../../../main/platform/clock';
import type { Tokens } from './auth';
import {
  findContract,
  type Action,
  type EventType,
  type Model,
  type PropsEvent,
  type Quote,
  type UserAccountAutoLiq,
} from './model';
import type { LinkFaults } from '../projectx-gateway/link-faults';
import type { Pipeline } from './pipeline';
import { mdPush, type MarketData, type Session, type SocketKind } from './sockets';
import type { NewOrder, Trading } from './trading';
import { ACCOUNT_A } from './seed';

export type Faults = {
  heartbeating: boolean;
  marketData: MarketData;
  refuse: Record<SocketKind, number>;
  /** The next so many connections of a kind are accepted and dropped at their first request after authorize. */
  flap: Record<SocketKind, number>;
  links: Record<SocketKind, LinkFaults>;
};
type Parts = {
  model: Model;
  trading: Trading;
  tokens: Tokens;
  pipeline: Pipeline;
  sessions: Set<Session>;
  faults: Faults;
  push: (events: PropsEvent[]) => void;
  clock: Clock;
};
export type FillRequest = {
  account?: number;
  contract: number | string;
  action: Action;
  qty: number;
  price?: number;
};

export function gatewayCommands({ model, trading, tokens, pipeline, sessions, faults, push, clock }: Parts) {
  const sessionsOf = (kind?: SocketKind) =>
    [...sessions].filter((s) => kind === undefined || s.kind === kind);
  const contractId = (key: number | string) => {
    const contract = findContract(model, key);
    if (contract === undefined) throw new Error(`fake Tradovate: no contract ${key}`);
    return contract.id;
  };
  const pushed = (events: PropsEvent[]) => {
    push(events);
    return events;
  };

  const sendQuote = (id: number, quote: Quote, at: number) => {
    if (faults.marketData !== 'live') return;
    for (const s of sessionsOf('md'))
      if (s.userId !== null && s.quotes.has(id)) s.outbox.post([mdPush(id, quote, at)]);
  };

  return {
    // Trading.
    /** A market order filled at once (at `price`, else the market): the fill a trader makes in their platform. */
    fill(request: FillRequest) {
      const { events, ...result } = trading.placeOrder(
        {
          accountId: request.account ?? ACCOUNT_A,
          contractId: contractId(request.contract),
          action: request.action,
          orderQty: request.qty,
          orderType: 'Market',
        },
        request.price,
      );
      if (result.failureReason !== undefined)
        throw new Error(`fake Tradovate: ${result.failureText ?? result.failureReason}`);
      push(events);
      return { ...result, events };
    },
    /** A working Limit/Stop order (a Market one fills at once). */
    placeOrder(order: Omit<NewOrder, 'contractId'> & { contract: number | string }) {
      const { contract, ...rest } = order;
      const { events, ...result } = trading.placeOrder({ ...rest, contractId: contractId(contract) });
      push(events);
      return { ...result, events };
    },
    fillOrder: (orderId: number, price?: number) => pushed(trading.fillOrder(orderId, price)),
    cancelOrder: (orderId: number) => pushed(trading.cancelOrder(orderId)),
    bustFill: (fillId: number) => pushed(trading.bustFill(fillId)),
    setLiquidateOnly: (accountId: number, on: boolean) => pushed(trading.setLiquidateOnly(accountId, on)),
    setAutoLiq(accountId: number, patch: Partial<UserAccountAutoLiq>) {
      const next = {
        ...(model.userAccountAutoLiqs.get(accountId) ?? { id: accountId, changesLocked: true }),
        ...patch,
      };
      model.userAccountAutoLiqs.set(accountId, next);
      return pushed([trading.event(accountId, 'userAccountAutoLiq', 'Updated', next)]);
    },
    /** A raw `props` push to one user's synced sockets (an entity type or shape the model does not make). */
    pushProps(userId: number, entityType: string, eventType: EventType, entity: object) {
      push([{ userId, entityType, eventType, entity }]);
    },
    /** Moves a contract's quote; subscribed market-data sockets hear it while market data is live. */
    quote(contract: number | string, quote: Quote) {
      const id = contractId(contract);
      const next = { ...model.quotes.get(id), ...quote };
      model.quotes.set(id, next);
      sendQuote(id, next, clock.now());
    },
    /**
     * Quotes stamped `at`, sent in the order given (a burst out of timestamp order); the gateway's own latest
     * quote is the newest by timestamp.
     */
    quoteBurst(contract: number | string, burst: readonly { quote: Quote; at: number }[]) {
      const id = contractId(contract);
      for (const { quote } of [...burst].sort((a, b) => a.at - b.at))
        model.quotes.set(id, { ...model.quotes.get(id), ...quote });
      for (const { quote, at } of burst) sendQuote(id, quote, at);
    },

    // Calls.
    script: pipeline.script,
    tooManyRequests: pipeline.tooManyRequests,
    penalize: pipeline.penalize,
    clearPenalties: pipeline.clearPenalties,
    when: pipeline.when,
    setLatency: pipeline.setLatency,
    /**
     * Every token expires; with `sockets`, the sockets authorized with them refuse every request from now on
     * (401), as a server that checks the token on each request would.
     */
    expireTokens(options: { sockets?: boolean } = {}) {
      tokens.expireAll();
      if (options.sockets === true) for (const s of sessions) s.revoked = true;
    },
    /** Logins succeed but their tokens answer 401 until approved (a second factor or device approval pending). */
    setPendingApproval: (on: boolean) => tokens.setPendingApproval(on),

    // Sockets.
    sessions: sessionsOf,
    /** Ends sockets without a close frame. */
    dropSockets: (kind?: SocketKind) => sessionsOf(kind).forEach((s) => s.peer.drop()),
    /** Sends `c[code,"reason"]` and closes. */
    closeSockets: (kind?: SocketKind, code = 1000, reason = 'Closed by server') =>
      sessionsOf(kind).forEach((s) => s.peer.close(code, reason)),
    /** The next `count` connection attempts to a socket are refused (HTTP 503 on the upgrade). */
    refuseConnections(kind: SocketKind, count: number) {
      faults.refuse[kind] = count;
    },
    /** The next `count` connections of a kind are accepted, then dropped at their first request after authorize. */
    flapConnections(kind: SocketKind, count: number) {
      faults.flap[kind] = count;
    },
    /** Pushes to this kind of socket (now and later ones) go through these faults; `{}` heals the link. */
    setLinkFaults(kind: SocketKind, link: LinkFaults) {
      faults.links[kind] = link;
    },
    /** The sockets end their write side (FIN, no close frame); requests are still read and carried out. */
    halfClose: (kind: SocketKind) => sessionsOf(kind).forEach((s) => s.peer.halfClose()),
    /** The sockets send nothing more (no heartbeats, pushes or answers); requests are still read and carried out. */
    quiet: (kind: SocketKind) => sessionsOf(kind).forEach((s) => s.peer.quiet()),
    setHeartbeating(on: boolean) {
      faults.heartbeating = on;
    },
    setMarketData(mode: MarketData) {
      faults.marketData = mode;
    },
    sendRaw: (kind: SocketKind, text: string) => sessionsOf(kind).forEach((s) => s.peer.sendRaw(text)),
    /** A `shutdown` push, then (unless `close` is false) `c[1001,reason]`. */
    shutdown(kind?: SocketKind, reason = 'Maintenance', close = true) {
      for (const s of sessionsOf(kind)) {
        s.peer.send([{ e: 'shutdown', d: { reasonCode: reason, reason } }]);
        if (close) s.peer.close(1001, reason);
      }
    },
  };
}
