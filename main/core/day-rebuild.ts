// Restart across a roll (docs/RULES.md section 1): a trading day (or week) that began while Warden was not running
// gets its start from the broker's own trades once the broker's first snapshot is in; when the trades cannot
// tell it, the start is an estimate and the account stays reducing until the trader confirms it.
import { DateTime } from 'luxon';
import type { DayStartEvent, EngineEvent } from '../../shared/domain/events';
import { formatMoney } from '../../shared/domain/money';
import type { ReadonlyAccountState, Decision, ReadonlyEngineState } from '../engine';

type Missed = {
  account: string;
  /** Signed contracts per symbol when Warden stopped. */
  held: Map<string, number>;
  weekToo: boolean;
};

type GapFill = { account: string; symbol: string; signedQty: number; t: number };

export type DayRebuild = {
  /** When Warden stopped: the broker must send its fills from here on at least. */
  readonly stoppedAt: number;
  /**
   * Each event and its decisions while the broker's first snapshot comes in. At the first `connected` (the
   * snapshot complete), the dayStart events to apply; null before.
   */
  observe(event: EngineEvent, decisions: readonly Decision[]): DayStartEvent[] | null;
};

/** Null when no day began while Warden was not running (or there is no account yet). */
export function planDayRebuild(state: ReadonlyEngineState, now: number): DayRebuild | null {
  const stoppedAt = state.now;
  const missed: Missed[] = [];
  for (const account of state.accounts.values()) {
    if (now < account.day.end) continue;
    const held = new Map([...account.positions.values()].map((p) => [p.symbol, p.qty] as const));
    missed.push({ account: account.id, held, weekToo: now >= account.week.end });
  }
  if (missed.length === 0) return null;
  const fills: GapFill[] = [];
  const seen = new Set<string>();
  const corrected = new Map<string, Set<string>>();
  return {
    stoppedAt,
    observe(event, decisions) {
      if (event.type === 'fill' && event.voided !== true && event.t > stoppedAt && !seen.has(event.id)) {
        seen.add(event.id);
        const signedQty = event.side === 'buy' ? event.qty : -event.qty;
        fills.push({ account: event.account, symbol: event.symbol, signedQty, t: event.t });
      }
      for (const decision of decisions) {
        if (decision.kind !== 'positionCorrected') continue;
        const symbols = corrected.get(decision.account) ?? new Set<string>();
        corrected.set(decision.account, symbols.add(decision.symbol));
      }
      if (event.type !== 'connection' || event.status !== 'connected') return null;
      return missed.flatMap(({ account: id, held, weekToo }) => {
        const account = state.accounts.get(id);
        if (account === undefined) return [];
        const gap = fills.filter((fill) => fill.account === id);
        return [dayStartOf(state, account, { held, gap, weekToo, corrected: corrected.get(id) })];
      });
    },
  };
}

/** The symbols with a position open at `t`: those held at the stop, moved by the fills before `t`. */
function openAt(held: Map<string, number>, gap: readonly GapFill[], t: number): string[] {
  const qty = new Map(held);
  for (const fill of gap) if (fill.t < t) qty.set(fill.symbol, (qty.get(fill.symbol) ?? 0) + fill.signedQty);
  return [...qty].filter(([, q]) => q !== 0).map(([symbol]) => symbol);
}

function dayStartOf(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  seen: { held: Map<string, number>; gap: GapFill[]; weekToo: boolean; corrected: Set<string> | undefined },
): DayStartEvent {
  const { day, week } = account;
  const dayNet = day.realizedPnl.minus(day.fees);
  const startEquity = account.balance.minus(dayNet);
  const rollAt = (t: number) =>
    DateTime.fromMillis(t, { zone: state.config.session.timezone }).toFormat('yyyy-LL-dd HH:mm ZZZZ');
  const problems: string[] = [];
  if (seen.corrected !== undefined)
    problems.push(
      `the broker's position in ${[...seen.corrected].join(', ')} does not follow from its trades`,
    );
  const open = openAt(seen.held, seen.gap, seen.weekToo ? week.start : day.start);
  const openAtDay = openAt(seen.held, seen.gap, day.start);
  for (const symbol of new Set([...open, ...openAtDay]))
    problems.push(`${symbol} was open at the roll (${rollAt(day.start)}), and its price then is unknown`);
  const event: DayStartEvent = {
    type: 'dayStart',
    t: state.now,
    account: account.id,
    startEquity,
    source: problems.length === 0 ? 'rebuilt' : 'estimate',
    note:
      problems.length === 0
        ? `today's start rebuilt from the broker's trades since ${rollAt(day.start)}: balance ` +
          `${formatMoney(account.balance)} − net ${formatMoney(dayNet)} = ${formatMoney(startEquity)}`
        : `today's start could not be rebuilt: ${problems.join('; ')}. It is taken as ` +
          `${formatMoney(startEquity)} (the balance at the roll); confirm it, or enter the start your broker shows`,
  };
  if (seen.weekToo) event.weekStartEquity = account.balance.minus(week.realizedPnl.minus(week.fees));
  return event;
}
