// An account's plan figures for the view (docs/RULES.md section 11), money as exact strings.
import { moneyString, type Dec } from '../../shared/domain/money';
import { planFigures, type ReadonlyAccountState, type ReadonlyEngineState } from '../engine';
import type { PlanView } from '../../shared/ipc';

const money = (value: Dec | null): string | null => (value === null ? null : moneyString(value));

/** null while the account has no plan. */
export function planView(state: ReadonlyEngineState, account: ReadonlyAccountState): PlanView | null {
  const f = planFigures(state, account);
  if (f === null) return null;
  return {
    name: f.plan.name,
    totalProfit: moneyString(f.totalProfit),
    profitTarget: money(f.profitTarget),
    targetRemaining: money(f.targetRemaining),
    bestDayProfit: moneyString(f.bestDayProfit),
    consistencyPct: f.consistencyPct === null ? null : f.consistencyPct.toFixed(),
    consistencyLimitPct: f.consistencyLimitPct === null ? null : f.consistencyLimitPct.toFixed(),
    consistencyCapToday: money(f.consistencyCapToday),
    consistencyCapLeft: money(f.consistencyCapLeft),
    profitNeededForConsistency: money(f.profitNeededForConsistency),
    tradingDays: f.tradingDays,
    minTradingDays: f.minTradingDays,
    contractsAllowed: f.contractsAllowed,
    nextTier:
      f.nextTier === null
        ? null
        : { from: moneyString(f.nextTier.from), maxContracts: f.nextTier.maxContracts },
    todayProfit: moneyString(f.todayProfit),
  };
}
