// What a config change changes in one account's rules, in words for the audit trail: "dailyLoss.amount: 1000 →
// 800", "stopRequired: turned on". Values are compared as written after resolution (decimals as strings).
import { ruleIds, type AccountRules } from './rules';

const shown = (value: unknown): string => (value === undefined ? 'unset' : JSON.stringify(value));

export function ruleChanges(before: AccountRules, after: AccountRules): string[] {
  const lines: string[] = [];
  for (const id of ruleIds) {
    const was = before[id] as Record<string, unknown> | undefined;
    const now = after[id] as Record<string, unknown> | undefined;
    const wasOn = was?.['enabled'] === true;
    const isOn = now?.['enabled'] === true;
    if (wasOn !== isOn) lines.push(`${id}: turned ${isOn ? 'on' : 'off'}`);
    // A rule switched on or off is said so above; only one on before and after has settings that changed.
    if (!wasOn || !isOn) continue;
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (key !== 'enabled' && JSON.stringify(was[key]) !== JSON.stringify(now[key]))
        lines.push(`${id}.${key}: ${shown(was[key])} → ${shown(now[key])}`);
    }
  }
  return lines;
}
