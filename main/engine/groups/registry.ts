// Every group rule, in evaluation order (docs/RULES.md section 10): simultaneous decisions come out in this order.
import { copierHedge } from './copier-hedge';
import { copierLeaderHalted } from './copier-leader-halted';
import { copierMissed } from './copier-missed';
import { groupDailyLoss } from './daily-loss';
import { groupMaxContracts } from './max-contracts';
import type { GroupRule } from './types';

export const groupRules: readonly GroupRule[] = [
  groupDailyLoss,
  groupMaxContracts,
  copierHedge,
  copierMissed,
  copierLeaderHalted,
];
