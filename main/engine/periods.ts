// Accounts come into being at their first event; trading days and weeks roll at dayStart (RULES.md section 1).
import { ZERO, type Dec } from '../../shared/domain/money';
import type { AccountState, EngineState, PeriodTotals } from './state';
import { tradingDayOf, tradingWeekOf, type Period } from './time';
import { accountEquity } from './valuation';

function openPeriod(period: Period, equity: Dec): PeriodTotals {
  return {
    ...period,
    startEquity: equity,
    peakEquity: equity,
    realizedPnl: ZERO,
    fees: ZERO,
    tradesOpened: 0,
  };
}

/** The account, created on first sight with its configured starting balance (else the first balance seen). */
export function ensureAccount(
  state: EngineState,
  id: string,
  t: number,
  reportedBalance?: Dec,
): AccountState {
  const existing = state.accounts.get(id);
  if (existing !== undefined) return existing;
  const balance = state.config.accounts[id]?.startingBalance ?? reportedBalance ?? ZERO;
  const account: AccountState = {
    id,
    name: id,
    canTrade: true,
    startingBalance: balance,
    balance,
    balanceReportedAt: null,
    brokerUsedMargin: null,
    positions: new Map(),
    orders: new Map(),
    day: openPeriod(tradingDayOf(t, state.config.session), balance),
    week: openPeriod(tradingWeekOf(t, state.config.session), balance),
    equityPeak: balance,
    maxDrawdown: ZERO,
    maxDrawdownPct: ZERO,
    consecutiveLosses: 0,
    seenFills: new Set(),
    lastFillAt: null,
    closedTrades: [],
    tradingState: 'active',
    lockedUntil: null,
    lockReason: null,
  };
  state.accounts.set(id, account);
  return account;
}

/** Rolls every account's day and week when `t` has passed their end: the new period starts at current equity. */
export function rollPeriods(state: EngineState, t: number): void {
  for (const account of state.accounts.values()) {
    if (t < account.day.end && t < account.week.end) continue;
    const equity = accountEquity(state, account);
    if (t >= account.day.end) account.day = openPeriod(tradingDayOf(t, state.config.session), equity);
    if (t >= account.week.end) account.week = openPeriod(tradingWeekOf(t, state.config.session), equity);
  }
}
