// The soak's invariant checkers, pure: each takes what it checks (the view the trader sees, the engine rebuilt from
// the store, the simulated broker's own book, the journal's counts) and returns its violations as one line of
// words each, naming the account and the figures. test/unit/soak/invariants.test.ts feeds them broken states.
import { DEMO_MAX_CONTRACTS } from '../../main/broker/sim';
import { Dec } from '../../shared/domain/money';
import type { AccountView, StateView } from '../../shared/ipc';

/**
 * The verified flatten's budget (docs/RULES.md section 7): 5 attempts of at most 3 s each to see the account flat,
 * with waits of 250 ms, 500 ms, 1 s and 2 s between them: 18.75 s from the first command to "Flatten FAILED".
 */
export const FLATTEN_BUDGET_MS = 5 * 3000 + 250 + 500 + 1000 + 2000;

const dec = (text: string): Dec => new Dec(text);

/** Money per point of price per contract, by symbol, from the view's instruments (tickValue / tickSize). */
export function pointValues(view: Pick<StateView, 'instruments'>): Map<string, Dec> {
  return new Map(view.instruments.map((i) => [i.symbol, dec(i.tickValue).div(dec(i.tickSize))]));
}

/**
 * Equity = balance + unrealized, per account, exactly: the account's equity is its balance plus its unrealized
 * P&L, which is exactly the sum of its positions' unrealized P&L. Each position's is (mark − average price) ×
 * quantity × point value up to two roundings the rules allow: the view's average price has 8 places (docs/RULES.md
 * section 9: averages need not terminate), half a unit of the 8th place × |quantity| × point value; and the cost
 * basis absorbs each partial close's realized P&L rounded to the cent (section 3) while the average stays, half a
 * cent per partial close, at most DEMO_MAX_CONTRACTS − 1 of them since the position last grew.
 */
export function equityViolations(view: Pick<StateView, 'accounts' | 'instruments'>): string[] {
  const values = pointValues(view);
  return view.accounts.flatMap((account) => accountEquityViolations(account, values));
}

const HALF_OF_8TH_PLACE = new Dec('0.000000005');
const ROUNDED_CLOSES = new Dec('0.005').mul(DEMO_MAX_CONTRACTS - 1);

function accountEquityViolations(account: AccountView, values: ReadonlyMap<string, Dec>): string[] {
  const { id, metrics } = account;
  const out: string[] = [];
  const expected = dec(metrics.balance).add(dec(metrics.unrealizedPnl));
  if (!expected.eq(dec(metrics.equity)))
    out.push(
      `equity: ${id} equity ${metrics.equity} is not balance ${metrics.balance} + unrealized ${metrics.unrealizedPnl} = ${expected.toFixed()}`,
    );
  const sum = account.positions.reduce((total, p) => total.add(dec(p.unrealizedPnl)), new Dec(0));
  if (!sum.eq(dec(metrics.unrealizedPnl)))
    out.push(
      `equity: ${id} unrealized ${metrics.unrealizedPnl} is not the sum of its positions' ${sum.toFixed()} (${account.positions.map((p) => `${p.symbol} ${p.unrealizedPnl}`).join(', ')})`,
    );
  for (const p of account.positions) {
    const pointValue = values.get(p.symbol);
    if (pointValue === undefined) {
      out.push(`equity: ${id} holds ${p.symbol}, an instrument the view does not list`);
      continue;
    }
    const valued = dec(p.mark).sub(dec(p.avgPrice)).mul(p.qty).mul(pointValue);
    const slack = HALF_OF_8TH_PLACE.mul(Math.abs(p.qty)).mul(pointValue).add(ROUNDED_CLOSES);
    if (valued.sub(dec(p.unrealizedPnl)).abs().gt(slack))
      out.push(
        `equity: ${id} ${p.symbol} unrealized ${p.unrealizedPnl} is not (mark ${p.mark} − avg ${p.avgPrice}) × ${p.qty} × ${pointValue.toFixed()} = ${valued.toFixed()}`,
      );
  }
  return out;
}

/** One account as the halt watch sees it at an instant. */
export type HaltSight = {
  account: string;
  /** Halted in Warden's view (its strictest lock). */
  halted: boolean;
  /** Why (the view's lockReason), for the report. */
  reason: string | null;
  /** What the broker's own book holds in the account, "MNQ 2" each; empty when flat. */
  brokerHolds: string[];
};

/**
 * No halted account holds a position at the broker for longer than the flatten budget, measured from the halt (or
 * from when the position appeared, if later). Only time in which Warden can act counts: the broker link up and
 * reconciled, the account's enforcement not paused by its circuit breaker (docs/RULES.md section 7: the trader is
 * told to act by hand then). Fed at every state push and every check; an episode is reported once.
 */
export function createHaltWatch(budgetMs = FLATTEN_BUDGET_MS) {
  type Episode = { since: number; lastAt: number; exposedMs: number; reported: boolean };
  const episodes = new Map<string, Episode>();
  return {
    /** The accounts seen at `t` (ms); `canAct(account)`: whether Warden could act on it since the last sight. */
    observe(t: number, sights: readonly HaltSight[], canAct: (account: string) => boolean): string[] {
      const out: string[] = [];
      for (const sight of sights) {
        const exposed = sight.halted && sight.brokerHolds.length > 0;
        const episode = episodes.get(sight.account);
        if (!exposed) {
          episodes.delete(sight.account);
          continue;
        }
        if (episode === undefined) {
          episodes.set(sight.account, { since: t, lastAt: t, exposedMs: 0, reported: false });
          continue;
        }
        if (canAct(sight.account)) episode.exposedMs += Math.max(0, t - episode.lastAt);
        episode.lastAt = t;
        if (episode.exposedMs <= budgetMs || episode.reported) continue;
        episode.reported = true;
        out.push(
          `halted with a position: ${sight.account} has held ${sight.brokerHolds.join(', ')} at the broker for ${(episode.exposedMs / 1000).toFixed(2)} s while Warden could act (flatten budget ${(budgetMs / 1000).toFixed(2)} s), since ${new Date(episode.since).toISOString()}; ${sight.reason ?? 'halted'}`,
        );
      }
      return out;
    },
    /** Accounts in an episode now, with the time counted so far. */
    open(): Map<string, number> {
      return new Map([...episodes].map(([account, e]) => [account, e.exposedMs]));
    },
  };
}

/** The parts of an account's view that come from the engine's state alone (not the flattener's or breaker's). */
function stateOf(account: AccountView): Omit<AccountView, 'flattening' | 'enforcement'> {
  const { flattening: _flattening, enforcement: _enforcement, ...rest } = account;
  return rest;
}

/** Each leaf where `a` and `b` differ, as "path: a ≠ b" (at most `limit`). */
export function differences(a: unknown, b: unknown, path: string, limit = 8): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, at: string): void => {
    if (out.length >= limit) return;
    if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const key of keys)
        walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${at}.${key}`);
      return;
    }
    if (x !== y) out.push(`${at}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
  };
  walk(a, b, path);
  return out;
}

/**
 * The journal and the state agree: the view of the engine rebuilt from the store (its latest snapshot and the
 * journal since, as a restart does) equals the live view, account by account and group by group (only what the
 * flattener and the breaker add is left out). Differences read "live ≠ rebuilt".
 */
export function rebuildViolations(
  live: Pick<StateView, 'accounts' | 'groups'>,
  rebuilt: Pick<StateView, 'accounts' | 'groups'>,
): string[] {
  const out: string[] = [];
  const rebuiltById = new Map(rebuilt.accounts.map((a) => [a.id, a]));
  for (const account of live.accounts) {
    const other = rebuiltById.get(account.id);
    if (other === undefined) {
      out.push(`journal/state: ${account.id} is live but not in the engine rebuilt from the store`);
      continue;
    }
    for (const diff of differences(stateOf(account), stateOf(other), account.id))
      out.push(`journal/state: ${diff} (live ≠ rebuilt)`);
  }
  const liveIds = new Set(live.accounts.map((a) => a.id));
  for (const account of rebuilt.accounts)
    if (!liveIds.has(account.id))
      out.push(`journal/state: ${account.id} is in the engine rebuilt from the store but not live`);
  for (const diff of differences(live.groups, rebuilt.groups, 'groups'))
    out.push(`journal/state: ${diff} (live ≠ rebuilt)`);
  return out;
}

/** The simulated broker's book, as compared (SimLedger's shape, money as decimals). */
export type BrokerBook = {
  accounts: { id: string; balance: Dec }[];
  positions: { account: string; symbol: string; qty: number; avgPrice: Dec }[];
  working: { id: string; account: string; symbol: string }[];
};

const listed = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

/**
 * Warden's accounts against the broker's own book, exactly: each account's balance, each position's quantity and
 * average price (to the view's 8 places), and the ids of the working orders.
 */
export function brokerMismatches(view: Pick<StateView, 'accounts'>, book: BrokerBook): string[] {
  const out: string[] = [];
  const seen = new Set(view.accounts.map((a) => a.id));
  for (const { id } of book.accounts)
    if (!seen.has(id)) out.push(`broker: ${id} is in the broker's book but not in Warden's`);
  for (const account of view.accounts) {
    const { id } = account;
    const booked = book.accounts.find((a) => a.id === id);
    if (booked === undefined) {
      out.push(`broker: ${id} is in Warden's view but not in the broker's book`);
      continue;
    }
    if (!booked.balance.eq(dec(account.metrics.balance)))
      out.push(
        `broker: ${id} balance ${account.metrics.balance} in Warden, ${booked.balance.toFixed()} at the broker`,
      );
    const ours = account.positions.map((p) => `${p.symbol} ${p.qty} @ ${p.avgPrice}`).sort();
    const theirs = book.positions
      .filter((p) => p.account === id)
      .map((p) => `${p.symbol} ${p.qty} @ ${p.avgPrice.toDecimalPlaces(8).toFixed()}`)
      .sort();
    if (ours.join('; ') !== theirs.join('; '))
      out.push(`broker: ${id} positions ${listed(ours)} in Warden, ${listed(theirs)} at the broker`);
    const orders = account.orders.map((o) => o.id).sort();
    const working = book.working
      .filter((o) => o.account === id)
      .map((o) => o.id)
      .sort();
    if (orders.join(',') !== working.join(','))
      out.push(`broker: ${id} working orders ${listed(orders)} in Warden, ${listed(working)} at the broker`);
  }
  return out;
}

/**
 * What the broker emitted against what the journal holds. `delivered`: the events the adapter handed to the core,
 * by type; `journaled`: the journal's rows by type since the run began; `pendingQuotes`: quotes applied and waiting
 * for their batch to be journaled; `unjournaledFills`: the ids of fills the broker booked (whether or not the link
 * was up) that the journal does not hold; `notApplied`: events the pipeline journaled but failed to apply.
 */
export type EventCounts = {
  delivered: ReadonlyMap<string, number>;
  journaled: ReadonlyMap<string, number>;
  pendingQuotes: number;
  unjournaledFills: readonly string[];
  notApplied: number;
};

/**
 * Lost events: events the broker emitted that never reached the journal or the engine. Three kinds, each counted
 * once: (1) per type, delivered to the core but missing from the journal (a quote still in its pending batch is not
 * missing); (2) fills the broker booked whose id never reached the journal, not even through a reconnect's
 * snapshot (only those not already counted in 1); (3) delivered events the pipeline failed to apply. A journal
 * holding more of a broker event type than was delivered is an invariant violation of its own (`surplus`).
 */
export function lostEvents(counts: EventCounts): { lost: number; lines: string[]; surplus: string[] } {
  const lines: string[] = [];
  const surplus: string[] = [];
  let lost = 0;
  let deliveredFillsMissing = 0;
  for (const [type, delivered] of counts.delivered) {
    const journaled = (counts.journaled.get(type) ?? 0) + (type === 'quote' ? counts.pendingQuotes : 0);
    if (journaled < delivered) {
      lost += delivered - journaled;
      if (type === 'fill') deliveredFillsMissing = delivered - journaled;
      lines.push(
        `lost: ${delivered - journaled} of ${delivered} ${type} events delivered are not in the journal`,
      );
    } else if (journaled > delivered)
      surplus.push(
        `journal/state: the journal holds ${journaled} ${type} events, ${delivered} were delivered`,
      );
  }
  const missing = counts.unjournaledFills;
  const neverDelivered = Math.max(0, missing.length - deliveredFillsMissing);
  if (neverDelivered > 0) {
    lost += neverDelivered;
    lines.push(
      `lost: ${neverDelivered} fills booked by the broker never reached the journal (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})`,
    );
  }
  if (counts.notApplied > 0) {
    lost += counts.notApplied;
    lines.push(`lost: ${counts.notApplied} events journaled but not applied by the engine`);
  }
  return { lost, lines, surplus };
}
