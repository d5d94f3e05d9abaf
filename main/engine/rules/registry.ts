// Every rule, in the order they are evaluated (RULES.md section 6).
import { dailyLoss } from './daily-loss';
import { dailyProfitTarget } from './daily-profit-target';
import { dailyGiveback } from './daily-giveback';
import { weeklyLoss } from './weekly-loss';
import { trailingDrawdown } from './trailing-drawdown';
import { positionLoss } from './position-loss';
import { trailingStop } from './trailing-stop';
import { staleData } from './stale-data';
import { marginLevel } from './margin-level';
import { exposure } from './exposure';
import { consecutiveLosses } from './consecutive-losses';
import { tradeFrequency } from './trade-frequency';
import { maxContracts } from './max-contracts';
import { stopRequired } from './stop-required';
import { symbolBlock } from './symbol-block';
import { brokerLock } from './broker-lock';
import { tradingHours } from './trading-hours';
import { newsBlackout } from './news-blackout';
import type { AnyRule } from './types';

export const rules: readonly AnyRule[] = [
  dailyLoss,
  dailyProfitTarget,
  dailyGiveback,
  weeklyLoss,
  trailingDrawdown,
  positionLoss,
  trailingStop,
  staleData,
  marginLevel,
  exposure,
  consecutiveLosses,
  tradeFrequency,
  maxContracts,
  stopRequired,
  symbolBlock,
  brokerLock,
  tradingHours,
  newsBlackout,
];
