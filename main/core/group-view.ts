// The groups as the screen shows them (docs/RULES.md section 10, shared/ipc GroupView): each group's summed
// figures, its rules' bars and its trading state, and which groups an account is in. Read-only over the engine
// state: the figures are summed from the members' metrics, as the engine sums them.
import { dec, maxDec, moneyString, ZERO, type Dec } from '../../shared/domain/money';
import type { GroupView, LimitView, RuleLevelView, TradingState } from '../../shared/ipc';
import {
  groupMetrics,
  groupsOf,
  membersOf,
  tradingState,
  type GroupMetrics,
  type GroupSettings,
  type ReadonlyAccountState,
  type ReadonlyEngineState,
} from '../engine';

const stateRank: Record<TradingState, number> = { active: 0, reducing: 1, halted: 2 };

/** Every group of the config, in config order. */
export function groupsView(state: ReadonlyEngineState): GroupView[] {
  return Object.entries(groupsOf(state.config)).map(([id, group]) => {
    const members = membersOf(state.accounts, group);
    const metrics = groupMetrics(state, members);
    return {
      id,
      name: group.name,
      accounts: [...group.accounts],
      leader: group.copier?.leader ?? null,
      metrics: {
        dailyNetPnl: moneyString(metrics.dailyNetPnl),
        dailyRealizedPnl: moneyString(metrics.dailyRealizedPnl),
        unrealizedPnl: moneyString(metrics.unrealizedPnl),
        openContracts: metrics.openContracts.toNumber(),
      },
      limits: groupLimits(state, id, group, metrics),
      tradingState: groupState(id, members),
    };
  });
}

/** The ids of the groups an account belongs to, in config order. */
export function groupsOfAccount(state: ReadonlyEngineState, account: string): string[] {
  return Object.entries(groupsOf(state.config))
    .filter(([, group]) => group.accounts.includes(account))
    .map(([id]) => id);
}

/** `halted` while a group rule holds its members halted; else the worst of the members' states. */
function groupState(id: string, members: readonly ReadonlyAccountState[]): TradingState {
  if (members.some((m) => m.locks.some((lock) => lock.group === id && lock.state === 'halted')))
    return 'halted';
  let worst: TradingState = 'active';
  for (const member of members) {
    const state = tradingState(member);
    if (stateRank[state] > stateRank[worst]) worst = state;
  }
  return worst;
}

function groupLimits(
  state: ReadonlyEngineState,
  id: string,
  group: GroupSettings,
  metrics: GroupMetrics,
): LimitView[] {
  const level = (rule: string): RuleLevelView => state.groups.get(id)?.rules[rule]?.level ?? 'ok';
  const limits: LimitView[] = [];
  const daily = group.rules.groupDailyLoss;
  if (daily?.enabled === true) {
    const pnl = daily.basis === 'realized' ? metrics.dailyRealizedPnl : metrics.dailyNetPnl;
    limits.push({
      rule: 'groupDailyLoss',
      label: 'Group daily loss',
      unit: 'money',
      used: moneyString(maxDec(pnl.negated(), ZERO)),
      limit: moneyString(dec(daily.amount)),
      level: level('groupDailyLoss'),
    });
  }
  const contracts = group.rules.groupMaxContracts;
  if (contracts?.enabled === true) {
    const used: Dec = metrics.openContracts;
    limits.push({
      rule: 'groupMaxContracts',
      label: 'Group contracts',
      unit: 'count',
      used: used.toFixed(),
      limit: dec(contracts.total).toFixed(),
      level: level('groupMaxContracts'),
    });
  }
  return limits;
}
