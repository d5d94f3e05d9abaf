// What the mapper waits for (a contract, its maturity, its product, a fill's order), read from Tradovate and put in
// the book as if pushed, so the events that waited on it go out. A few rounds at most: a contract brings its
// maturity's id, the maturity its product's.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';
import type { Logger } from '../../platform/logger';
import type { Mapping, Needs, TradovateMapper } from './events';
import { parseEntity, type EntityType, type TvEntity } from './parse/entity-kinds';
import type { SocketOutcome } from './wire/outcome';

/** One read over the user socket (or REST): `contract/item` with `id=…`, `product/find` with `name=…`. */
export type Read = (endpoint: string, query: string) => Promise<SocketOutcome>;

const MAX_ROUNDS = 4;

export type NeedsDeps = {
  mapper: TradovateMapper;
  read: Read;
  now: () => number;
  logger: Logger;
  /** Fees per contract for fills Tradovate sent without fees; without it they stay 0. */
  feesPerContract: Dec | undefined;
};

/** The events of `mapping` and of every need it names, fetched and applied in turn. */
export async function settleNeeds(mapping: Mapping, deps: NeedsDeps): Promise<BrokerEvent[]> {
  const { mapper, read, now, logger } = deps;
  const events = [...mapping.events];
  const unpriced = new Set(mapping.feesUnknown);
  let needs = mapping.needs;
  note(mapping, logger);
  for (let round = 0; round < MAX_ROUNDS && hasNeeds(needs); round += 1) {
    const next: Mapping[] = [];
    for (const [type, endpoint, query] of requestsFor(needs)) {
      const outcome = await read(endpoint, query);
      if (outcome.kind !== 'ok') {
        logger.warn('Tradovate: could not read what an event waits for', { endpoint, error: outcome.error });
        continue;
      }
      const parsed = parseEntity(type, outcome.payload);
      if (!parsed.ok) {
        logger.warn('Tradovate: an answer not understood', { endpoint, error: parsed.error.message });
        continue;
      }
      const entity = { type, value: parsed.value } as TvEntity;
      next.push(mapper.apply({ kind: 'entity', eventType: 'Updated', entity }, now()));
    }
    for (const mapped of next) {
      events.push(...mapped.events);
      for (const id of mapped.feesUnknown) unpriced.add(id);
      note(mapped, logger);
    }
    needs = merge(next.map((m) => m.needs));
  }
  if (hasNeeds(needs)) logger.warn('Tradovate: events still wait for', { needs });
  const perContract = deps.feesPerContract;
  if (perContract === undefined || unpriced.size === 0) return events;
  return events.map((e) =>
    e.type === 'fill' && unpriced.has(e.id) ? { ...e, fees: perContract.times(e.qty) } : e,
  );
}

function requestsFor(needs: Needs): [EntityType, string, string][] {
  return [
    ...needs.contractIds.map((id): [EntityType, string, string] => ['contract', 'contract/item', `id=${id}`]),
    ...needs.maturityIds.map((id): [EntityType, string, string] => [
      'contractMaturity',
      'contractMaturity/item',
      `id=${id}`,
    ]),
    ...needs.productIds.map((id): [EntityType, string, string] => ['product', 'product/item', `id=${id}`]),
    ...needs.productNames.map((name): [EntityType, string, string] => [
      'product',
      'product/find',
      `name=${encodeURIComponent(name)}`,
    ]),
    ...needs.orderIds.map((id): [EntityType, string, string] => ['order', 'order/item', `id=${id}`]),
  ];
}

function hasNeeds(needs: Needs): boolean {
  return Object.values(needs).some((list: string[]) => list.length > 0);
}

function merge(all: Needs[]): Needs {
  const union = (pick: (n: Needs) => string[]) => [...new Set(all.flatMap(pick))];
  return {
    contractIds: union((n) => n.contractIds),
    maturityIds: union((n) => n.maturityIds),
    productIds: union((n) => n.productIds),
    productNames: union((n) => n.productNames),
    orderIds: union((n) => n.orderIds),
  };
}

function note(mapping: Mapping, logger: Logger): void {
  for (const text of mapping.notes) logger.info('Tradovate', { note: text });
}
