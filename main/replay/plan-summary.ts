// The plan figures of a replay's summary line (docs/API.md section 3, docs/RULES.md section 11): for an account
// with a plan, its metrics carry them too, money as exact strings and null where a figure is undefined.
import { moneyString, type Dec } from '../../shared/domain/money';
import { planFigures, type ReadonlyAccountState, type ReadonlyEngineState } from '../engine';

export type PlanMetrics = {
  totalProfit: string;
  targetRemaining: string | null;
  bestDayProfit: string;
  consistencyPct: string | null;
  consistencyCapToday: string | null;
  profitNeededForConsistency: string | null;
  tradingDays: number;
  contractsAllowed: number | null;
};

const money = (value: Dec | null) => (value === null ? null : moneyString(value));

/** {} for an account without a plan: its summary stays as it always was. */
export function planMetrics(
  state: ReadonlyEngineState,
  account: ReadonlyAccountState,
): PlanMetrics | Record<string, never> {
  const f = planFigures(state, account);
  if (f === null) return {};
  return {
    totalProfit: moneyString(f.totalProfit),
    targetRemaining: money(f.targetRemaining),
    bestDayProfit: moneyString(f.bestDayProfit),
    consistencyPct: f.consistencyPct === null ? null : f.consistencyPct.toFixed(),
    consistencyCapToday: money(f.consistencyCapToday),
    profitNeededForConsistency: money(f.profitNeededForConsistency),
    tradingDays: f.tradingDays,
    contractsAllowed: f.contractsAllowed,
  };
}
