// What a config change changes in one account's rules, in words for the audit trail: "dailyLoss.amount: 1000 →
// 800", "stopRequired: turned on". Values are compared as written after resolution (decimals as strings).
import { groupRuleIds, type GroupSettings } from './groups';
import type { PlanSettings } from './plan';
import { ruleIds, type AccountRules } from './rules';

const shown = (value: unknown): string => (value === undefined ? 'unset' : JSON.stringify(value));

export function ruleChanges(before: AccountRules, after: AccountRules): string[] {
  return ruleIds.flatMap((id) => settingChanges(id, before[id], after[id]));
}

/** One rule's changes: turned on or off, or each setting of a rule on before and after. */
function settingChanges(id: string, before: object | undefined, after: object | undefined): string[] {
  const was = before as Record<string, unknown> | undefined;
  const now = after as Record<string, unknown> | undefined;
  const wasOn = was?.['enabled'] === true;
  const isOn = now?.['enabled'] === true;
  if (wasOn !== isOn) return [`${id}: turned ${isOn ? 'on' : 'off'}`];
  // A rule switched on or off is said so above; only one on before and after has settings that changed.
  if (!wasOn || !isOn) return [];
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (key !== 'enabled' && JSON.stringify(was[key]) !== JSON.stringify(now[key]))
      lines.push(`${id}.${key}: ${shown(was[key])} → ${shown(now[key])}`);
  }
  return lines;
}

/** What a config change changes in group `id` (docs/RULES.md section 10), for the audit trail. */
export function groupChanges(
  id: string,
  before: GroupSettings | undefined,
  after: GroupSettings | undefined,
): string[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [`group ${id}: added`];
  if (after === undefined) return [`group ${id}: removed`];
  const lines: string[] = [];
  for (const key of ['name', 'accounts'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      lines.push(`${key}: ${shown(before[key])} → ${shown(after[key])}`);
  }
  for (const rule of groupRuleIds) lines.push(...settingChanges(rule, before.rules[rule], after.rules[rule]));
  const copier = (settings: GroupSettings) =>
    settings.copier === null ? undefined : { enabled: true, ...settings.copier };
  lines.push(...settingChanges('copier', copier(before), copier(after)));
  return lines.map((line) => `group ${id} ${line}`);
}

/**
 * What a config change changes in an account's plan (docs/RULES.md section 11), for the audit trail: "plan: added",
 * "plan.consistencyPct: 50 → 40", "plan.scaling: 0→2, 1500→3 → 0→3". Null is no plan.
 */
export function planChanges(before: PlanSettings | null, after: PlanSettings | null): string[] {
  if (before === null && after === null) return [];
  if (before === null) return ['plan: added'];
  if (after === null) return ['plan: removed'];
  const lines: string[] = [];
  for (const key of ['name', 'profitTarget', 'consistencyPct', 'minTradingDays'] as const) {
    if (before[key] !== after[key])
      lines.push(`plan.${key}: ${shownPlan(before[key])} → ${shownPlan(after[key])}`);
  }
  const ladder = (plan: PlanSettings) =>
    plan.scaling === null
      ? 'none'
      : plan.scaling.map((tier) => `${tier.from}→${tier.maxContracts}`).join(', ');
  if (ladder(before) !== ladder(after)) lines.push(`plan.scaling: ${ladder(before)} → ${ladder(after)}`);
  return lines;
}

const shownPlan = (value: string | number | null): string => (value === null ? 'unset' : String(value));
