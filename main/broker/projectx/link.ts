// One generation of the realtime connection: the user hub (required) and the market hub (quotes; optional, as
// the user may not be entitled to market data), with the subscriptions each needs (docs/brokers/PROJECTX.md sections 3.2, 4).
// A token refresh or a client that gave up replaces the whole link.
import type { Logger } from '../../platform/logger';
import type { Feed } from './feed';
import { createHub, type Hub } from './hub';
import { errorText } from './rest-client';

export type LinkTiming = {
  reconnectDelaysMs: readonly number[];
  serverTimeoutMs: number;
  keepAliveMs: number;
};

export type LinkOptions = {
  rtcUrl: string;
  token: () => string | null;
  feed: Feed;
  logger: Logger;
  timing: LinkTiming;
  accounts: readonly string[];
  onReconnecting(hub: 'user' | 'market', reason: string): void;
  onReconnected(hub: 'user' | 'market'): void;
  onClosed(hub: 'user' | 'market', reason: string): void;
};

/** ok with `market` null when both hubs are up, or the reason the market hub is not. */
export type LinkStart =
  { ok: true; market: string | null } | { ok: false; error: string; unauthorized: boolean };

export type Link = {
  start(): Promise<LinkStart>;
  stop(): Promise<void>;
  /** Quotes for exactly these contracts (those held or with working orders). */
  syncQuotes(contracts: ReadonlySet<string>): void;
};

const PER_ACCOUNT = ['SubscribeOrders', 'SubscribePositions', 'SubscribeTrades'];

export function createLink(options: LinkOptions): Link {
  const base = options.rtcUrl.replace(/\/+$/, '');
  const quoted = new Set<string>();
  let marketUp = false;

  const hub = (
    name: 'user' | 'market',
    handlers: Record<string, (args: unknown[]) => void>,
    subscriptions: () => { method: string; args: unknown[] }[],
  ): Hub =>
    createHub({
      name,
      url: `${base}/hubs/${name}`,
      token: options.token,
      logger: options.logger,
      handlers,
      subscriptions,
      ...options.timing,
      onReconnecting: (reason) => {
        options.onReconnecting(name, reason);
      },
      onReconnected: () => {
        options.onReconnected(name);
      },
      onClosed: (reason) => {
        options.onClosed(name, reason);
      },
    });

  // SubscribeAccounts takes no argument; the others take the account id as a JSON number (section 3.2).
  const user = hub('user', options.feed.user, () => [
    { method: 'SubscribeAccounts', args: [] },
    ...options.accounts.flatMap((id) => PER_ACCOUNT.map((method) => ({ method, args: [Number(id)] }))),
  ]);
  const market = hub('market', options.feed.market, () =>
    [...quoted].map((contract) => ({ method: 'SubscribeContractQuotes', args: [contract] })),
  );

  const invoke = (method: string, contract: string): void => {
    market.invoke(method, contract).catch((error: unknown) => {
      options.logger.warn('quote subscription failed', { method, contract, error: errorText(error) });
    });
  };

  return {
    async start() {
      try {
        await user.start();
      } catch (error) {
        const socket = user.lastSocketError ?? '';
        return {
          ok: false,
          error: `user hub: ${socket || errorText(error)}`,
          unauthorized: /\b401\b/.test(socket),
        };
      }
      try {
        await market.start();
        marketUp = true;
        return { ok: true, market: null };
      } catch (error) {
        const socket = market.lastSocketError ?? '';
        options.logger.warn('market hub unavailable', { error: socket || errorText(error) });
        const refused = /\b40[13]\b/.test(socket);
        return {
          ok: true,
          market: refused
            ? 'market data not entitled (the market hub refused the login): open P&L will not move'
            : `market data unavailable (${socket || errorText(error)}): open P&L will not move`,
        };
      }
    },
    async stop() {
      await Promise.allSettled([user.stop(), market.stop()]);
    },
    syncQuotes(contracts) {
      for (const contract of [...quoted]) {
        if (contracts.has(contract)) continue;
        quoted.delete(contract);
        if (marketUp) invoke('UnsubscribeContractQuotes', contract);
      }
      for (const contract of contracts) {
        if (quoted.has(contract)) continue;
        quoted.add(contract);
        if (marketUp) invoke('SubscribeContractQuotes', contract);
      }
    },
  };
}
