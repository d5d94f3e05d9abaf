// The two fake gateways as the bench drives them from its gateway thread: the same few moves on either broker (a
// trader's fill at the base price, a quote at the base or the breach price), the stopwatch on every call the
// gateway reads, and what it did for account A. MNQ only: base 21450, breach 21370 (80 points, $2 a point).
import Decimal from 'decimal.js';
import {
  FAKE_CREDENTIALS as PX_LOGIN,
  startFakeGateway,
  type FakeGateway,
} from '../../fakes/projectx-gateway/server';
import {
  ACCOUNT_ID,
  ES as PX_ES,
  MNQ as PX_MNQ,
  seedDemo as seedProjectX,
} from '../../fakes/projectx-gateway/seed';
import { FAKE_CREDENTIALS as TV_LOGIN, startFakeTradovate } from '../../fakes/tradovate-gateway/server';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  MNQ as TV_MNQ,
  seedDemo as seedTradovate,
} from '../../fakes/tradovate-gateway/seed';
import {
  ENFORCEMENT,
  FLOOR,
  PRICES,
  type BenchCase,
  type GatewayAddress,
  type PriceLevel,
  type Tally,
  type Trader,
} from './protocol';

const PX_B = ACCOUNT_ID + 1;
const PX_ENFORCEMENT = new Set(ENFORCEMENT.projectx);
const TV_ENFORCEMENT = new Set(ENFORCEMENT.tradovate);

/** Hears each enforcement call for A the moment the gateway has read it, with that moment's stamp. */
export type CallListener = (endpoint: string, readAt: bigint) => void;

export type BenchGateway = {
  address: GatewayAddress;
  accounts: Record<Trader, string>;
  fill(trader: Trader, side: 'buy' | 'sell', qty: number): void;
  quote(level: PriceLevel): void;
  onEnforcement(listener: CallListener): void;
  /** The floor's moves (ProjectX): its ES quote, and the floor client's call as the gateway reads it. */
  floor: { quote(): void; onCall(listener: CallListener): void } | null;
  tally(): Tally;
  stop(): Promise<void>;
};

export function startBenchGateway(which: BenchCase): Promise<BenchGateway> {
  return which === 'projectx' ? projectX() : tradovate();
}

/** A's enforcement calls as the gateway reads them: counted, and each told to the current listener. */
function enforcementLog() {
  let listener: CallListener | null = null;
  const counts: Record<string, number> = {};
  return {
    read: (endpoint: string, readAt: bigint): void => {
      counts[endpoint] = (counts[endpoint] ?? 0) + 1;
      listener?.(endpoint, readAt);
    },
    listen: (next: CallListener): void => {
      listener = next;
    },
    counts: () => ({ ...counts }),
  };
}

/** ProjectX's B: a second practice account of the same trader. */
function seedB(model: FakeGateway['model']): void {
  model.accounts.set(PX_B, {
    id: PX_B,
    name: '50KTC-V2-423406-16429505',
    balance: new Decimal('50000'),
    canTrade: true,
    isVisible: true,
    simulated: true,
  });
}

async function projectX(): Promise<BenchGateway> {
  const log = enforcementLog();
  const floorLog = enforcementLog();
  const gateway = await startFakeGateway({
    onCall: (call) => {
      const readAt = process.hrtime.bigint();
      const account = Number(call.body.accountId);
      if (PX_ENFORCEMENT.has(call.endpoint) && account === ACCOUNT_ID) log.read(call.endpoint, readAt);
      if (call.endpoint === FLOOR.endpoint && account === FLOOR.account) floorLog.read(call.endpoint, readAt);
    },
  });
  seedProjectX(gateway.model);
  seedB(gateway.model);
  const quoteAt = (price: number) => ({ bestBid: price, bestAsk: price + 0.25, lastPrice: price });
  gateway.model.quotes.set(PX_MNQ, quoteAt(PRICES.base));
  gateway.model.quotes.set(PX_ES, quoteAt(FLOOR.price + 100));
  const ids: Record<Trader, number> = { A: ACCOUNT_ID, B: PX_B };
  return {
    address: { case: 'projectx', url: gateway.url, login: PX_LOGIN },
    accounts: { A: String(ACCOUNT_ID), B: String(PX_B) },
    fill: (trader, side, qty) => {
      gateway.fill(ids[trader], PX_MNQ, side === 'buy' ? 0 : 1, qty, PRICES.base);
    },
    quote: (level) => {
      gateway.quote(PX_MNQ, quoteAt(PRICES[level]));
    },
    onEnforcement: log.listen,
    floor: {
      quote: () => {
        gateway.quote(PX_ES, quoteAt(FLOOR.price));
      },
      onCall: floorLog.listen,
    },
    tally: () => ({
      calls: log.counts(),
      closes: gateway.effects.filter((e) => e.kind === 'close' && e.accountId === ACCOUNT_ID).length,
    }),
    stop: () => gateway.stop(),
  };
}

async function tradovate(): Promise<BenchGateway> {
  const log = enforcementLog();
  const gateway = await startFakeTradovate({
    onCall: (call) => {
      const readAt = process.hrtime.bigint();
      if (!TV_ENFORCEMENT.has(call.endpoint)) return;
      const account =
        call.endpoint === 'order/cancelorder'
          ? gateway.model.orders.get(Number(call.body.orderId))?.accountId
          : Number(call.body.accountId);
      if (account === ACCOUNT_A) log.read(call.endpoint, readAt);
    },
  });
  seedTradovate(gateway.model, Date.now());
  const quoteAt = (price: number) => ({ bid: price, offer: price + 0.25, trade: price });
  gateway.model.quotes.set(TV_MNQ, quoteAt(PRICES.base));
  const ids: Record<Trader, number> = { A: ACCOUNT_A, B: ACCOUNT_B };
  return {
    address: {
      case: 'tradovate',
      ...gateway.urls,
      login: TV_LOGIN,
    },
    accounts: { A: String(ACCOUNT_A), B: String(ACCOUNT_B) },
    fill: (trader, side, qty) => {
      const action = side === 'buy' ? 'Buy' : 'Sell';
      gateway.fill({ account: ids[trader], contract: TV_MNQ, action, qty, price: PRICES.base });
    },
    quote: (level) => {
      gateway.quote(TV_MNQ, quoteAt(PRICES[level]));
    },
    onEnforcement: log.listen,
    floor: null,
    tally: () => ({
      calls: log.counts(),
      closes: gateway.effects.filter((e) => e.kind === 'liquidate' && e.accountId === ACCOUNT_A).length,
    }),
    stop: () => gateway.stop(),
  };
}
