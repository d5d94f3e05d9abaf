// Rebuilds the picture from REST after every connect and reconnect (docs/brokers/PROJECTX.md section 5.2): nothing says the
// hubs replay what was missed, so accounts, open positions, working orders and the trades since the last one
// seen are read and turned into the snapshot BrokerAdapter.start promises.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Logger } from '../../platform/logger';
import { heldButGone } from '../held';
import type { Held } from '../types';
import { instrumentEvent, positionKey, type Book } from './book';
import type { Contracts } from './contracts';
import {
  accountSchema,
  orderSchema,
  parseEntity,
  positionSchema,
  shortJson,
  tradeSchema,
  type PxAccount,
  type PxTrade,
} from './parse';
import type { Session } from './session';
import type { z } from 'zod';

export type ReconcileDeps = { session: Session; book: Book; contracts: Contracts; logger: Logger };
export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/** The trader's accounts: the active and visible ones (the adapter guards those not excluded). */
export async function readAccounts(deps: ReconcileDeps): Promise<Read<PxAccount[]>> {
  const rows = await list(deps, 'Account/search', { onlyActiveAccounts: true }, 'accounts', accountSchema);
  if (!rows.ok) return rows;
  return { ok: true, value: rows.value.filter((a) => a.isVisible !== false) };
}

/**
 * The snapshot in the order the engine needs: instruments, balances (which already hold every fill's cash), the
 * fills since `since`, then positions (which only correct what those fills did not explain), then working orders;
 * positions and orders the adapter knew, or the engine holds (`held`: maybe from before a restart), that are
 * gone are reported closed and cancelled.
 */
export async function readSnapshot(
  deps: ReconcileDeps,
  accounts: readonly PxAccount[],
  since: number,
  now: () => number,
  held: () => readonly Held[] = () => [],
): Promise<Read<BrokerEvent[]>> {
  const { book } = deps;
  const trades: PxTrade[] = [];
  const positions: z.infer<typeof positionSchema>[] = [];
  const orders: z.infer<typeof orderSchema>[] = [];
  for (const account of accounts) {
    const accountId = Number(account.id);
    const open = await list(deps, 'Position/searchOpen', { accountId }, 'positions', positionSchema);
    if (!open.ok) return open;
    const working = await list(deps, 'Order/searchOpen', { accountId }, 'orders', orderSchema);
    if (!working.ok) return working;
    const startTimestamp = new Date(since).toISOString();
    const filled = await list(deps, 'Trade/search', { accountId, startTimestamp }, 'trades', tradeSchema);
    if (!filled.ok) return filled;
    positions.push(...open.value.filter((p) => (p.size ?? 0) > 0));
    orders.push(...working.value);
    trades.push(...filled.value);
  }
  const contractIds = new Set([
    ...trades.map((t) => t.contractId),
    ...positions.flatMap((p) => (p.contractId == null ? [] : [p.contractId])),
    ...orders.flatMap((o) => (o.contractId == null ? [] : [o.contractId])),
  ]);
  const t = now();
  const events: BrokerEvent[] = [];
  for (const id of [...contractIds].sort()) {
    const lookup = await deps.contracts.get(id);
    if (!lookup.ok) return { ok: false, error: lookup.error };
    events.push(instrumentEvent(lookup.contract, t));
  }
  for (const account of accounts) {
    const mapped = book.mergeAccount(account, t);
    if (mapped.ok) events.push(mapped.event);
  }
  for (const trade of trades.sort(byTimeThenId)) {
    const fill = book.trade(trade, t);
    if (fill !== null) events.push(fill);
  }
  // What the engine holds is read after the REST calls: hub events wait in the feed's queue meanwhile.
  const engineHeld = held();
  events.push(...positionEvents(deps, accounts, positions, trades, engineHeld, t));
  events.push(...orderEvents(deps, accounts, orders, engineHeld, t));
  return { ok: true, value: events };
}

function positionEvents(
  deps: ReconcileDeps,
  accounts: readonly PxAccount[],
  open: z.infer<typeof positionSchema>[],
  trades: readonly PxTrade[],
  held: readonly Held[],
  t: number,
): BrokerEvent[] {
  const { book } = deps;
  const guarded = new Set(accounts.map((a) => a.id));
  // Closed while we were away: what we knew, what the engine holds, and anything traded in the window, that is
  // not open now.
  const maybeClosed = new Map<string, { account: string; contract: string }>();
  for (const { account, positions } of held)
    if (guarded.has(account))
      for (const contract of positions)
        maybeClosed.set(positionKey(account, contract), { account, contract });
  for (const p of book.positions.values())
    if (p.accountId != null && p.contractId != null && guarded.has(p.accountId))
      maybeClosed.set(positionKey(p.accountId, p.contractId), {
        account: p.accountId,
        contract: p.contractId,
      });
  for (const trade of trades)
    maybeClosed.set(positionKey(trade.accountId, trade.contractId), {
      account: trade.accountId,
      contract: trade.contractId,
    });
  const events: BrokerEvent[] = [];
  for (const position of open) {
    const mapped = book.mergePosition(position, null, t);
    if (!mapped.ok) {
      deps.logger.error('open position not understood', { error: mapped.error, frame: shortJson(position) });
      continue;
    }
    maybeClosed.delete(positionKey(mapped.event.account, mapped.event.symbol));
    events.push(mapped.event);
  }
  for (const { account, contract } of maybeClosed.values()) {
    const mapped = book.mergePosition({ accountId: account, contractId: contract, size: 0 }, 2, t);
    if (mapped.ok) events.push(mapped.event);
  }
  return events;
}

function orderEvents(
  deps: ReconcileDeps,
  accounts: readonly PxAccount[],
  working: z.infer<typeof orderSchema>[],
  held: readonly Held[],
  t: number,
): BrokerEvent[] {
  const { book } = deps;
  const guarded = new Set(accounts.map((a) => a.id));
  const listed = new Set(working.map((o) => o.id));
  // Held orders the adapter does not know (held since before a restart) and the gateway no longer lists. Those
  // it knows are judged below, where a suspended bracket child (invisible to Order/searchOpen) is kept.
  const heldGone = heldButGone(
    held,
    {
      guarded: (account) => guarded.has(account),
      hasOrder: (_account, id) => listed.has(id) || book.orders.has(id),
      hasPosition: () => true,
    },
    t,
  ).orders;
  const gone = new Map(
    [...book.orders.values()]
      // Suspended bracket children (status 8) are invisible to Order/searchOpen (section 2.13): keep them.
      .filter((o) => o.accountId != null && guarded.has(o.accountId) && o.status !== 8)
      .map((o) => [o.id, o]),
  );
  const events: BrokerEvent[] = [];
  for (const order of working) {
    gone.delete(order.id);
    const mapped = book.mergeOrder(order, t);
    if (mapped.ok && mapped.event !== null) events.push(mapped.event);
    else if (!mapped.ok)
      deps.logger.error('working order not understood', { error: mapped.error, frame: shortJson(order) });
  }
  for (const order of gone.values()) {
    const mapped = book.mergeOrder({ ...order, status: 3 }, t);
    if (mapped.ok && mapped.event !== null) events.push(mapped.event);
  }
  events.push(...heldGone);
  return events;
}

/** Reads one list endpoint; rows that cannot be understood are logged with their content and left out. */
async function list<T>(
  deps: ReconcileDeps,
  endpoint: string,
  body: unknown,
  field: string,
  schema: z.ZodType<T>,
): Promise<Read<T[]>> {
  const outcome = await deps.session.call(endpoint, body);
  if (outcome.kind === 'unauthorized') return { ok: false, error: `${endpoint}: not logged in` };
  if (outcome.kind !== 'ok') return { ok: false, error: outcome.error };
  const rows = outcome.body[field];
  if (!Array.isArray(rows)) return { ok: false, error: `${endpoint}: the answer has no ${field} list` };
  const parsed: T[] = [];
  for (const row of rows as unknown[]) {
    const result = parseEntity(schema, row);
    if (result.ok) parsed.push(result.value);
    else
      deps.logger.error(`${endpoint}: row not understood, left out`, {
        error: result.error,
        frame: shortJson(row),
      });
  }
  return { ok: true, value: parsed };
}

function byTimeThenId(a: PxTrade, b: PxTrade): number {
  if (a.creationTimestamp !== b.creationTimestamp) return a.creationTimestamp - b.creationTimestamp;
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
