// What an account's rule gets where the account writes nothing (docs/RULES.md section 8): its plan's layer,
// defaults.rules and its preset's rules merged, then each key's default. Read from the draft layer by layer, so a
// half-typed value elsewhere does not hide it; the screen shows these values as placeholders.
import { mergeRule, planLayer, presetNamed, type PresetLayers } from '../../../../shared/config/merge';
import { mergePlans, planSchema, type PlanBlock } from '../../../../shared/config/plan';
import { commonDefaults, type RuleBlock } from '../../../../shared/config/rule-spec';
import { blockSchemas, ruleSpecs } from '../../../../shared/config/rule-table';
import { ruleDefaults, type RuleId, type RuleSettings } from '../../../../shared/config/rules';
import type { Draft } from './config-draft';

export type InheritedRule = {
  /** Some layer below the account names the rule (or the plan switches it on) and does not turn it off. */
  enabled: boolean;
  /** Each key's value without the account's own; undefined where nothing gives one (a required value). */
  values: Record<string, unknown>;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One layer's block of a rule, normalised; undefined when absent or invalid (its error is listed elsewhere). */
function parsedBlock(id: RuleId, block: unknown): RuleBlock | undefined {
  if (block === undefined) return undefined;
  const parsed = blockSchemas[id].safeParse(block);
  return parsed.success ? parsed.data : undefined;
}

function parsedPlan(block: unknown): PlanBlock | undefined {
  const parsed = planSchema.safeParse(block);
  return block !== undefined && parsed.success ? parsed.data : undefined;
}

const rulesOf = (holder: unknown): Record<string, unknown> =>
  isRecord(holder) && isRecord(holder['rules']) ? holder['rules'] : {};

/** The layers below the account's own rules, as the merge takes them. */
export function lowerLayers(draft: Draft, account: string) {
  const own = draft.accounts?.[account];
  const presets = (draft.presets ?? {}) as Record<string, PresetLayers>;
  const preset = own?.preset === undefined ? undefined : presetNamed(presets, own.preset);
  const plan = mergePlans([parsedPlan(preset?.plan), parsedPlan(own?.plan)]);
  return { plan, defaults: rulesOf(draft['defaults']), preset: rulesOf(preset) };
}

/** The rule as the account inherits it. */
export function inheritedRule(draft: Draft, account: string, id: RuleId): InheritedRule {
  const { plan, defaults, preset } = lowerLayers(draft, account);
  const lower = mergeRule([planLayer(id, plan), parsedBlock(id, defaults[id]), parsedBlock(id, preset[id])]);
  const spec = ruleSpecs[id];
  const values: Record<string, unknown> = {
    ...commonDefaults,
    ...ruleDefaults[id],
    ...spec.defaults,
    ...lower,
  };
  if (lower?.lock === undefined && spec.lockDefault !== undefined) {
    // The lock follows the cooldown, the account's own included; without a cooldown there is none to say.
    const own = parsedBlock(id, rulesOf(draft.accounts?.[account])[id]) ?? {};
    const settings: Record<string, unknown> = { ...values, ...own };
    // Only the cooldown rules have a lockDefault, and it reads only cooldownMinutes.
    const lockDefault = spec.lockDefault as (rule: RuleSettings) => unknown;
    values['lock'] =
      typeof settings['cooldownMinutes'] === 'number' ? lockDefault(settings as RuleSettings) : undefined;
  }
  return { enabled: lower !== undefined && lower.enabled !== false, values };
}

/** On or off as the merge will have it: named in some layer (or switched on by the plan) and not `enabled: false`. */
export function isRuleOn(draft: Draft, account: string, id: RuleId): boolean {
  const { plan, defaults, preset } = lowerLayers(draft, account);
  const own = rulesOf(draft.accounts?.[account])[id];
  const blocks = [planLayer(id, plan), defaults[id], preset[id], own].filter((block) => block !== undefined);
  const enabled = blocks
    .map((block) => (isRecord(block) ? block['enabled'] : undefined))
    .findLast((value) => typeof value === 'boolean');
  return blocks.length > 0 && enabled !== false;
}
