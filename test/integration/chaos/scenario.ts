// What every chaos scenario shares, whichever broker: the rules that breach, waiting for signals (never fixed
// sleeps), the engine's picture of an account in a form the gateway's model can be compared with exactly, the
// flatten's audit, and counting the gateway's calls and effects per account and per order or contract.
import Decimal from 'decimal.js';
import type { WardenCore } from '../../../main/core/types';
import type { RiskResponse, Store } from '../../../main/store';

/** Net daily loss 300: flatten and halt for the day. No other rule, so every command seen is the flatten's. */
export const CONFIG = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
defaults:
  rules:
    dailyLoss: { amount: 300, basis: net }
`;

/** Polls every 10 ms until `check` holds (a false or a throw means not yet); fails naming `what` after `ms`. */
export async function until(what: string, check: () => boolean | undefined, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      if (check() !== false) return;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * One account's picture, as both sides can state it: open positions `[symbol, signed qty, average price]` and
 * working order ids, each sorted, and the cash balance, decimals as canonical strings.
 */
export type Picture = {
  positions: [string, number, string][];
  orders: string[];
  balance: string;
};

export const canonical = (value: Decimal.Value): string => new Decimal(value).toFixed();

export function picture(
  positions: readonly [string, number, Decimal.Value][],
  orders: readonly string[],
  balance: Decimal.Value,
): Picture {
  return {
    positions: positions
      .map(([symbol, qty, avg]): [string, number, string] => [symbol, qty, canonical(avg)])
      .sort((a, b) => a[0].localeCompare(b[0])),
    orders: [...orders].sort(),
    balance: canonical(balance),
  };
}

/**
 * Waits until the engine's pictures equal the gateway's, exactly (the feed may still be late); fails naming both
 * as they last were.
 */
export async function picturesAgree(
  engine: () => Picture[],
  gateway: () => Picture[],
  ms = 10_000,
): Promise<void> {
  await until(
    "the engine's picture to equal the gateway's",
    () => {
      const [ours, theirs] = [JSON.stringify(engine()), JSON.stringify(gateway())];
      if (ours !== theirs) throw new Error(`engine ${ours}, gateway ${theirs}`);
      return true;
    },
    ms,
  );
}

/** The engine's picture of `account`, as the view shows it. */
export function enginePicture(core: WardenCore, account: string): Picture {
  const view = core.view().accounts.find((a) => a.id === account);
  if (view === undefined) throw new Error(`account ${account} is not in the view`);
  return picture(
    view.positions.map((p) => [p.symbol, p.qty, p.avgPrice]),
    view.orders.map((o) => o.id),
    view.metrics.balance,
  );
}

/** The flattens recorded for an account, oldest first. */
export function flattensOf(store: Store, account: string): RiskResponse[] {
  return store.responses
    .recent(100)
    .filter((r) => r.action === 'flatten' && r.account === account)
    .reverse();
}

/** Every recorded enforcement action of an account but its flattens (a cancel of an order placed while halted …). */
export function otherActionsOf(store: Store, account: string): RiskResponse[] {
  return store.responses.recent(100).filter((r) => r.action !== 'flatten' && r.account === account);
}

/** Resolves once the account's first flatten has finished (its audit row has an outcome). */
export async function flattenFinished(store: Store, account: string, ms = 15_000): Promise<RiskResponse> {
  let done: RiskResponse | undefined;
  await until(
    `the flatten of ${account} to finish`,
    () => {
      done = flattensOf(store, account).find((r) => r.finishedAt !== null);
      return done !== undefined;
    },
    ms,
  );
  return done as RiskResponse;
}

/** What the flatten's audit says: its outcome, and each command sent with whether it was answered ok. */
export function auditOf(response: RiskResponse) {
  const detail = response.detail as { steps?: { command: Record<string, unknown>; ok: boolean }[] };
  return {
    outcome: response.outcome,
    steps: (detail.steps ?? []).map((s) => [
      s.command.type,
      String(s.command.orderId ?? s.command.symbol),
      s.ok ? 'ok' : 'failed',
    ]),
  };
}

/** How many of `items` each key has, keys sorted: `{ "cancel 123": 1, "close MNQ": 1 }`. */
export function tally<T>(items: readonly T[], keyOf: (item: T) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The distinct fill ids the core journaled for an account, sorted (a fill may be journaled again when a snapshot
 * repeats it; the engine applies each id once, which the exact P&L checks).
 */
export function journaledFills(store: Store, account: string): string[] {
  const ids = store.journal
    .readAfter(0)
    .flatMap((entry) =>
      entry.event.type === 'fill' && entry.event.account === account ? [entry.event.id] : [],
    );
  return [...new Set(ids)].sort();
}
