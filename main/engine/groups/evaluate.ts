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
import type { AccountState, EngineState, GroupState } from '../state';
import { timeGateStale } from '../time-gate';
import { forgetGroupBand, noteGroupEvaluated } from './guard';
import { groupMetrics, membersOf, type GroupMetrics } from './metrics';
import { groupRules } from './registry';
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

/** Whether a group rule is run for a group on this event (on a quote, only what the quote can change). */
export type RunGate = (rule: GroupRule, group: GroupScope, locked: ReadonlySet<AccountState>) => boolean;

/** One group as one evaluation sees it: its settings, its state and the members Warden knows. */
export type GroupScope = {
  id: string;
  group: GroupSettings;
  groupState: GroupState;
  members: AccountState[];
};

/** The scopes of one config and set of known accounts, kept while neither changes (the quote path asks each time). */
const scopesOf = new WeakMap<EngineState, { config: object; accounts: number; scopes: GroupScope[] }>();

export function groupScopes(state: EngineState): GroupScope[] {
  const known = scopesOf.get(state);
  // Accounts are only ever added, and group state only replaced by a config change: the two keys suffice.
  if (known?.config === state.config && known.accounts === state.accounts.size) return known.scopes;
  const scopes = Object.entries(groupsOf(state.config)).map(([id, group]) => ({
    id,
    group,
    groupState: groupStateOf(state, id),
    members: membersOf(state.accounts, group),
  }));
  scopesOf.set(state, { config: state.config, accounts: state.accounts.size, scopes });
  return scopes;
}

/** Every group of the config after a non-quote event. `made` is called after each decision is added to `out`. */
export function evaluateGroups(
  state: EngineState,
  event: EngineEvent,
  out: Decision[],
  made?: () => void,
): void {
  rebuildLocked(
    state,
    runGroups(state, event, groupScopes(state), () => true, out, made),
  );
}

/**
 * A lock a group set moves its members' next time limits: their quote guards and the time gate are rebuilt —
 * after every group was judged (rebuilding can wait, a breach cannot).
 */
export function rebuildLocked(state: EngineState, locked: ReadonlySet<AccountState>): void {
  for (const member of locked) rebuildGuard(state, member);
  if (locked.size > 0) timeGateStale(state);
}

/**
 * Runs the group rules rule by rule (in the order of the registry), each for every group the gate lets through,
 * so simultaneous decisions come out in rule order. Returns the members a decision locked, for `rebuildLocked`.
 */
export function runGroups(
  state: EngineState,
  event: EngineEvent,
  scopes: readonly GroupScope[],
  gate: RunGate,
  out: Decision[],
  made?: () => void,
): Set<AccountState> {
  const locked = new Set<AccountState>();
  const contexts = new Map<GroupScope, GroupContext>();
  for (const rule of groupRules) {
    if (!rule.triggers.includes(event.type)) continue;
    for (const scope of scopes) {
      if (!rule.enabled(scope.group) || !gate(rule, scope, locked)) continue;
      let ctx = contexts.get(scope);
      if (ctx === undefined) {
        ctx = contextOf(state, scope, event);
        contexts.set(scope, ctx);
      }
      for (const finding of rule.evaluate(ctx)) {
        const decisions =
          finding.kind === 'measure' ? fanOut(ctx, rule, finding) : [onMember(ctx, rule, finding)];
        for (const decision of decisions) {
          out.push(decision);
          made?.();
          if (decision.lock === undefined) continue;
          const member = scope.members.find((m) => m.id === decision.account);
          if (member !== undefined) locked.add(member);
        }
      }
    }
  }
  for (const scope of contexts.keys())
    noteGroupEvaluated(state, scope.groupState, scope.group, scope.members);
  return locked;
}

function contextOf(state: EngineState, scope: GroupScope, event: EngineEvent): GroupContext {
  const { id, group, groupState, members } = scope;
  let metrics: GroupMetrics | null = null;
  return {
    state,
    id,
    group,
    memoryOf: groupState,
    members,
    event,
    metrics: () => (metrics ??= groupMetrics(state, members)),
    memory: (key) => (groupState.rules[key] ??= { level: 'ok', pendingBreaches: 0 }),
  };
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
  const message = m.describe(level);
  return ctx.members.map((member) => {
    const decision = ruleDecision(event.t, member.id, rule.id, level, message, m.symbol);
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
