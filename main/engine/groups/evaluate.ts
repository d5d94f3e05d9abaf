// Groups are evaluated by apply after the accounts an event touched (docs/RULES.md section 10): each group rule's
// findings become decisions, one per member concerned, each naming the group, before enforcement sees them. A
// measured group value climbs the same ladder as an account's (hysteresis, confirming quotes); at breach every
// member is acted on and locked.
import type { GroupSettings } from '../../../shared/config/groups';
import type { EngineEvent } from '../../../shared/domain/events';
import { groupsOf } from '../config';
import type { Decision, RuleDecision } from '../decisions';
import { rebuildGuard } from '../guard';
import { resolveLock } from '../locks';
import { thresholdOf } from '../rules/levels';
import { act, ruleDecision, stepLevel, thresholdsOf } from '../rules/evaluate';
import type { Measurement } from '../rules/types';
import type { EngineState, GroupState } from '../state';
import { timeGateStale } from '../time-gate';
import { forgetGroupBand, noteGroupEvaluated } from './guard';
import { groupMetrics, membersOf, type GroupMetrics } from './metrics';
import { groupRules, pricedGroupRules } from './registry';
import type { GroupContext, GroupRule, MemberFinding } from './types';

/** The group's state, created on first evaluation. */
export function groupStateOf(state: EngineState, id: string): GroupState {
  let group = state.groups.get(id);
  if (group === undefined) {
    group = { id, rules: {} };
    state.groups.set(id, group);
  }
  return group;
}

/** Every group of the config, in config order. `made` is called after each decision is added to `out`. */
export function evaluateGroups(
  state: EngineState,
  event: EngineEvent,
  out: Decision[],
  made?: () => void,
): void {
  for (const [id, group] of Object.entries(groupsOf(state.config))) {
    evaluateGroup(state, id, group, event, out, made);
  }
}

export function evaluateGroup(
  state: EngineState,
  id: string,
  group: GroupSettings,
  event: EngineEvent,
  out: Decision[],
  made?: () => void,
): void {
  const groupState = groupStateOf(state, id);
  const members = membersOf(state.accounts, group);
  let metrics: GroupMetrics | null = null;
  const ctx: GroupContext = {
    state,
    id,
    group,
    memoryOf: groupState,
    members,
    event,
    metrics: () => (metrics ??= groupMetrics(state, members)),
    memory: (key) => (groupState.rules[key] ??= { level: 'ok', pendingBreaches: 0 }),
  };
  const held = event.type !== 'quote' || members.some((member) => member.positions.has(event.symbol));
  const locked = new Set<string>();
  for (const rule of groupRules) {
    if (!rule.enabled(group) || !rule.triggers.includes(event.type)) continue;
    if (!held && pricedGroupRules.has(rule)) continue;
    for (const finding of rule.evaluate(ctx)) {
      const decisions =
        finding.kind === 'measure' ? fanOut(ctx, rule, finding) : [onMember(ctx, rule, finding)];
      for (const decision of decisions) {
        out.push(decision);
        made?.();
        if (decision.lock !== undefined) locked.add(decision.account);
      }
    }
  }
  // A lock a group set moves its members' next time limits: their quote guards and the time gate are rebuilt.
  for (const member of members) if (locked.has(member.id)) rebuildGuard(state, member);
  if (locked.size > 0) timeGateStale(state);
  noteGroupEvaluated(state, groupState, group, members);
}

/** A measured group value's level entered: one decision per member, each acted on and locked at breach. */
function fanOut(ctx: GroupContext, rule: GroupRule, m: Measurement): RuleDecision[] {
  const settings = rule.id === 'groupDailyLoss' ? ctx.group.rules.groupDailyLoss : undefined;
  if (settings === undefined) return [];
  const { state, event } = ctx;
  const thresholds = thresholdsOf(state, settings);
  const level = stepLevel(state, ctx.memory(m.key), m, thresholds, event);
  if (level === null) return [];
  const figures = { value: m.value, limit: m.limit, threshold: thresholdOf(level, m.limit, thresholds) };
  return ctx.members.map((member) => {
    const decision = ruleDecision(event.t, member.id, rule.id, level, m.describe(level), m.symbol);
    decision.group = ctx.id;
    decision.figures = figures;
    if (level !== 'breach') {
      decision.action = m.actionAt?.[level] ?? 'alert';
      return decision;
    }
    const lock = resolveLock(member, event.t, settings.lock, settings.lockState);
    return act(member, event.t, decision, settings.action, lock);
  });
}

function onMember(ctx: GroupContext, rule: GroupRule, finding: MemberFinding): RuleDecision {
  const account = ctx.members.find((member) => member.id === finding.account);
  if (account === undefined) throw new Error(`${rule.id}: ${finding.account} is not a known member`);
  const { t } = ctx.event;
  const decision = ruleDecision(t, account.id, rule.id, finding.level, finding.message, finding.symbol);
  decision.group = ctx.id;
  if (finding.qty !== undefined) decision.qty = finding.qty;
  return act(account, t, decision, finding.action, finding.lock);
}

/**
 * After a config change: a group no longer configured is forgotten, and so is what a group rule now off
 * remembered (its memory is keyed by the rule's name, alone or followed by ":" and a detail).
 */
export function forgetGroupsTurnedOff(state: EngineState): void {
  const groups = groupsOf(state.config);
  for (const [id, groupState] of state.groups) {
    const group = groups[id];
    forgetGroupBand(groupState);
    if (group === undefined) {
      state.groups.delete(id);
      continue;
    }
    groupState.rules = Object.fromEntries(
      Object.entries(groupState.rules).filter(([key]) => {
        const rule = groupRules.find((r) => r.id === key.split(':')[0]);
        return rule?.enabled(group) === true;
      }),
    );
  }
}
