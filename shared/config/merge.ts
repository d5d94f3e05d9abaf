// An account's rules (docs/RULES.md section 8): defaults.rules, then its preset's, then its own, merged per rule (later
// keys win), then completed with the rule's defaults. A rule named anywhere is on unless it says enabled: false.
// Beneath them all lies what the account's plan switches on (docs/RULES.md section 11). A preset is the config's own
// by that id, else a built-in firm preset.
import { builtInPresets } from '../presets';
import { mergePlans, type PlanBlock, type PlanSettings } from './plan';
import { ruleDefaults, ruleIds, type AccountRules, type RuleId, type RuleSettings } from './rules';
import { checkCommon, commonDefaults, type Problem, type RuleBlock } from './rule-spec';
import { ruleSpecs, type RulesBlock } from './rule-table';

/**
 * The layers of a validated config document that an account's rules come from (WardenConfig has this shape;
 * named here so merging does not depend on the schema that uses it).
 */
export type LayeredConfig = {
  defaults: { rules?: RulesBlock | undefined };
  presets: Record<string, PresetLayers>;
  accounts: Record<
    string,
    {
      preset?: string | undefined;
      startingBalance?: string | undefined;
      rules?: RulesBlock | undefined;
      plan?: PlanBlock | undefined;
    }
  >;
};

/** What a preset gives an account: rules and a plan. */
export type PresetLayers = { rules?: RulesBlock | undefined; plan?: PlanBlock | undefined };

/** What the account itself contributes to its rules: its starting balance and its merged plan. */
export type AccountContext = { startingBalance?: string | undefined; plan?: PlanSettings | null | undefined };

/** The preset `name` stands for: the config's own by that id, else the built-in one; undefined when neither. */
export function presetNamed(presets: Record<string, PresetLayers>, name: string): PresetLayers | undefined {
  return Object.hasOwn(presets, name) ? presets[name] : builtInPresets.get(name);
}

/** An account's plan: its preset's, then its own, merged per key; null when neither writes one. */
export function resolveAccountPlan(config: LayeredConfig, accountId: string): PlanSettings | null {
  const account = config.accounts[accountId];
  const preset = account?.preset === undefined ? undefined : presetNamed(config.presets, account.preset);
  return mergePlans([preset?.plan, account?.plan]);
}

/**
 * The lowest layer of a rule, from the plan (docs/RULES.md section 11): consistencyPct switches `consistency` on,
 * profitTarget `profitTarget`, scaling `maxContracts`; undefined when the plan switches nothing on. A written
 * layer above it still wins, `enabled: false` included.
 */
export function planLayer<R extends RuleId>(
  id: R,
  plan: PlanSettings | null | undefined,
): RuleBlock<R> | undefined {
  if (plan === null || plan === undefined) return undefined;
  const switched =
    (id === 'consistency' && plan.consistencyPct !== null) ||
    (id === 'profitTarget' && plan.profitTarget !== null) ||
    (id === 'maxContracts' && plan.scaling !== null);
  // Empty: the values come from the plan when completed (a null written above means "the plan's" as well).
  return switched ? {} : undefined;
}

/** A null the plan fills (docs/RULES.md section 11), and a limit the plan supplies instead of a written one. */
function fillFromPlan(
  id: RuleId,
  filled: Record<string, unknown>,
  plan: PlanSettings | null | undefined,
): void {
  if (id === 'consistency' && filled['pct'] === null) filled['pct'] = plan?.consistencyPct ?? null;
  if (id === 'profitTarget' && filled['amount'] === null) filled['amount'] = plan?.profitTarget ?? null;
}

/** Scaling gives maxContracts its limit (the tier's contracts), so a total or perSymbol is not needed too. */
function completeByPlan(id: RuleId, plan: PlanSettings | null | undefined): boolean {
  return id === 'maxContracts' && plan?.scaling != null;
}

export type CompletedRule<R extends RuleId> =
  { ok: true; settings: RuleSettings<R> | null } | { ok: false; problems: Problem[] };

/** The blocks of one rule merged key by key; undefined when no layer names the rule. */
export function mergeRule<R extends RuleId>(layers: (RuleBlock<R> | undefined)[]): RuleBlock<R> | undefined {
  const named = layers.filter((layer) => layer !== undefined);
  return named.length === 0
    ? undefined
    : named.reduce<RuleBlock<R>>((merged, layer) => ({ ...merged, ...layer }), {});
}

/**
 * One rule's settings from its merged blocks. `settings: null` is a disabled rule that lacks required values
 * (off either way). Missing values of an enabled rule and inconsistent values are problems.
 */
export function completeRule<R extends RuleId>(
  id: R,
  merged: RuleBlock<R>,
  account: AccountContext,
): CompletedRule<R> {
  const spec = ruleSpecs[id];
  const enabled = merged.enabled ?? true;
  const filled: Record<string, unknown> = {
    enabled,
    ...commonDefaults,
    ...ruleDefaults[id],
    ...spec.defaults,
    ...merged,
  };
  if (id === 'trailingDrawdown' && filled['startingBalance'] === null) {
    filled['startingBalance'] = account.startingBalance ?? null;
  }
  fillFromPlan(id, filled, account.plan);
  const missing = spec.required.filter((key) => merged[key] === undefined);
  // The checks only relate values that are present, so they also run on a rule that lacks some.
  const present = filled as RuleBlock<R>;
  const inconsistent = [...checkCommon(present), ...(spec.check?.(present) ?? [])];
  if (missing.length > 0) {
    const problems = missing.map((key) => ({ path: [String(key)], message: 'is required' }));
    if (enabled) return { ok: false, problems: [...problems, ...inconsistent] };
    return inconsistent.length > 0 ? { ok: false, problems: inconsistent } : { ok: true, settings: null };
  }
  // Every parameter is now present: required ones were checked above, the others come from spec.defaults
  // (a unit test holds each spec's required + defaults to its RuleParams keys).
  const settings = filled as RuleSettings<R>;
  if (merged.lock === undefined && spec.lockDefault !== undefined) settings.lock = spec.lockDefault(settings);
  const incomplete = completeByPlan(id, account.plan) ? [] : (spec.complete?.(settings) ?? []);
  if (inconsistent.length > 0) return { ok: false, problems: [...inconsistent, ...incomplete] };
  if (incomplete.length > 0)
    return enabled ? { ok: false, problems: incomplete } : { ok: true, settings: null };
  return { ok: true, settings };
}

/** The rules blocks that apply to an account, in merge order. */
export function accountLayers(config: LayeredConfig, accountId: string): (RulesBlock | undefined)[] {
  const account = config.accounts[accountId];
  const preset = account?.preset === undefined ? undefined : presetNamed(config.presets, account.preset);
  return [config.defaults.rules, preset?.rules, account?.rules];
}

/**
 * The resolved rules of one account of a validated config; an account not listed gets the defaults alone.
 * Throws when the config was not validated and a rule cannot be completed.
 */
export function resolveAccountRules(config: LayeredConfig, accountId: string): AccountRules {
  const layers = accountLayers(config, accountId);
  const plan = resolveAccountPlan(config, accountId);
  const context: AccountContext = { startingBalance: config.accounts[accountId]?.startingBalance, plan };
  // Each entry is completed by its own rule id below.
  const rules: Record<string, unknown> = {};
  for (const id of ruleIds) {
    const merged = mergeRule([planLayer(id, plan), ...layers.map((layer) => layer?.[id])]);
    if (merged === undefined) continue;
    const result = completeRule(id, merged, context);
    if (!result.ok) {
      const details = result.problems.map((p) => `${[id, ...p.path].join('.')}: ${p.message}`).join('; ');
      throw new Error(`account ${accountId}: ${details}`);
    }
    if (result.settings !== null) rules[id] = result.settings;
  }
  // Each entry was completed by its own rule id above.
  return rules;
}
