// Every per-account metric of docs/RULES.md section 3, computed exactly from the engine state.
import { Dec, ZERO } from '../../shared/domain/money';
import type { ReadonlyAccountState, ReadonlyEngineState } from './readonly';
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
 * them all). Reading every field gives exactly the eager values. A class, so that making one per evaluation
 * costs an allocation, not a fresh set of accessors.
 */
export function accountMetrics(state: ReadonlyEngineState, account: ReadonlyAccountState): AccountMetrics {
  return new LazyMetrics(state, account);
}

class LazyMetrics implements AccountMetrics {
  #unrealized: Dec | undefined;
  #equity: Dec | undefined;
  #margin: Dec | undefined;
  #exposure: Pick<AccountMetrics, 'grossExposure' | 'hhi' | 'largestPositionPct'> | undefined;

  constructor(
    private readonly state: ReadonlyEngineState,
    private readonly account: ReadonlyAccountState,
  ) {}

  get balance() {
    return this.account.balance;
  }
  get unrealizedPnl() {
    return (this.#unrealized ??= accountUnrealized(this.state, this.account));
  }
  get equity() {
    return (this.#equity ??= this.account.balance.plus(this.unrealizedPnl));
  }
  get dailyRealizedPnl() {
    return this.account.day.realizedPnl.minus(this.account.day.fees);
  }
  get dailyNetPnl() {
    return this.equity.minus(this.account.day.startEquity);
  }
  get dailyDrawdown() {
    return nonNegative(this.account.day.peakEquity.minus(this.equity));
  }
  get weeklyNetPnl() {
    return this.equity.minus(this.account.week.startEquity);
  }
  get weeklyDrawdown() {
    return nonNegative(this.account.week.peakEquity.minus(this.equity));
  }
  get maxDrawdown() {
    return this.account.maxDrawdown;
  }
  get maxDrawdownPct() {
    return this.account.maxDrawdownPct;
  }
  get trailingThreshold() {
    return this.account.trailingThreshold;
  }
  get consecutiveLosses() {
    return this.account.consecutiveLosses;
  }
  get tradesToday() {
    return this.account.day.tradesOpened;
  }
  get usedMargin() {
    return (this.#margin ??= this.account.brokerUsedMargin ?? computedMargin(this.state, this.account));
  }
  get marginLevel() {
    return this.usedMargin.isZero() ? null : this.equity.dividedBy(this.usedMargin).times(100);
  }
  get freeMargin() {
    return this.equity.minus(this.usedMargin);
  }
  get grossExposure() {
    return this.#exposureOnce().grossExposure;
  }
  get hhi() {
    return this.#exposureOnce().hhi;
  }
  get largestPositionPct() {
    return this.#exposureOnce().largestPositionPct;
  }
  #exposureOnce() {
    return (this.#exposure ??= exposureOf(this.state, this.account));
  }
}

function nonNegative(value: Dec): Dec {
  return value.isNegative() ? ZERO : value;
}

function computedMargin(state: ReadonlyEngineState, account: ReadonlyAccountState): Dec {
  let margin = ZERO;
  for (const position of account.positions.values()) {
    const perContract = state.instruments.get(position.symbol)?.marginPerContract ?? ZERO;
    margin = margin.plus(perContract.times(Math.abs(position.qty)));
  }
  return margin;
}

/** Gross exposure, and the concentration of it across symbols (Herfindahl index, largest share). */
function exposureOf(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
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
