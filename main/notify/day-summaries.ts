// The day summary each account gets at the roll (docs/RULES.md section 13): net P&L, trades, breaches and the state
// it ended in. The pipeline calls `before` and `after` around each event; only an event at or past the earliest
// day end costs more than a comparison: the accounts' day figures are read before it, and an account whose day it
// finished is summarised after it. Its breaches are counted from the store's responses over the day's span, as the
// History screen counts them, so a restart during the day loses none.
import { tradingState, type ReadonlyEngineState } from '../engine';
import type { DaySummary } from './messages';

type DayFigures = {
  label: string;
  start: number;
  end: number;
  trades: number;
  state: string;
  finished: number;
};

export type DaySummaries = {
  before(t: number): void;
  after(): void;
};

/** `breaches`: how many breaches `account` had in [from, to). */
export function createDaySummaries(
  state: ReadonlyEngineState,
  breaches: (account: string, from: number, to: number) => number,
  onSummary: (summary: DaySummary) => void,
): DaySummaries {
  let captured: Map<string, DayFigures> | null = null;
  const nextRoll = (): number => {
    let next = Number.POSITIVE_INFINITY;
    for (const account of state.accounts.values()) next = Math.min(next, account.day.end);
    return next;
  };
  // The earliest day end, kept until an event reaches it or the accounts change.
  let rollAt = { t: Number.NEGATIVE_INFINITY, accounts: -1 };
  return {
    before(t) {
      if (t < rollAt.t && state.accounts.size === rollAt.accounts) return;
      rollAt = { t: nextRoll(), accounts: state.accounts.size };
      if (t < rollAt.t) return;
      captured = new Map();
      for (const account of state.accounts.values())
        captured.set(account.id, {
          label: account.day.label,
          start: account.day.start,
          end: account.day.end,
          trades: account.day.tradesOpened,
          state: tradingState(account),
          finished: account.finishedDays.length,
        });
    },
    after() {
      if (captured === null) return;
      for (const [id, before] of captured) {
        const account = state.accounts.get(id);
        const day = account?.finishedDays.at(-1);
        if (account === undefined || day === undefined || account.finishedDays.length === before.finished)
          continue;
        onSummary({
          account: id,
          day: before.label,
          netPnl: day.netPnl.toFixed(),
          trades: before.trades,
          breaches: breaches(id, before.start, before.end),
          state: before.state,
        });
      }
      captured = null;
      rollAt = { t: Number.NEGATIVE_INFINITY, accounts: -1 };
    },
  };
}
