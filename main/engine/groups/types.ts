// The shape of a group rule (docs/RULES.md section 10): like an account rule, a pure function of the state that
// reports findings; the group framework (evaluate.ts) turns them into one decision per member concerned.
import type { GroupSettings } from '../../../shared/config/groups';
import type { EngineEvent, EngineEventType } from '../../../shared/domain/events';
import type { RiskAction } from '../decisions';
import type { ResolvedLock } from '../locks';
import type { Measurement } from '../rules/types';
import type { AccountState, EngineState, GroupState, RuleMemory } from '../state';
import type { GroupMetrics } from './metrics';

export const groupRuleNames = [
  'groupDailyLoss',
  'groupMaxContracts',
  'copierHedge',
  'copierMissed',
  'copierLeaderHalted',
] as const;
export type GroupRuleName = (typeof groupRuleNames)[number];

export type GroupContext = {
  state: EngineState;
  id: string;
  group: GroupSettings;
  /** Its state: memory by key (rules prune keys of their own that no longer apply). */
  memoryOf: GroupState;
  /** The members the engine knows, in config order. */
  members: AccountState[];
  event: EngineEvent;
  /** The group's figures, summed once per evaluation. */
  metrics: () => GroupMetrics;
  /** This rule's memory under `key` (created at level ok). */
  memory: (key: string) => RuleMemory;
};

/** What a group rule does to one member: a level with its action and lock (null: none), in the rule's words. */
export type MemberFinding = {
  kind: 'member';
  account: string;
  level: 'warning' | 'critical' | 'breach';
  action: RiskAction;
  lock: ResolvedLock | null;
  symbol?: string;
  qty?: number;
  message: string;
};

/** A measured group value climbs the ladder for every member; a member finding concerns one of them. */
export type GroupFinding = Measurement | MemberFinding;

export type GroupRule = {
  id: GroupRuleName;
  /** Events after which the rule is evaluated. */
  triggers: readonly EngineEventType[];
  /** Whether the group has the rule on. */
  enabled(group: GroupSettings): boolean;
  evaluate(ctx: GroupContext): GroupFinding[];
};
