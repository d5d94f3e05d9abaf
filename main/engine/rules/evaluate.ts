// Runs the account's rules after an event: findings become level changes and actions, breaches set locks.
import {
  ruleIds,
  type AccountRules,
  type RuleCommon,
  type RuleId,
  type RuleSettings,
} from '../../../shared/config/rules';
import type { EngineEvent } from '../../../shared/domain/events';
import { dec } from '../../../shared/domain/money';
import { defaultHysteresisPct, defaultQuoteSanity, rulesFor } from '../config';
import type { Decision, RiskAction, RuleDecision, RuleLevel } from '../decisions';
import { addLock, resolveLock, type ResolvedLock } from '../locks';
import { accountMetrics, type AccountMetrics } from '../metrics';
import type { AccountState, EngineState, RuleMemory } from '../state';
import { levelRank, nextLevel, thresholdOf, type Thresholds } from './levels';
import { ruleTable } from './registry';
import type { Breach, Measurement, RuleContext } from './types';

export function accountRules(state: EngineState, account: AccountState) {
  return rulesFor(state.config, account.id);
}

/** `made`, when given, is called after each decision is added to `out` (a breach is told at once). */
export function evaluateRules(
  state: EngineState,
  account: AccountState,
  event: EngineEvent,
  out: Decision[],
  made?: () => void,
): void {
  const configured = accountRules(state, account);
  let metrics: AccountMetrics | null = null;
  const shared: SharedContext = {
    state,
    account,
    event,
    metrics: () => (metrics ??= accountMetrics(state, account)),
    memory: (key) => (account.rules[key] ??= { level: 'ok', pendingBreaches: 0 }),
  };
  for (const id of ruleIds) evaluateRule(id, configured, shared, out, made);
}

// R ties the rule to its own settings inside (one instantiation per id), which a plain RuleId cannot.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function evaluateRule<R extends RuleId>(
  id: R,
  configured: AccountRules,
  shared: SharedContext,
  out: Decision[],
  made: (() => void) | undefined,
): void {
  const ctx = contextFor(id, configured, shared);
  if (ctx === null) return;
  const { state, account, event } = shared;
  for (const finding of ruleTable[id].evaluate(ctx)) {
    const decision =
      finding.kind === 'measure'
        ? measured(state, ctx, id, finding)
        : finding.kind === 'notice'
          ? finding.decision
          : breached(account, event.t, id, ctx.settings, finding);
    if (decision === null) continue;
    out.push(decision);
    made?.();
  }
}

/** What every rule's context of one evaluation shares: all but the rule's own settings. */
type SharedContext = Omit<RuleContext, 'settings'>;

/** Rule `id`'s context when it is enabled and triggered by this event, typed by its id; null when it sits out. */
function contextFor<R extends RuleId>(
  id: R,
  configured: AccountRules,
  shared: SharedContext,
): RuleContext<R> | null {
  const settings = configured[id];
  const { event, account } = shared;
  if (settings === undefined || !settings.enabled || !ruleTable[id].triggers.includes(event.type))
    return null;
  if (event.type === 'quote' && !account.positions.has(event.symbol)) return null;
  const { state, metrics, memory } = shared;
  return { state, account, settings, event, metrics, memory };
}

/** A read-only context for a rule's quoteBounds: memory is looked up, never created. */
export function boundsContext<R extends RuleId>(
  state: EngineState,
  account: AccountState,
  settings: RuleSettings<R>,
): RuleContext<R> {
  let metrics: AccountMetrics | null = null;
  return {
    state,
    account,
    settings,
    event: { type: 'clock', t: state.now },
    metrics: () => (metrics ??= accountMetrics(state, account)),
    memory: (key) => account.rules[key] ?? { level: 'ok', pendingBreaches: 0 },
  };
}

function measured(state: EngineState, ctx: RuleContext, rule: RuleId, m: Measurement): RuleDecision | null {
  const { settings, account, event } = ctx;
  const thresholds = thresholdsOf(state, settings);
  const level = stepLevel(state, ctx.memory(m.key), m, thresholds, event);
  if (level === null) return null;
  const decision = ruleDecision(event.t, account.id, rule, level, m.describe(level), m.symbol);
  decision.figures = m.figures?.(level) ?? {
    value: m.value,
    limit: m.limit,
    threshold: thresholdOf(level, m.limit, thresholds),
  };
  if (level !== 'breach') {
    decision.action = m.actionAt?.[level] ?? 'alert';
    return decision;
  }
  const lock = resolveLock(account, event.t, settings.lock, settings.lockState);
  return act(account, event.t, decision, settings.action, lock);
}

/**
 * Moves a measured value's remembered level (docs/RULES.md section 5): up at once, down with the hysteresis, a
 * price-driven breach only on its confirming quote. Returns the level entered when it is a step up (the one to
 * report), else null.
 */
export function stepLevel(
  state: EngineState,
  memory: RuleMemory,
  m: Pick<Measurement, 'value' | 'limit'>,
  thresholds: Thresholds,
  event: EngineEvent,
): Exclude<RuleLevel, 'ok'> | null {
  let level = nextLevel(memory.level, m.value, m.limit, thresholds);
  // A price-driven breach waits for confirming quotes; a clock tick in between brings no new price, so it
  // neither confirms nor counts (docs/RULES.md section 2, bad-tick guard).
  const awaitingQuotes = event.type === 'quote' || (event.type === 'clock' && memory.pendingBreaches > 0);
  if (level === 'breach' && memory.level !== 'breach' && awaitingQuotes) {
    if (event.type === 'quote') memory.pendingBreaches += 1;
    const confirm = state.config.quoteSanity?.confirmQuotes ?? defaultQuoteSanity.confirmQuotes;
    if (memory.pendingBreaches < confirm)
      level = levelRank(memory.level) >= levelRank('critical') ? memory.level : 'critical';
  } else if (level !== 'breach') {
    memory.pendingBreaches = 0;
  }
  const previous = memory.level;
  memory.level = level;
  if (level === 'ok' || levelRank(level) <= levelRank(previous)) return null;
  if (level === 'breach') memory.pendingBreaches = 0;
  return level;
}

/** The level thresholds of one rule's settings under one config, worked out once. */
const thresholdCache = new WeakMap<
  LadderSettings,
  { config: EngineState['config']; thresholds: Thresholds }
>();

/** What a rule's (or a group rule's) ladder is set by. */
type LadderSettings = Pick<RuleCommon, 'warnAt' | 'criticalAt'>;

export function thresholdsOf(state: EngineState, settings: LadderSettings): Thresholds {
  const known = thresholdCache.get(settings);
  if (known?.config === state.config) return known.thresholds;
  const thresholds = {
    warnAt: dec(settings.warnAt),
    criticalAt: dec(settings.criticalAt),
    hysteresis: (state.config.hysteresisPct ?? defaultHysteresisPct).div(100),
  };
  thresholdCache.set(settings, { config: state.config, thresholds });
  return thresholds;
}

/** A decision built field by field (object spreads are slow on this path); `action` is set by the caller. */
export function ruleDecision(
  t: number,
  account: string,
  rule: string,
  level: RuleDecision['level'],
  message: string,
  symbol: string | undefined,
): RuleDecision {
  const decision: RuleDecision = { kind: 'rule', t, account, rule, level, action: 'alert', message };
  if (symbol !== undefined) decision.symbol = symbol;
  return decision;
}

function breached(
  account: AccountState,
  t: number,
  rule: RuleId,
  settings: RuleSettings,
  finding: Breach,
): RuleDecision {
  const lock =
    finding.lock !== undefined ? finding.lock : resolveLock(account, t, settings.lock, settings.lockState);
  const decision = ruleDecision(t, account.id, rule, 'breach', finding.message, finding.symbol);
  if (finding.attachStop !== undefined) decision.attachStop = finding.attachStop;
  return act(account, t, decision, finding.action ?? settings.action, lock);
}

/**
 * A breach: the lock is set, and a rule whose consequence is `halted` reports `flatten` (docs/RULES.md section 9).
 * A group rule's lock names its group (the decision's `group`).
 */
export function act(
  account: AccountState,
  t: number,
  decision: RuleDecision,
  action: RiskAction,
  lock: ResolvedLock | null,
): RuleDecision {
  decision.action = action;
  if (lock === null) return decision;
  addLock(account, decision.rule, lock, decision.message, t, decision.group);
  if (lock.state === 'halted') decision.action = 'flatten';
  decision.lock = lock;
  return decision;
}
