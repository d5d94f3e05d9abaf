// Accounts come into being at their first event; trading days and weeks roll at dayStart (docs/RULES.md section 1).
import { ZERO, type Dec } from '../../shared/domain/money';
import { accountRules } from './rules/evaluate';
import type { AccountState, EngineState, PeriodTotals } from './state';
import { tradingDayOf, tradingWeekOf, type Period } from './time';
import { trackTrailingDrawdown } from './trailing-threshold';
import { accountEquity } from './valuation';

function openPeriod(period: Period, equity: Dec, startReportAt: number | null): PeriodTotals {
  return {
    ...period,
    startEquity: equity,
    startReportAt,
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
  const configured = state.config.accounts[id]?.startingBalance;
  const balance = configured ?? reportedBalance ?? ZERO;
  const reportAt = configured === undefined && reportedBalance !== undefined ? t : null;
  const account: AccountState = {
    id,
    name: id,
    canTrade: true,
    startingBalance: balance,
    balance,
    balanceReportedAt: null,
    reportAhead: null,
    brokerUsedMargin: null,
    positions: new Map(),
    orders: new Map(),
    day: openPeriod(tradingDayOf(t, state.config.session), balance, reportAt),
    week: openPeriod(tradingWeekOf(t, state.config.session), balance, reportAt),
    equityPeak: balance,
    maxDrawdown: ZERO,
    maxDrawdownPct: ZERO,
    consecutiveLosses: 0,
    seenFills: new Map(),
    lastFillAt: null,
    closedTrades: [],
    locks: [],
    rules: {},
    tradeOpenTimes: [],
    lossStreakBreachesToday: 0,
    trailingHighWater: null,
    trailingThreshold: null,
    settingsLockedUntil: null,
    finishedDays: [],
  };
  state.accounts.set(id, account);
  return account;
}

/** Rolls every account's day and week when `t` has passed their end: the new period starts at current equity. */
export function rollPeriods(state: EngineState, t: number): void {
  for (const account of state.accounts.values()) {
    if (t < account.day.end && t < account.week.end) continue;
    const equity = accountEquity(state, account);
    const reportAt = account.balanceReportedAt;
    if (t >= account.day.end) {
      trackTrailingDrawdown(state, account, equity, account.balance);
      // The day's record for the plan (docs/RULES.md section 11): its net P&L at the roll that ends it.
      account.finishedDays.push({
        day: account.day.label,
        netPnl: equity.minus(account.day.startEquity),
        traded: account.day.tradesOpened > 0,
      });
      account.day = openPeriod(tradingDayOf(t, state.config.session), equity, reportAt);
      account.lossStreakBreachesToday = 0;
      if (accountRules(state, account).consecutiveLosses?.resetDaily === true) account.consecutiveLosses = 0;
    }
    if (t >= account.week.end)
      account.week = openPeriod(tradingWeekOf(t, state.config.session), equity, reportAt);
  }
}
