// A generated trading session for the kill-and-recover test: two accounts, two instruments, quotes, working
// stop orders, fills (with losing streaks, breaches and locks), balance reports, self-locks and clock ticks across
// a weekend and several day rolls. Deterministic for a seed; every event has its own, strictly increasing time.
import type { EngineEvent, Side } from '../../shared/domain/events';
import { dec } from '../../shared/domain/money';
import { createRng } from '../../main/broker/sim/prng';

/** Friday 8 May 2026, 14:00Z (09:00 CDT): the session runs over the weekend's week roll into the next week. */
export const sessionStart = Date.parse('2026-05-08T14:00:00Z');

export const sessionConfigYaml = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
markPrice: last
quoteSanity: { maxJumpPct: 5, confirmQuotes: 2 }
alerts: { hysteresisPct: 5 }
defaults:
  rules:
    dailyLoss: { amount: 400, basis: net }
    weeklyLoss: { amount: 1500, basis: net }
    trailingDrawdown: { amount: 900, mode: intraday }
    consecutiveLosses: { max: 3, cooldownMinutes: 20, escalate: true }
    positionLoss: { amount: 150 }
    maxContracts: { total: 6 }
accounts:
  A1: { startingBalance: 50000 }
  A2: { startingBalance: 25000 }
`;

const instruments = [
  { symbol: 'MES', tickSize: '0.25', tickValue: '1.25', start: 5000 },
  { symbol: 'MNQ', tickSize: '0.25', tickValue: '0.5', start: 20000 },
] as const;
const accounts = ['A1', 'A2'] as const;

export function generateSession(seed: number, count: number): EngineEvent[] {
  const rng = createRng(seed);
  let t = sessionStart;
  const next = (maxStepMs: number): number => (t += rng.int(1, maxStepMs));
  const events: EngineEvent[] = [];
  for (const i of instruments) {
    events.push({
      type: 'instrument',
      t: next(10),
      symbol: i.symbol,
      tickSize: dec(i.tickSize),
      tickValue: dec(i.tickValue),
      currency: 'USD',
    });
  }
  const ticks = new Map<string, number>(instruments.map((i) => [i.symbol, i.start * 4]));
  const price = (symbol: string) => dec(ticks.get(symbol) ?? 0).div(4);
  const held = new Map<string, number>();
  let fillId = 0;
  let orderId = 0;
  while (events.length < count) {
    const roll = rng.next();
    const symbol = rng.pick(instruments).symbol;
    const account = rng.pick(accounts);
    if (roll < 0.55) {
      ticks.set(symbol, (ticks.get(symbol) ?? 0) + Math.round(rng.gaussian() * 6));
      events.push({ type: 'quote', t: next(90_000), symbol, last: price(symbol) });
    } else if (roll < 0.7) {
      events.push({ type: 'clock', t: next(120_000) });
    } else if (roll < 0.9) {
      const key = `${account}:${symbol}`;
      const qty = held.get(key) ?? 0;
      // Mostly round trips: close what is open, else open 1-3 contracts either way.
      const side: Side = qty > 0 ? 'sell' : qty < 0 ? 'buy' : rng.next() < 0.5 ? 'buy' : 'sell';
      const size = qty !== 0 && rng.next() < 0.7 ? Math.abs(qty) : rng.int(1, 3);
      held.set(key, qty + (side === 'buy' ? size : -size));
      fillId += 1;
      events.push({
        type: 'fill',
        t: next(60_000),
        account,
        id: `F${fillId}`,
        orderId: `O${fillId}`,
        symbol,
        side,
        qty: size,
        price: price(symbol),
        fees: dec('0.37').mul(size),
      });
    } else if (roll < 0.96) {
      orderId += 1;
      const status = rng.next() < 0.5 ? 'working' : 'cancelled';
      const id = `S${status === 'working' ? orderId : Math.max(1, orderId - 1)}`;
      events.push({
        type: 'order',
        t: next(30_000),
        account,
        id,
        symbol,
        side: rng.next() < 0.5 ? 'buy' : 'sell',
        kind: 'stop',
        qty: rng.int(1, 2),
        status,
        stopPrice: price(symbol).sub(10),
      });
    } else if (roll < 0.99) {
      const base = account === 'A1' ? 50000 : 25000;
      events.push({ type: 'account', t: next(30_000), account, balance: dec(base + rng.int(-800, 800)) });
    } else {
      events.push({ type: 'selfLock', t: next(30_000), account, until: 'dayEnd' });
    }
  }
  return events;
}
