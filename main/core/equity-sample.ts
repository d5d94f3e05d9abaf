// One account's periodic sample: its equity and the other metrics a prop-firm dispute asks about (the trailing
// threshold and the day's loss floor in force, margin level, counts, trading state), as the store keeps them.
import { moneyString, ratioString } from '../../shared/domain/money';
import { accountMetrics, tradingState, type ReadonlyAccountState, type ReadonlyEngineState } from '../engine';
import type { EquitySample } from '../store';
import { dailyLossFloor } from './limits-view';

export function equitySampleOf(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
  t: number,
): EquitySample {
  const metrics = accountMetrics(state, account);
  let openQty = 0;
  for (const position of account.positions.values()) openQty += Math.abs(position.qty);
  return {
    account: account.id,
    t,
    balance: metrics.balance.toFixed(2),
    equity: metrics.equity.toFixed(2),
    dailyNetPnl: metrics.dailyNetPnl.toFixed(2),
    dailyDrawdown: metrics.dailyDrawdown.toFixed(2),
    openQty,
    metrics: {
      unrealizedPnl: moneyString(metrics.unrealizedPnl),
      dailyRealizedPnl: moneyString(metrics.dailyRealizedPnl),
      weeklyNetPnl: moneyString(metrics.weeklyNetPnl),
      trailingThreshold: metrics.trailingThreshold === null ? null : moneyString(metrics.trailingThreshold),
      dailyLossFloor: dailyLossFloor(state, account),
      marginLevel: metrics.marginLevel === null ? null : ratioString(metrics.marginLevel),
      tradesToday: metrics.tradesToday,
      consecutiveLosses: metrics.consecutiveLosses,
      tradingState: tradingState(account),
    },
  };
}
