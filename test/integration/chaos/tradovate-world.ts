// The world of the Tradovate chaos scenarios: the fake gateway (REST, the user socket and the market-data socket on
// real sockets) with its two demo accounts, the real core on the Tradovate broker as brokerFor builds it, on a
// real SQLite store, with the socket timings shortened in proportion (a silent socket noticed, and an unanswered
// request given up, after 1.5 s instead of 10), and the book every scenario starts from: account A long 2 MNQ and
// 1 ES with a working stop and limit, account B short 1 MNQ and long 1 ES.
import Decimal from 'decimal.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TradovateTiming } from '../../../main/broker/tradovate';
import type { FakeTradovate } from '../../fakes/tradovate-gateway/server';
import { ACCOUNT_A, ACCOUNT_B, ES, MNQ } from '../../fakes/tradovate-gateway/seed';
import { seededGateway, tradovateCoreOn } from '../tradovate/core-harness';
import { CONFIG, enginePicture, picture, picturesAgree, until, type Picture } from './scenario';

export { ES, MNQ };
export const A = ACCOUNT_A;
export const B = ACCOUNT_B;
export const MNQ_NAME = 'MNQZ6';
export const ES_NAME = 'ESZ6';

/**
 * The adapter's defaults scaled down: heartbeats every 250 ms, silence and request timeouts of 1.5 s. A token only
 * expires long after the login that made it (80–90 minutes), when a new login is allowed at once; the scenarios
 * run seconds after theirs, so the spacing between logins is taken away.
 */
export const CHAOS_TIMING: Partial<TradovateTiming> = {
  restartDelaysMs: [100, 200, 400],
  socket: { heartbeatMs: 250, silenceMs: 1500, requestTimeoutMs: 1500, connectTimeoutMs: 2000 },
  minLoginIntervalMs: 0,
};

export type TradovateWorld = Awaited<ReturnType<typeof tradovateWorld>>;

export async function tradovateWorld(options: { seed?: number } = {}) {
  const gateway = await seededGateway({ heartbeatMs: 200, seed: options.seed ?? 17 });
  gateway.model.quotes.set(MNQ, { bid: 21450, offer: 21450.25, trade: 21450 });
  gateway.model.quotes.set(ES, { bid: 5975, offer: 5975.25, trade: 5975 });
  const core = await tradovateCoreOn(gateway, mkdtempSync(join(tmpdir(), 'warden-chaos-tradovate-')), {
    config: CONFIG,
    timing: CHAOS_TIMING,
  });
  return {
    gateway,
    core,
    store: core.store,
    logger: core.logger,
    alerts: () => core.alerts(),
    engine: (account: number) => enginePicture(core, String(account)),
    truth: (account: number) => truthOf(gateway, account),
    view: (account: number) => core.account(account),
    async stop() {
      await core.stop();
      await gateway.stop();
    },
  };
}

/** The gateway's model of one account as a Picture (a contract by its name, Warden's symbol). */
export function truthOf(gateway: FakeTradovate, account: number): Picture {
  const { model } = gateway;
  const name = (contractId: number) => model.contracts.get(contractId)?.name ?? String(contractId);
  const cash = [...model.cashBalances.values()].find((c) => c.accountId === account);
  return picture(
    [...model.positions.values()]
      .filter((p) => p.accountId === account && p.netPos !== 0)
      .map((p) => [name(p.contractId), p.netPos, new Decimal(p.netPrice ?? 0)]),
    [...model.orders.values()]
      .filter((o) => o.accountId === account && o.ordStatus === 'Working')
      .map((o) => String(o.id)),
    cash?.amount ?? 0,
  );
}

/** The gateway's realized P&L of an account today (no fees on the fake's fills). */
export function realizedOf(gateway: FakeTradovate, account: number): string {
  const cash = [...gateway.model.cashBalances.values()].find((c) => c.accountId === account);
  return new Decimal(cash?.realizedPnl ?? 0).toFixed();
}

/**
 * The book every scenario starts from, traded at the gateway as a trader does in their platform: A long 2 MNQ @
 * 21450.25 and 1 ES @ 5975 with a sell stop on MNQ and a sell limit on ES working, B short 1 MNQ @ 21450 and
 * long 1 ES @ 5975 (so both contracts stay quoted once A is flat). Resolves once the engine holds it all and
 * quotes are subscribed for both contracts.
 */
export async function openBook(world: TradovateWorld): Promise<{ stop: number; limit: number }> {
  const { gateway } = world;
  gateway.fill({ account: A, contract: MNQ, action: 'Buy', qty: 2, price: 21450.25 });
  gateway.fill({ account: A, contract: ES, action: 'Buy', qty: 1, price: 5975 });
  const stop = gateway.placeOrder({
    accountId: A,
    contract: MNQ,
    action: 'Sell',
    orderQty: 2,
    orderType: 'Stop',
    stopPrice: 21350,
  });
  const limit = gateway.placeOrder({
    accountId: A,
    contract: ES,
    action: 'Sell',
    orderQty: 1,
    orderType: 'Limit',
    price: 6000,
  });
  gateway.fill({ account: B, contract: MNQ, action: 'Sell', qty: 1, price: 21450 });
  gateway.fill({ account: B, contract: ES, action: 'Buy', qty: 1, price: 5975 });
  await until('the engine to hold the book', () => {
    const a = world.engine(A);
    return a.positions.length === 2 && a.orders.length === 2 && world.engine(B).positions.length === 2;
  });
  await until('quotes subscribed', () =>
    gateway.sessions('md').some((s) => s.quotes.has(MNQ) && s.quotes.has(ES)),
  );
  gateway.quote(ES, { bid: 5975, offer: 5975.25, trade: 5975 });
  return { stop: Number(stop.orderId), limit: Number(limit.orderId) };
}

/** MNQ falls to 21370: A loses (21370 − 21450.25) × 2 × $2 = −321, past 300; the second quote confirms it. */
export function breach(gateway: FakeTradovate): void {
  gateway.quote(MNQ, { bid: 21370, offer: 21370.25, trade: 21370 });
  gateway.quote(MNQ, { bid: 21370, offer: 21370.25, trade: 21370 });
}

/** The engine's picture of both accounts equals the gateway's, exactly (waited for: the feed may still be late). */
export async function agrees(world: TradovateWorld, ms = 10_000): Promise<void> {
  await picturesAgree(
    () => [world.engine(A), world.engine(B)],
    () => [world.truth(A), world.truth(B)],
    ms,
  );
}

const sorted = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

/** The gateway's calls that act, per account and order or contract: what it saw Warden ask for. */
export function enforcementCalls(gateway: FakeTradovate): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of gateway.calls) {
    let key: string | null = null;
    if (call.endpoint === 'order/cancelorder') {
      const order = gateway.model.orders.get(Number(call.body.orderId));
      key = `${order?.accountId ?? '?'} cancel ${String(call.body.orderId)}`;
    } else if (call.endpoint === 'order/liquidateposition')
      key = `${String(call.body.accountId)} liquidate ${String(call.body.contractId)}`;
    else if (call.endpoint === 'order/placeorder') key = `${String(call.body.accountId)} place`;
    if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
  }
  return sorted(counts);
}

/** What the gateway actually did for those calls, keyed the same way. */
export function enforcementEffects(gateway: FakeTradovate): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const effect of gateway.effects) {
    const key =
      effect.kind === 'cancel'
        ? `${effect.accountId} cancel ${effect.orderId}`
        : effect.kind === 'liquidate'
          ? `${effect.accountId} liquidate ${effect.contractId}`
          : `${effect.accountId} place`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return sorted(counts);
}

/** Each order of A cancelled `times` and each contract of A liquidated `times`. */
export function onceEach(book: { stop: number; limit: number }, times = 1): Record<string, number> {
  return sorted({
    [`${A} cancel ${book.stop}`]: times,
    [`${A} cancel ${book.limit}`]: times,
    [`${A} liquidate ${MNQ}`]: times,
    [`${A} liquidate ${ES}`]: times,
  });
}
