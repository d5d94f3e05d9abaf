// Every rule, evaluated in the order of RULES.md section 6 (so simultaneous decisions come out in that order).
import { brokerLock } from './broker-lock';
import { consecutiveLosses } from './consecutive-losses';
import { dailyGiveback } from './daily-giveback';
import { dailyLoss } from './daily-loss';
import { dailyProfitTarget } from './daily-profit-target';
import { exposure } from './exposure';
import { marginLevel } from './margin-level';
import { maxContracts } from './max-contracts';
import { newsBlackout } from './news-blackout';
import { positionLoss } from './position-loss';
import { staleData } from './stale-data';
import { stopRequired } from './stop-required';
import { symbolBlock } from './symbol-block';
import { tradeFrequency } from './trade-frequency';
import { tradingHours } from './trading-hours';
import { trailingDrawdown } from './trailing-drawdown';
import { trailingStop } from './trailing-stop';
import type { AnyRule } from './types';
import { weeklyLoss } from './weekly-loss';

export const rules: readonly AnyRule[] = [
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
];
