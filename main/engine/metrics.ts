// Every per-account metric of RULES.md section 3, computed exactly from the engine state.
import { Dec, ZERO } from '../../shared/domain/money';
import type { AccountState, EngineState } from './state';
import { accountUnrealized, pointValueOf, positionMark } from './valuation';

export type AccountMetrics = {
  balance: Dec;
  unrealizedPnl: Dec;
  equity: Dec;
  dailyRealizedPnl: Dec;
  dailyNetPnl: Dec;
  dailyDrawdown: Dec;
  weeklyNetPnl: Dec;
  weeklyDrawdown: Dec;
  maxDrawdown: Dec;
  maxDrawdownPct: Dec;
  trailingThreshold: Dec | null;
  consecutiveLosses: number;
  tradesToday: number;
  usedMargin: Dec;
  /** null when no margin is used (the level is infinite). */
  marginLevel: Dec | null;
  freeMargin: Dec;
  grossExposure: Dec;
  hhi: Dec;
  largestPositionPct: Dec;
};

export function accountMetrics(state: EngineState, account: AccountState): AccountMetrics {
  const unrealizedPnl = accountUnrealized(state, account);
  const equity = account.balance.plus(unrealizedPnl);
  const usedMargin = account.brokerUsedMargin ?? computedMargin(state, account);
  const exposure = exposureOf(state, account);
  return {
    balance: account.balance,
    unrealizedPnl,
    equity,
    dailyRealizedPnl: account.day.realizedPnl.minus(account.day.fees),
    dailyNetPnl: equity.minus(account.day.startEquity),
    dailyDrawdown: nonNegative(account.day.peakEquity.minus(equity)),
    weeklyNetPnl: equity.minus(account.week.startEquity),
    weeklyDrawdown: nonNegative(account.week.peakEquity.minus(equity)),
    maxDrawdown: account.maxDrawdown,
    maxDrawdownPct: account.maxDrawdownPct,
    trailingThreshold: account.trailingThreshold,
    consecutiveLosses: account.consecutiveLosses,
    tradesToday: account.day.tradesOpened,
    usedMargin,
    marginLevel: usedMargin.isZero() ? null : equity.dividedBy(usedMargin).times(100),
    freeMargin: equity.minus(usedMargin),
    ...exposure,
  };
}

function nonNegative(value: Dec): Dec {
  return value.isNegative() ? ZERO : value;
}

function computedMargin(state: EngineState, account: AccountState): Dec {
  let margin = ZERO;
  for (const position of account.positions.values()) {
    const perContract = state.instruments.get(position.symbol)?.marginPerContract ?? ZERO;
    margin = margin.plus(perContract.times(Math.abs(position.qty)));
  }
  return margin;
}

/** Gross exposure, and the concentration of it across symbols (Herfindahl index, largest share). */
function exposureOf(
  state: EngineState,
  account: AccountState,
): Pick<AccountMetrics, 'grossExposure' | 'hhi' | 'largestPositionPct'> {
  const perSymbol: Dec[] = [];
  for (const position of account.positions.values()) {
    const mark = positionMark(state, position);
    perSymbol.push(mark.abs().times(Math.abs(position.qty)).times(pointValueOf(state, position.symbol)));
  }
  const gross = perSymbol.reduce((sum, value) => sum.plus(value), ZERO);
  if (gross.isZero()) return { grossExposure: gross, hhi: ZERO, largestPositionPct: ZERO };
  let hhi = ZERO;
  let largest = ZERO;
  for (const value of perSymbol) {
    const share = value.dividedBy(gross);
    hhi = hhi.plus(share.times(share));
    if (share.greaterThan(largest)) largest = share;
  }
  return { grossExposure: gross, hhi, largestPositionPct: largest.times(new Dec(100)) };
}
