// Tradovate's snapshot and props pushes as Warden's BrokerEvents (docs/brokers/TRADOVATE.md section 5): the
// book is brought up to date, then every event the change makes true is built. The engine needs a contract's
// instrument before anything on it, so an instrument goes first, and an entity the book cannot place yet (its
// contract or product unknown, a fill's order not seen) waits and goes out when what it lacks arrives; `needs`
// tells the adapter what to fetch for it. No I/O.
import type { BrokerEvent, OrderStatus } from '../../../shared/domain/events';
import { createTradovateBook, type TradovateBook } from './book';
import {
  accountEvent,
  fillEvent,
  instrumentEvent,
  orderEvent,
  positionEvent,
  type Built,
} from './entity-events';
import type { TvEntity } from './parse/entity-kinds';
import type { PropsPush, SyncSnapshot } from './parse/messages';

export type Needs = {
  contractIds: string[];
  maturityIds: string[];
  productIds: string[];
  productNames: string[];
  orderIds: string[];
};

export type Mapping = {
  events: BrokerEvent[];
  /** What the book lacks for a waiting entity: `contract/item`, `contractMaturity/item`, `product/find` … */
  needs: Needs;
  /** Worth a log line: an unknown value read a certain way, an entity that can never be an event. */
  notes: string[];
  /** Fills sent with fees 0 because Tradovate named none: the adapter prices them from the config. */
  feesUnknown: string[];
};

type Waiting = { entity: TvEntity; deleted: boolean };

export function createTradovateMapper(book: TradovateBook = createTradovateBook()) {
  /** What was last said per contract, order and fill: an instrument is repeated only when it changed. */
  const instruments = new Map<string, string>();
  const orderStatuses = new Map<string, OrderStatus>();
  const fillsSaid = new Map<string, boolean>();
  const waiting = new Map<string, Waiting>();

  const run = (now: number, work: (out: Output) => void): Mapping => {
    const out = new Output(now);
    work(out);
    retryWaiting(out);
    return out.mapping();
  };

  /** The contract's instrument said (once, or again when it changed); false when it cannot be yet. */
  const instrument = (contractId: string, out: Output): boolean => {
    const built = instrumentEvent(book, contractId, out.now);
    if (!built.ok) {
      const lookup = book.productOf(contractId);
      if (!lookup.found) out.need(lookup.missing);
      return false;
    }
    const { event } = built;
    const key = [
      event.symbol,
      event.tickSize,
      event.tickValue,
      event.currency,
      event.underlying,
      event.name,
    ].join('|');
    if (instruments.get(contractId) !== key) {
      instruments.set(contractId, key);
      out.push(built);
    }
    return true;
  };

  const emit = (item: Waiting, out: Output): boolean =>
    emitEntity({ book, instrument, orderStatuses, fillsSaid }, item, out);

  const attempt = (item: Waiting, out: Output): void => {
    if (emit(item, out)) waiting.delete(subject(item.entity));
    else waiting.set(subject(item.entity), item);
  };

  /** Whatever waited and can go now goes, in the order it came; its needs were said when it first waited. */
  const retryWaiting = (out: Output): void => {
    for (const [key, item] of [...waiting]) {
      const scratch = new Output(out.now);
      if (!emit(item, scratch)) continue;
      waiting.delete(key);
      out.absorb(scratch);
    }
  };

  return {
    book,

    /** A full `user/syncrequest` answer: the book is replaced and every open thing reported. */
    snapshot(snapshot: SyncSnapshot, now: number): Mapping {
      book.clear();
      instruments.clear();
      orderStatuses.clear();
      fillsSaid.clear();
      waiting.clear();
      for (const type of Object.keys(snapshot) as (keyof SyncSnapshot)[])
        for (const value of snapshot[type]) book.put({ type, value } as TvEntity);
      return run(now, (out) => {
        for (const id of book.contracts.keys()) instrument(id, out);
        const accountIds = new Set([...book.accounts.keys(), ...book.cashBalances.keys()]);
        for (const id of accountIds)
          attempt(
            { entity: { type: 'account', value: book.accounts.get(id) ?? { id } }, deleted: false },
            out,
          );
        for (const value of book.positions.values())
          if (value.netPos !== 0) attempt({ entity: { type: 'position', value }, deleted: false }, out);
        for (const value of book.orders.values()) {
          const working = orderEvent(book, value, false, undefined, now);
          if (!working.ok || working.event.status === 'working')
            attempt({ entity: { type: 'order', value }, deleted: false }, out);
        }
        const fills = [...book.fills.values()].sort(
          (a, b) => a.timestamp - b.timestamp || compareIds(a.id, b.id),
        );
        for (const value of fills) attempt({ entity: { type: 'fill', value }, deleted: false }, out);
      });
    },

    /** One `props` push. */
    apply(push: PropsPush, now: number): Mapping {
      return run(now, (out) => {
        if (push.kind === 'ignored') return;
        const { eventType, entity } = push;
        const deleted = eventType === 'Deleted';
        if (!deleted && eventType !== 'Created' && eventType !== 'Updated')
          out.notes.push(`props ${entity.type}: event type ${eventType} unknown, read as Updated`);
        if (deleted) book.remove(entity);
        else book.put(entity);
        // A deleted fill is the book's (now inactive) fill.
        const current: TvEntity =
          entity.type === 'fill'
            ? { ...entity, value: book.fills.get(entity.value.id) ?? entity.value }
            : entity;
        attempt({ entity: current, deleted }, out);
      });
    },
  };
}

export type TradovateMapper = ReturnType<typeof createTradovateMapper>;

/** What the mapper remembers, for one entity's events. */
type Said = {
  book: TradovateBook;
  instrument: (contractId: string, out: Output) => boolean;
  orderStatuses: Map<string, OrderStatus>;
  fillsSaid: Map<string, boolean>;
};

/** The events one entity makes true; false when it must wait. */
function emitEntity(
  { book, instrument, orderStatuses, fillsSaid }: Said,
  { entity, deleted }: Waiting,
  out: Output,
): boolean {
  switch (entity.type) {
    case 'account':
    case 'cashBalance':
    case 'accountRiskStatus':
    case 'marginSnapshot': {
      const accountId =
        entity.type === 'account' ? entity.value.id : (entity.value.accountId ?? entity.value.id);
      const built = accountEvent(book, accountId, out.now);
      // An account without its cash balance yet says nothing: the balance comes in the same snapshot.
      if (built.ok) out.push(built);
      return true;
    }
    case 'position': {
      if (!instrument(entity.value.contractId, out)) return false;
      return out.take(positionEvent(book, entity.value, deleted, out.now));
    }
    case 'order':
    case 'orderVersion': {
      const orderId = entity.type === 'order' ? entity.value.id : entity.value.orderId;
      const order = book.orders.get(orderId) ?? (entity.type === 'order' ? entity.value : undefined);
      if (order === undefined) return true; // a version before its order: the order brings it
      if (!instrument(order.contractId, out)) return false;
      const built = orderEvent(
        book,
        order,
        deleted && entity.type === 'order',
        orderStatuses.get(orderId),
        out.now,
      );
      if (built.ok) orderStatuses.set(orderId, built.event.status);
      return out.take(built);
    }
    case 'fill': {
      if (fillsSaid.get(entity.value.id) === entity.value.active) return true; // a repeat changes nothing
      if (!instrument(entity.value.contractId, out)) return false;
      const built = fillEvent(book, entity.value, out.now);
      if (built.ok) fillsSaid.set(entity.value.id, entity.value.active);
      if (!built.ok && !book.orders.has(entity.value.orderId)) out.need({ orderId: entity.value.orderId });
      if (built.ok && built.feesKnown === false) out.feesUnknown.push(entity.value.id);
      return out.take(built);
    }
    case 'contract':
      instrument(entity.value.id, out);
      return true;
    case 'contractMaturity':
    case 'product':
      for (const contractId of book.contracts.keys()) instrument(contractId, out);
      return true;
    case 'fillPair':
    case 'fillFee':
    case 'userAccountAutoLiq':
      return true;
  }
}

/** What a waiting entity is about: an order and its versions are one order. */
function subject(entity: TvEntity): string {
  return entity.type === 'orderVersion'
    ? `order:${entity.value.orderId}`
    : `${entity.type}:${entity.value.id}`;
}

/** Ids are longs: compared as numbers, not text ("9" before "10"). */
function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One mapping's events, needs and notes as they are gathered. */
class Output {
  readonly events: BrokerEvent[] = [];
  readonly notes: string[] = [];
  readonly feesUnknown: string[] = [];
  private readonly needs = {
    contractIds: new Set<string>(),
    maturityIds: new Set<string>(),
    productIds: new Set<string>(),
    productNames: new Set<string>(),
    orderIds: new Set<string>(),
  };

  constructor(readonly now: number) {}

  push(built: { event: BrokerEvent; note?: string }): void {
    this.events.push(built.event);
    if (built.note !== undefined) this.notes.push(built.note);
  }

  /** The built event out; false when it must wait; a problem no wait cures is noted and not waited for. */
  take(built: Built<BrokerEvent>): boolean {
    if (built.ok) this.push(built);
    else if ('problem' in built) this.notes.push(built.problem);
    return built.ok || 'problem' in built;
  }

  need(missing: {
    contractId?: string;
    maturityId?: string;
    productId?: string;
    productName?: string;
    orderId?: string;
  }): void {
    if (missing.contractId !== undefined) this.needs.contractIds.add(missing.contractId);
    if (missing.maturityId !== undefined) this.needs.maturityIds.add(missing.maturityId);
    if (missing.productId !== undefined) this.needs.productIds.add(missing.productId);
    if (missing.productName !== undefined) this.needs.productNames.add(missing.productName);
    if (missing.orderId !== undefined) this.needs.orderIds.add(missing.orderId);
  }

  absorb(other: Output): void {
    this.events.push(...other.events);
    this.notes.push(...other.notes);
    this.feesUnknown.push(...other.feesUnknown);
  }

  mapping(): Mapping {
    const sorted = (set: Set<string>) => [...set].sort(compareIds);
    return {
      events: this.events,
      needs: {
        contractIds: sorted(this.needs.contractIds),
        maturityIds: sorted(this.needs.maturityIds),
        productIds: sorted(this.needs.productIds),
        productNames: [...this.needs.productNames].sort(),
        orderIds: sorted(this.needs.orderIds),
      },
      notes: this.notes,
      feesUnknown: this.feesUnknown,
    };
  }
}
