// What the bench's main thread (the real core) and its gateway thread (the fake broker) say to each other: one
// request at a time, each answered by id. Times are process.hrtime.bigint() stamps, the same clock in both threads,
// carried as decimal strings (a bigint does not cross as JSON-safe text, and strings keep the nanoseconds exact).

export type BenchCase = 'projectx' | 'tradovate';
export const benchCases: readonly BenchCase[] = ['projectx', 'tradovate'];

/**
 * Where the core connects, and with what: the ProjectX gateway's one base URL, or Tradovate's REST, user and
 * market-data URLs, each with the fake's login.
 */
export type GatewayAddress =
  | { case: 'projectx'; url: string; login: { userName: string; apiKey: string } }
  | {
      case: 'tradovate';
      api: string;
      ws: string;
      md: string;
      login: { name: string; password: string; appId: string; cid: number; sec: string };
    };

/** Who trades at the gateway: A is the account that breaches, B holds the contract so its quotes keep flowing. */
export type Trader = 'A' | 'B';
/** The contract's base price, or the price 80 points below it where A's 2 MNQ lose 320 (past the limit of 300). */
export type PriceLevel = 'base' | 'breach';
/** The calls that act on an account, per broker: the first of them for A after the confirming quote ends a sample. */
export const ENFORCEMENT: Record<BenchCase, readonly string[]> = {
  projectx: ['Position/closeContract', 'Position/partialCloseContract', 'Order/cancel'],
  tradovate: ['order/liquidateposition', 'order/cancelorder', 'order/placeorder'],
};
/**
 * The floor under the ProjectX case (floor.ts): a close for an account the gateway does not hold, sent by a client
 * with nothing of Warden in it as soon as it hears a quote for ES (a contract the core does not follow) at `price`.
 */
export const FLOOR = { account: 999, endpoint: 'Position/closeContract', price: 5000 } as const;
/** MNQ's last price at each level (the bid; the ask a tick above). */
export const PRICES: Record<PriceLevel, number> = { base: 21450, breach: 21370 };

export type GatewayRequest =
  | { op: 'fill'; trader: Trader; side: 'buy' | 'sell'; qty: number }
  | { op: 'quote'; level: PriceLevel }
  /** The confirming quote: answered once the gateway has read A's first enforcement call after it. */
  | { op: 'confirm' }
  /** The floor's quote (ProjectX only, floor.ts): answered once the gateway has read the floor client's call. */
  | { op: 'floor' }
  | { op: 'tally' }
  | { op: 'stop' };

/** What the gateway measured for one confirming quote. */
export type Confirmed = { sentAt: string; readAt: string; endpoint: string };
/** What the gateway did for A over the whole run: enforcement calls read, and closes carried out. */
export type Tally = { calls: Record<string, number>; closes: number };

export type GatewayAnswer =
  { id: number; ok: true; value?: Confirmed | Tally } | { id: number; ok: false; error: string };
export type GatewayHello = { ready: GatewayAddress; accounts: Record<Trader, string> };
/** The thread's first message is its hello (or the error that stopped it starting); then one answer per request. */
export type GatewayMessage = GatewayAnswer | GatewayHello | { failed: string };

export type GatewayWorkerData = { case: BenchCase };
