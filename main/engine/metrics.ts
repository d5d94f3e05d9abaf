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

/**
 * The metrics, each computed when first read (rules on the hot path read one or two of them; the view reads
 * them all). Reading every field gives exactly the eager values.
 */
export function accountMetrics(state: EngineState, account: AccountState): AccountMetrics {
  let unrealized: Dec | undefined;
  let margin: Dec | undefined;
  let exposure: Pick<AccountMetrics, 'grossExposure' | 'hhi' | 'largestPositionPct'> | undefined;
  const unrealizedPnl = () => (unrealized ??= accountUnrealized(state, account));
  const equity = () => account.balance.plus(unrealizedPnl());
  const usedMargin = () => (margin ??= account.brokerUsedMargin ?? computedMargin(state, account));
  const exposureOnce = () => (exposure ??= exposureOf(state, account));
  return {
    balance: account.balance,
    get unrealizedPnl() {
      return unrealizedPnl();
    },
    get equity() {
      return equity();
    },
    dailyRealizedPnl: account.day.realizedPnl.minus(account.day.fees),
    get dailyNetPnl() {
      return equity().minus(account.day.startEquity);
    },
    get dailyDrawdown() {
      return nonNegative(account.day.peakEquity.minus(equity()));
    },
    get weeklyNetPnl() {
      return equity().minus(account.week.startEquity);
    },
    get weeklyDrawdown() {
      return nonNegative(account.week.peakEquity.minus(equity()));
    },
    maxDrawdown: account.maxDrawdown,
    maxDrawdownPct: account.maxDrawdownPct,
    trailingThreshold: account.trailingThreshold,
    consecutiveLosses: account.consecutiveLosses,
    tradesToday: account.day.tradesOpened,
    get usedMargin() {
      return usedMargin();
    },
    get marginLevel() {
      return usedMargin().isZero() ? null : equity().dividedBy(usedMargin()).times(100);
    },
    get freeMargin() {
      return equity().minus(usedMargin());
    },
    get grossExposure() {
      return exposureOnce().grossExposure;
    },
    get hhi() {
      return exposureOnce().hhi;
    },
    get largestPositionPct() {
      return exposureOnce().largestPositionPct;
    },
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
