// Tradovate payloads found by `npm run fuzz` to put events in the journal that it cannot read back at the next
// start: each is now refused, or comes out as an event the journal reads.
import { describe, expect, it } from 'vitest';
import { encodeEngineEvent, parseEngineEvent } from '../../../../shared/domain/event-codec';
import { createTradovateMapper } from '../../../../main/broker/tradovate/events';
import { parsePropsPush, parseSyncSnapshot } from '../../../../main/broker/tradovate/parse/messages';
import snapshot from '../../../fixtures/tradovate/sync-snapshot.json';

const NOW = Date.parse('2026-03-19T14:00:00Z');

/** The fixture's snapshot with one entity changed, through the mapper; its events and whether each reads back. */
function mapped(change: (copy: typeof snapshot) => void) {
  const copy = structuredClone(snapshot);
  change(copy);
  const parsed = parseSyncSnapshot(copy);
  const events = createTradovateMapper().snapshot(parsed.snapshot, NOW).events;
  const readBack = events.map(
    (e) => parseEngineEvent(JSON.parse(JSON.stringify(encodeEngineEvent(e))) as unknown).ok,
  );
  return { errors: parsed.errors.map((e) => e.message), events, readBack };
}

describe('hostile Tradovate payloads', () => {
  it('refuses an order version of no contracts (its order event had qty 0)', () => {
    const push = parsePropsPush({
      entityType: 'orderVersion',
      eventType: 'Updated',
      entity: { ...snapshot.orderVersions[0], orderQty: 0 },
    });
    expect(push.ok).toBe(false);
    const { errors } = mapped((copy) => {
      copy.orderVersions[0] = { ...copy.orderVersions[0], orderQty: 0 } as (typeof copy.orderVersions)[0];
    });
    expect(errors).toEqual(['orderVersion: orderQty Too small: expected number to be >=1 (got 0)']);
  });

  it('names no instrument after an empty product description (the journal refuses an empty name)', () => {
    const { events, readBack } = mapped((copy) => {
      copy.products[0] = { ...copy.products[0], description: '' } as (typeof copy.products)[0];
    });
    const instrument = events.find((e) => e.type === 'instrument' && e.symbol === 'MNQM6');
    expect(instrument).toBeDefined();
    expect(instrument !== undefined && 'name' in instrument).toBe(false);
    expect(readBack.every(Boolean)).toBe(true);
  });

  it('reads an order type or status named like an object property ("constructor") as unknown', () => {
    const { events, readBack } = mapped((copy) => {
      copy.orderVersions[0] = {
        ...copy.orderVersions[0],
        orderType: 'constructor',
      } as (typeof copy.orderVersions)[0];
      copy.orders[0] = { ...copy.orders[0], ordStatus: 'toString' } as (typeof copy.orders)[0];
    });
    const order = events.find((e) => e.type === 'order' && e.id === String(snapshot.orders[0]?.id));
    expect(order).toMatchObject({ kind: 'limit', status: 'working' });
    expect(readBack.every(Boolean)).toBe(true);
  });
});
