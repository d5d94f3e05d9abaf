// Each fill counts once (docs/RULES.md section 9), with a bounded memory of fill ids: ids older than 15 minutes
// behind the account's newest fill are forgotten, old snapshots (a set of ids, 500 trades) still load.
import { describe, expect, it } from 'vitest';
import {
  accountMetrics,
  apply,
  createEngineState,
  defaultEngineConfig,
  deserializeState,
  serializeState,
  type EngineState,
} from '../../../main/engine';
import { closedTradesKept, FILL_IDS_KEPT_MS } from '../../../main/engine/state';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';

const OPEN = Date.parse('2026-05-05T08:30:00-05:00');

const fill = (id: string, t: number, side: 'buy' | 'sell', price = '21000.00') =>
  ev({
    type: 'fill',
    t: new Date(t).toISOString(),
    account: 'A1',
    id,
    orderId: id,
    symbol: 'MNQ',
    side,
    qty: 1,
    price,
    fees: '0.37',
  });

function balanceOf(state: EngineState): string {
  const account = state.accounts.get('A1');
  if (account === undefined) throw new Error('no account A1');
  return accountMetrics(state, account).balance.toFixed();
}

/** Round trips of one MNQ each, a buy then a sell 2 points higher, every `everyMs`. */
function roundTrips(count: number, everyMs: number) {
  return Array.from({ length: count }, (_, i) => [
    fill(`b${i}`, OPEN + i * everyMs, 'buy', '21000.00'),
    fill(`s${i}`, OPEN + i * everyMs + 1000, 'sell', '21002.00'),
  ]).flat();
}

describe('fill ids', () => {
  it('applies a fill repeated by a reconnect once', () => {
    const trips = roundTrips(3, 60_000);
    const { state } = runEngine([...instrumentEvents, ...trips, ...trips.slice(-3)]);
    // 3 × (2 points × 2.00 − 2 × 0.37) = 3 × 3.26
    expect(balanceOf(state)).toBe('9.78');
  });

  it('forgets ids older than 15 minutes behind the newest fill, and still ignores recent repeats', () => {
    // Two hours of round trips, one a minute: 240 fills.
    const trips = roundTrips(120, 60_000);
    const { state } = runEngine([...instrumentEvents, ...trips]);
    const seen = state.accounts.get('A1')?.seenFills;
    const newest = OPEN + 119 * 60_000 + 1000;
    expect(FILL_IDS_KEPT_MS).toBe(15 * 60_000);
    // Kept: the fills at or after newest − 15 min, the buy and the sell of the last 16 minutes (s104 … s119).
    expect([...(seen?.keys() ?? [])]).toEqual(
      Array.from({ length: 16 }, (_, k) => [`b${104 + k}`, `s${104 + k}`])
        .flat()
        .filter((id) => id !== 'b104'),
    );
    expect(Math.min(...(seen?.values() ?? [])) >= newest - FILL_IDS_KEPT_MS).toBe(true);
    const before = balanceOf(state);
    // A replay from 1 s before the last fill (what ProjectX asks for at a reconnect) counts nothing twice.
    apply(state, fill('s119', newest, 'sell', '21002.00'));
    apply(state, fill('b119', newest - 1000, 'buy', '21000.00'));
    expect(balanceOf(state)).toBe(before);
    expect(before).toBe('391.2'); // 120 × 3.26
  });

  it('loads a snapshot that kept fill ids as a set, and ignores a repeat of one of them', () => {
    const state = createEngineState(defaultEngineConfig);
    for (const event of [...instrumentEvents, ...roundTrips(2, 60_000)]) apply(state, event);
    const asSet = serializeState(state).replace(
      /"seenFills":\{"\$map":\[(.*?)\]\]\}/,
      (_all, entries: string) =>
        `"seenFills":{"$set":[${[...`${entries}]`.matchAll(/\["([^"]+)",\d+\]/g)].map((m) => `"${m[1]}"`).join(',')}]}`,
    );
    expect(asSet).toContain('"seenFills":{"$set":["b0","s0","b1","s1"]}');
    const restored = deserializeState(asSet, defaultEngineConfig);
    const lastFillAt = OPEN + 60_000 + 1000;
    expect([...(restored.accounts.get('A1')?.seenFills ?? [])]).toEqual([
      ['b0', lastFillAt],
      ['s0', lastFillAt],
      ['b1', lastFillAt],
      ['s1', lastFillAt],
    ]);
    apply(restored, fill('s1', lastFillAt, 'sell', '21002.00'));
    expect(balanceOf(restored)).toBe('6.52');
    // 16 minutes later, the ids carried from the set are forgotten.
    apply(restored, fill('b2', lastFillAt + 16 * 60_000, 'buy'));
    expect([...(restored.accounts.get('A1')?.seenFills.keys() ?? [])]).toEqual(['b2']);
  });

  it('keeps the newest 100 round trips, also after a snapshot that kept more', () => {
    expect(closedTradesKept).toBe(100);
    const { state } = runEngine([...instrumentEvents, ...roundTrips(130, 1000 * 60)]);
    const trades = state.accounts.get('A1')?.closedTrades ?? [];
    expect(trades.length).toBe(100);
    expect(trades[0]?.openedAt).toBe(OPEN + 30 * 60_000);
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('no account A1');
    account.closedTrades.push(...account.closedTrades.slice(0, 50).map((t) => ({ ...t })));
    const restored = deserializeState(serializeState(state), defaultEngineConfig);
    apply(restored, fill('b200', OPEN + 200 * 60_000, 'buy'));
    apply(restored, fill('s200', OPEN + 200 * 60_000 + 1000, 'sell', '21002.00'));
    const kept = restored.accounts.get('A1')?.closedTrades ?? [];
    expect(kept.length).toBe(100);
    expect(kept.at(-1)?.openedAt).toBe(OPEN + 200 * 60_000);
  });
});
