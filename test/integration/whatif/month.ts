// A generated month of one account's trading, journaled into a real SQLite file as the core journals it (the store's
// journal API, broker events and hourly clock ticks): soybeans (ZS: 0.25 ticks of 12.50, 50 a point), 2 contracts
// a trade at 2.00 a contract a side. The 30 days of April 2026 (America/Chicago, day start 17:00) follow a
// pattern of winning, small losing, recovering and crashing days; three days of March come before, and the
// position bought on 31 March is carried into 1 April.
import { DateTime } from 'luxon';
import type { EngineEvent } from '../../../shared/domain/events';
import { dec } from '../../../shared/domain/money';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore } from '../../../main/store';

export const ACCOUNT = 'TRADER-1';
export const SYMBOL = 'ZS';
const ZONE = 'America/Chicago';

/** 30 April 2026, 16:45 in Chicago: the last day's trading is over, its day has not ended. */
export const MONTH_END = DateTime.fromISO('2026-04-30T16:45', { zone: ZONE }).toMillis();

/** The edited rules the what-if runs: a daily loss of 600 on the account. */
export const EDITED = {
  accounts: { [ACCOUNT]: { startingBalance: 50000, rules: { dailyLoss: { amount: 600 } } } },
};

export type DayKind = 'win' | 'smallLoss' | 'recovering' | 'crash';
const PATTERN: DayKind[] = ['win', 'smallLoss', 'recovering', 'win', 'crash'];

/** April's days after the 1st follow PATTERN (12 winning, 6 small losses, 6 recovering, 5 crashing). */
export const kindOf = (aprilDay: number): DayKind => PATTERN[(aprilDay - 2) % PATTERN.length] ?? 'win';

/** The price path of one trade: entry at 1000, the quotes while it is held, the exit. */
const paths: Record<DayKind, { quotes: number[]; exit: number }> = {
  win: { quotes: [1001, 1003, 1005, 1004], exit: 1004 },
  smallLoss: { quotes: [999, 998, 997.5], exit: 997.5 },
  recovering: { quotes: [998, 996, 994.5, 993.75, 993.5, 996, 998], exit: 998 },
  crash: { quotes: [997, 994.5, 993.75, 993.5, 990, 985, 980], exit: 980 },
};

type Builder = { events: EngineEvent[]; fills: number };

const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toMillis();

function quote(b: Builder, t: number, last: number): void {
  b.events.push({ type: 'quote', t, symbol: SYMBOL, last: dec(last.toFixed(2)) });
}

function fill(b: Builder, t: number, side: 'buy' | 'sell', price: number): void {
  b.fills += 1;
  b.events.push({
    type: 'fill',
    t,
    account: ACCOUNT,
    id: `F${b.fills}`,
    orderId: `O${b.fills}`,
    symbol: SYMBOL,
    side,
    qty: 2,
    price: dec(price.toFixed(2)),
    fees: dec('4.00'),
  });
}

/** One round trip from `start` (Chicago time on `date`): entry quote and fill, a quote every 10 minutes, exit. */
function trade(b: Builder, date: string, start: string, kind: DayKind): void {
  let t = at(date, start);
  quote(b, t, 1000);
  fill(b, t + 60_000, 'buy', 1000);
  for (const last of paths[kind].quotes) {
    t += 10 * 60_000;
    quote(b, t, last);
  }
  fill(b, t + 5 * 60_000, 'sell', paths[kind].exit);
}

function day(b: Builder, date: string, kind: DayKind): void {
  trade(b, date, '08:32', kind);
  if (kind !== 'recovering') return;
  // After the recovery, a second small winner: bought at 998, sold at 999.
  quote(b, at(date, '13:02'), 998);
  fill(b, at(date, '13:05'), 'buy', 998);
  quote(b, at(date, '13:32'), 999);
  fill(b, at(date, '13:35'), 'sell', 999);
}

/** Every event of the month in time order, clock ticks on each hour included. */
export function monthEvents(): EngineEvent[] {
  const b: Builder = { events: [], fills: 0 };
  const first = at('2026-03-28', '17:00');
  b.events.push(
    {
      type: 'instrument',
      t: first,
      symbol: SYMBOL,
      tickSize: dec('0.25'),
      tickValue: dec('12.50'),
      currency: 'USD',
    },
    { type: 'account', t: first, account: ACCOUNT, balance: dec('50000') },
  );
  day(b, '2026-03-30', 'win');
  // 31 March: bought at 1000 at 14:00 and held into April, marked 1002 at the close.
  quote(b, at('2026-03-31', '13:58'), 1000);
  fill(b, at('2026-03-31', '14:01'), 'buy', 1000);
  quote(b, at('2026-03-31', '15:58'), 1002);
  // 1 April: sold at 1006 in the morning.
  quote(b, at('2026-04-01', '08:32'), 1003);
  fill(b, at('2026-04-01', '09:01'), 'sell', 1006);
  for (let d = 2; d <= 30; d += 1) day(b, `2026-04-${String(d).padStart(2, '0')}`, kindOf(d));
  for (let t = first + 3_600_000; t < MONTH_END; t += 3_600_000) b.events.push({ type: 'clock', t });
  // Stable: at the same instant, the generated order stands.
  return b.events
    .map((event, i) => ({ event, i }))
    .sort((x, y) => x.event.t - y.event.t || x.i - y.i)
    .map((x) => x.event);
}

/** Journals the month into `file` as the core would (one transaction per day's worth), and closes the store. */
export function journalMonth(file: string): number {
  const store = openStore(file, { logger: memoryLogger() });
  try {
    const events = monthEvents();
    for (let i = 0; i < events.length; i += 500) store.journal.appendMany(events.slice(i, i + 500));
    return events.length;
  } finally {
    store.close();
  }
}
