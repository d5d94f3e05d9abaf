// Tradovate's messages around the entities (docs/brokers/TRADOVATE.md): the `user/syncrequest` snapshot, a
// `props` push, an `md` push, the auth answer, a command's answer and the cash-balance snapshot. A snapshot or a
// push keeps every entity it can read and reports the others, so one odd row never hides the rest.
import { z } from 'zod';
import type { Dec } from '../../../../shared/domain/money';
import { shortJson } from '../../projectx/parse';
import {
  ENTITY_SCHEMAS,
  SNAPSHOT_LISTS,
  isEntityType,
  parseEntity,
  type EntityType,
  type TvEntities,
  type TvEntity,
} from './entity-kinds';
import {
  decimal,
  enumText,
  id,
  isRecord,
  maybe,
  parsePayload,
  timestamp,
  type Parsed,
  type PayloadError,
} from './values';

/** The snapshot: every list, possibly empty (a list the server left out is empty, not an error). */
export type SyncSnapshot = { [K in EntityType]: TvEntities[K][] };

/** `user/syncrequest`'s answer: the rows read, and one error per row that could not be. */
export function parseSyncSnapshot(payload: unknown): { snapshot: SyncSnapshot; errors: PayloadError[] } {
  const errors: PayloadError[] = [];
  const snapshot = {} as Record<EntityType, unknown[]>;
  const record = isRecord(payload) ? payload : {};
  if (!isRecord(payload)) errors.push(rootError('syncrequest', 'must be an object', payload));
  for (const type of Object.keys(ENTITY_SCHEMAS) as EntityType[]) {
    const list = record[SNAPSHOT_LISTS[type]];
    snapshot[type] = [];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      errors.push(rootError(`syncrequest.${SNAPSHOT_LISTS[type]}`, 'must be a list', list));
      continue;
    }
    for (const row of list) {
      const parsed = parseEntity(type, row);
      if (parsed.ok) snapshot[type].push(parsed.value);
      else errors.push(parsed.error);
    }
  }
  return { snapshot: snapshot as SyncSnapshot, errors };
}

export type PropsEventType = 'Created' | 'Updated' | 'Deleted' | (string & {});

/**
 * A `props` push: the entity when its type is one Warden reads, `ignored` (with its type) when it is not
 * (executionReport, orderStrategy …: logged at debug, never an error).
 */
export type PropsPush =
  | { kind: 'entity'; eventType: PropsEventType; entity: TvEntity }
  | { kind: 'ignored'; entityType: string; eventType: PropsEventType };

const propsSchema = z.object({
  entityType: z.string().min(1).max(100),
  eventType: enumText,
  entity: z.unknown(),
});

export function parsePropsPush(payload: unknown): Parsed<PropsPush> {
  const envelope = parsePayload('props', propsSchema, payload);
  if (!envelope.ok) return envelope;
  const { entityType, eventType, entity } = envelope.value;
  if (!isEntityType(entityType)) return { ok: true, value: { kind: 'ignored', entityType, eventType } };
  const parsed = parseEntity(entityType, entity);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: { kind: 'entity', eventType, entity: { type: entityType, value: parsed.value } as TvEntity },
  };
}

const quoteSide = maybe(z.looseObject({ price: maybe(decimal), size: maybe(decimal) }));
const quoteSchema = z.object({
  timestamp: maybe(timestamp),
  contractId: id,
  entries: z.looseObject({ Bid: quoteSide, Offer: quoteSide, Trade: quoteSide }),
});

/** One contract's quote: each side only when it came with a price. */
export type TvQuote = { contractId: string; timestamp: number | null; bid?: Dec; ask?: Dec; last?: Dec };

/** An `md` push: the quotes read, and one error per quote that could not be. */
export function parseMdPush(payload: unknown): { quotes: TvQuote[]; errors: PayloadError[] } {
  const quotes: TvQuote[] = [];
  const errors: PayloadError[] = [];
  const list = isRecord(payload) ? payload.quotes : undefined;
  if (!Array.isArray(list)) {
    // Other md pushes (charts, DOM, histograms) carry no `quotes`: not an error, nothing to read.
    return { quotes, errors: isRecord(payload) ? errors : [rootError('md', 'must be an object', payload)] };
  }
  for (const row of list) {
    const parsed = parsePayload('quote', quoteSchema, row);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const { contractId, timestamp: at, entries } = parsed.value;
    quotes.push({
      contractId,
      timestamp: at ?? null,
      ...(entries.Bid?.price == null ? {} : { bid: entries.Bid.price }),
      ...(entries.Offer?.price == null ? {} : { ask: entries.Offer.price }),
      ...(entries.Trade?.price == null ? {} : { last: entries.Trade.price }),
    });
  }
  return { quotes, errors };
}

function rootError(entity: string, problem: string, got: unknown): PayloadError {
  const shown = shortJson(got, 200);
  return {
    kind: 'payload',
    entity,
    fields: [{ field: '(root)', problem, got: shown }],
    message: `${entity}: (root) ${problem} (got ${shown})`,
  };
}
