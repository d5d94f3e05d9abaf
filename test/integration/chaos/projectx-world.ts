// The world of the ProjectX chaos scenarios: the fake gateway (REST and both hubs on real sockets) with two
// accounts, the real core with the real adapter on a real SQLite store, timings shortened the way the ProjectX
// harness shortens them (the client notices a silent hub in 1.5 s instead of 30), and the book every scenario
// starts from: account A long 2 MNQ and 1 ES with a working stop and limit, account B short 1 MNQ and long 1 ES.
import Decimal from 'decimal.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectXBroker, type ProjectXTiming } from '../../../main/broker/projectx';
import { createCore } from '../../../main/core/app';
import { loadConfig } from '../../../main/core/start';
import type { PushMessage } from '../../../main/core/types';
import { engineConfigOf } from '../../../main/engine';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore } from '../../../main/store';
import type { FakeOrder } from '../../fakes/projectx-gateway/model';
import { FAKE_CREDENTIALS, startFakeGateway, type FakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, ES, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { CONFIG, enginePicture, picture, picturesAgree, until, type Picture } from './scenario';

export { ES, MNQ };
export const A = ACCOUNT_ID;
export const B = 18410778;

/** As the ProjectX harness's FAST, with a server timeout of 1.5 s (pings every 100 ms) and keep-alives of 0.5 s. */
export const CHAOS_TIMING: Partial<ProjectXTiming> = {
  reconnectDelaysMs: [0, 100, 200, 400, 800],
  restartDelaysMs: [100, 200, 400],
  serverTimeoutMs: 1500,
  keepAliveMs: 500,
  requestTimeoutMs: 1000,
  positionSettleMs: 150,
  resyncDelayMs: 50,
  rateLimitBackoffMs: 50,
};

export type ProjectXWorld = Awaited<ReturnType<typeof projectXWorld>>;

export async function projectXWorld(options: { seed?: number } = {}) {
  const gateway = await startFakeGateway({ pingMs: 100, seed: options.seed ?? 17 });
  seedDemo(gateway.model);
  gateway.model.accounts.set(B, {
    id: B,
    name: '50KTC-V2-423406-16429505',
    balance: new Decimal('50000'),
    canTrade: true,
    isVisible: true,
    simulated: true,
  });
  gateway.model.quotes.set(MNQ, { bestBid: 21450, bestAsk: 21450.25, lastPrice: 21450 });
  gateway.model.quotes.set(ES, { bestBid: 5975, bestAsk: 5975.25, lastPrice: 5975 });

  const dir = mkdtempSync(join(tmpdir(), 'warden-chaos-projectx-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), CONFIG);
  const logger = memoryLogger();
  const broker = createProjectXBroker({
    apiUrl: gateway.url,
    rtcUrl: gateway.url,
    credentials: FAKE_CREDENTIALS,
    clock: systemClock,
    logger,
    timing: CHAOS_TIMING,
  });
  const store = openStore(join(dir, 'warden.db'), { logger, clock: systemClock });
  const core = await createCore({
    broker,
    store,
    clock: systemClock,
    logger,
    engineConfig: engineConfigOf(loadConfig(join(dir, 'config.yaml'))),
  });
  const pushes: PushMessage[] = [];
  core.subscribe((message) => pushes.push(message));

  return {
    gateway,
    core,
    store,
    logger,
    alerts: () =>
      pushes.flatMap((m) => (m.type === 'alert' ? [`${m.payload.level}: ${m.payload.title}`] : [])),
    /** The engine's picture of an account, and the gateway's own. */
    engine: (account: number) => enginePicture(core, String(account)),
    truth: (account: number) => truthOf(gateway, account),
    view: (account: number) => {
      const found = core.view().accounts.find((a) => a.id === String(account));
      if (found === undefined) throw new Error(`account ${account} is not in the view`);
      return found;
    },
    async stop() {
      await core.stop();
      await gateway.stop();
    },
  };
}

/** The gateway's model of one account as a Picture. */
export function truthOf(gateway: FakeGateway, account: number): Picture {
  const { model } = gateway;
  const balance = model.accounts.get(account)?.balance ?? new Decimal(0);
  return picture(
    [...model.positions.values()]
      .filter((p) => p.accountId === account)
      .map((p) => [p.contractId, p.type === 1 ? p.size : -p.size, p.averagePrice]),
    [...model.orders.values()].filter((o) => o.accountId === account).map((o) => String(o.id)),
    balance,
  );
}

/** The gateway's realized P&L of an account today, net of fees: what the engine's daily realized must equal. */
export function realizedOf(gateway: FakeGateway, account: number): string {
  return gateway.model.trades
    .filter((t) => t.accountId === account && !t.voided)
    .reduce((sum, t) => sum.plus(t.profitAndLoss ?? 0).minus(t.fees), new Decimal(0))
    .toFixed();
}

/**
 * The book every scenario starts from, traded at the gateway the way a trader does in their platform: A long 2
 * MNQ @ 21450.25 and 1 ES @ 5975 with a sell stop on MNQ and a sell limit on ES working, B short 1 MNQ @ 21450
 * and long 1 ES @ 5975 (so both contracts stay quoted once A is flat). Resolves once the engine holds it all and
 * quotes are subscribed for both contracts.
 */
export async function openBook(world: ProjectXWorld): Promise<{ stop: FakeOrder; limit: FakeOrder }> {
  const { gateway } = world;
  gateway.fill(A, MNQ, 0, 2, 21450.25);
  gateway.fill(A, ES, 0, 1, 5975);
  const stop = gateway.placeOrder({
    accountId: A,
    contractId: MNQ,
    type: 4,
    side: 1,
    size: 2,
    limitPrice: null,
    stopPrice: 21350,
  });
  const limit = gateway.placeOrder({
    accountId: A,
    contractId: ES,
    type: 1,
    side: 1,
    size: 1,
    limitPrice: 6000,
    stopPrice: null,
  });
  gateway.fill(B, MNQ, 1, 1, 21450);
  gateway.fill(B, ES, 0, 1, 5975);
  await until('the engine to hold the book', () => {
    const a = world.engine(A);
    return a.positions.length === 2 && a.orders.length === 2 && world.engine(B).positions.length === 2;
  });
  await until('quotes subscribed', () => {
    const market = gateway.connections('market')[0];
    return market?.subscriptions.has(`quotes:${MNQ}`) === true && market.subscriptions.has(`quotes:${ES}`);
  });
  gateway.quote(ES, { bestBid: 5975, bestAsk: 5975.25, lastPrice: 5975 });
  return { stop, limit };
}

/**
 * MNQ falls to 21370: A loses (21370 − 21450.25) × 2 × $2 = −321 open, −1.11 fees, past 300; the second quote
 * confirms the breach. B, short, gains.
 */
export function breach(gateway: FakeGateway): void {
  gateway.quote(MNQ, { bestBid: 21370, bestAsk: 21370.25, lastPrice: 21370 });
  gateway.quote(MNQ, { bestBid: 21370, bestAsk: 21370.25, lastPrice: 21370 });
}

/** The engine's picture of both accounts equals the gateway's, exactly (waited for: the feed may still be late). */
export async function agrees(world: ProjectXWorld, ms = 10_000): Promise<void> {
  await picturesAgree(
    () => [world.engine(A), world.engine(B)],
    () => [world.truth(A), world.truth(B)],
    ms,
  );
}

const sorted = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

/** The gateway's calls that act, per account and order or contract: what it saw Warden ask for. */
export function enforcementCalls(gateway: FakeGateway): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of gateway.calls) {
    const account = String(call.body.accountId);
    const key =
      call.endpoint === 'Order/cancel'
        ? `${account} cancel ${String(call.body.orderId)}`
        : call.endpoint === 'Position/closeContract' || call.endpoint === 'Position/partialCloseContract'
          ? `${account} ${call.endpoint === 'Position/closeContract' ? 'close' : 'partial close'} ${String(call.body.contractId)}`
          : call.endpoint === 'Order/place'
            ? `${account} place ${String(call.body.contractId)}`
            : null;
    if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
  }
  return sorted(counts);
}

/** What the gateway actually did for those calls, keyed the same way. */
export function enforcementEffects(gateway: FakeGateway): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const effect of gateway.effects) {
    const key =
      effect.kind === 'cancel'
        ? `${effect.accountId} cancel ${effect.orderId}`
        : effect.kind === 'close'
          ? `${effect.accountId} ${effect.partial ? 'partial close' : 'close'} ${effect.contractId}`
          : `${effect.accountId} place ${effect.contractId}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return sorted(counts);
}

/** Each order of A cancelled once and each contract of A closed once: the flatten, exactly. */
export function onceEach(stop: FakeOrder, limit: FakeOrder, times = 1): Record<string, number> {
  return sorted({
    [`${A} cancel ${stop.id}`]: times,
    [`${A} cancel ${limit.id}`]: times,
    [`${A} close ${ES}`]: times,
    [`${A} close ${MNQ}`]: times,
  });
}
