// The registry holds every rule of docs/RULES.md section 6 exactly once, in that section's order.
import { describe, expect, it } from 'vitest';
import { rules } from '../../../../main/engine/rules/registry';
import { ruleIds } from '../../../../shared/config/rules';

describe('rule registry', () => {
  it('lists every rule id once, in the order of docs/RULES.md section 6', () => {
    expect(rules.map((rule) => rule.id)).toEqual([...ruleIds]);
  });
});
