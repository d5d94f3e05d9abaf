// The snapshot a (re)connect emits (BrokerAdapter.start): the mapper's events from `user/syncrequest`, fills only
// from each account's own last fill on (`resume().accountsLastFillAt`, else `lastFillAt`), and what the engine
// holds or Warden last said that the broker no longer lists reported cancelled and closed, since it may have gone
// while Warden was not running or not connected.
import type { BrokerEvent, FillEvent } from '../../../shared/domain/events';
import { heldButGone } from '../held';
import type { Held, HeldOrder, ResumePoint } from '../types';

/** What Warden last said per account: working orders and open positions, to close what vanished while away. */
export function createSaid() {
  const orders = new Map<string, HeldOrder & { account: string }>();
  const positions = new Map<string, { account: string; symbol: string }>();
  return {
    /** Every emitted event passes here. */
    note(event: BrokerEvent): void {
      if (event.type === 'order') {
        if (event.status === 'working') {
          const { id, symbol, side, kind, qty, account } = event;
          orders.set(event.id, { id, symbol, side, kind, qty, account });
        } else orders.delete(event.id);
      } else if (event.type === 'position') {
        const key = `${event.account}|${event.symbol}`;
        if (event.qty === 0) positions.delete(key);
        else positions.set(key, { account: event.account, symbol: event.symbol });
      }
    },
    held(): Held[] {
      const byAccount = new Map<string, Held>();
      const of = (account: string): Held => {
        const found = byAccount.get(account) ?? { account, orders: [], positions: [] };
        byAccount.set(account, found);
        return found;
      };
      for (const { account, ...order } of orders.values()) of(account).orders.push(order);
      for (const { account, symbol } of positions.values()) of(account).positions.push(symbol);
      return [...byAccount.values()];
    },
  };
}

export type Said = ReturnType<typeof createSaid>;

/**
 * The snapshot's events with old fills left out, followed by `cancelled` orders and `qty: 0` positions for what
 * is held (by the engine or by what Warden said) in the snapshot's accounts but not listed open in it.
 */
export function reconcile(
  mapped: readonly BrokerEvent[],
  accounts: ReadonlySet<string>,
  resume: ResumePoint,
  said: readonly Held[],
  t: number,
): BrokerEvent[] {
  const since = (account: string): number | null => {
    const own = resume.accountsLastFillAt?.[account];
    return own === undefined ? resume.lastFillAt : own;
  };
  const events = mapped.filter((e) => {
    if (e.type !== 'fill') return true;
    const from = since(e.account);
    return from === null || isRecent(e, from);
  });
  const openOrders = new Set<string>();
  const openPositions = new Set<string>();
  for (const e of events) {
    if (e.type === 'order' && e.status === 'working') openOrders.add(e.id);
    if (e.type === 'position' && e.qty !== 0) openPositions.add(`${e.account}|${e.symbol}`);
  }
  const gone = heldButGone(
    mergeHeld([...resume.held, ...said]),
    {
      guarded: (account) => accounts.has(account),
      hasOrder: (_account, id) => openOrders.has(id),
      hasPosition: (account, symbol) => openPositions.has(`${account}|${symbol}`),
    },
    t,
  );
  return inEngineOrder([...events, ...gone.positions, ...gone.orders]);
}

/**
 * Instruments, accounts, then fills before positions and orders (as ProjectX's snapshot): a position corrects only
 * what the fills did not explain, so it must come after them. Each kind keeps its own order.
 */
const RANK: Record<BrokerEvent['type'], number> = {
  instrument: 0,
  account: 1,
  fill: 2,
  position: 3,
  order: 4,
  quote: 5,
  connection: 6,
};

function inEngineOrder(events: BrokerEvent[]): BrokerEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => RANK[a.event.type] - RANK[b.event.type] || a.index - b.index)
    .map(({ event }) => event);
}

function isRecent(fill: FillEvent, since: number): boolean {
  return fill.t >= since;
}

/** One entry per account, each order and symbol once. */
function mergeHeld(held: readonly Held[]): Held[] {
  const merged = new Map<string, { orders: Map<string, HeldOrder>; positions: Set<string> }>();
  for (const { account, orders, positions } of held) {
    const entry = merged.get(account) ?? { orders: new Map(), positions: new Set() };
    merged.set(account, entry);
    for (const order of orders) entry.orders.set(order.id, order);
    for (const symbol of positions) entry.positions.add(symbol);
  }
  return [...merged].map(([account, { orders, positions }]) => ({
    account,
    orders: [...orders.values()],
    positions: [...positions],
  }));
}
