// Every rule by its id, the compiler checking that each id has its own rule; evaluated in the order of `ruleIds`
// (docs/RULES.md section 6), so simultaneous decisions come out in that order.
import { ruleIds, type RuleId } from '../../../shared/config/rules';
import { brokerLock } from './broker-lock';
import { consecutiveLosses } from './consecutive-losses';
import { consistency } from './consistency';
import { dailyGiveback } from './daily-giveback';
import { dailyLoss } from './daily-loss';
import { dailyProfitTarget } from './daily-profit-target';
import { exposure } from './exposure';
import { marginLevel } from './margin-level';
import { maxContracts } from './max-contracts';
import { newsBlackout } from './news-blackout';
import { positionLoss } from './position-loss';
import { profitTarget } from './profit-target';
import { staleData } from './stale-data';
import { stopRequired } from './stop-required';
import { symbolBlock } from './symbol-block';
import { tradeFrequency } from './trade-frequency';
import { tradingHours } from './trading-hours';
import { trailingDrawdown } from './trailing-drawdown';
import { trailingStop } from './trailing-stop';
import type { AnyRule, Rule } from './types';
import { weeklyLoss } from './weekly-loss';

export const ruleTable: { readonly [R in RuleId]: Rule<R> } = {
  dailyLoss,
  dailyProfitTarget,
  dailyGiveback,
  weeklyLoss,
  trailingDrawdown,
  positionLoss,
  maxContracts,
  tradeFrequency,
  consecutiveLosses,
  stopRequired,
  marginLevel,
  exposure,
  tradingHours,
  newsBlackout,
  symbolBlock,
  brokerLock,
  staleData,
  trailingStop,
  consistency,
  profitTarget,
};

/** The rules in evaluation order. */
export const rules: readonly AnyRule[] = ruleIds.map((id) => ruleTable[id]);
