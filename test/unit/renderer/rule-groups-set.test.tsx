// @vitest-environment jsdom
// Every group of the Rules screen sets every parameter and every common option of its rules, typed in as a trader
// would: the account's own rules in the draft are exactly those written.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleGroups } from '../../../shared/config/rule-catalog';
import type { RuleId } from '../../../shared/config/rules';
import { ACCOUNT, enterRule, everyRule, ownRules, renderRules } from './rule-helpers';

afterEach(cleanup);

describe('every field of every group', () => {
  it.each(ruleGroups.map((g) => g.id))('%s: sets every parameter and common option', async (group) => {
    const host = renderRules({ accounts: { [ACCOUNT]: { startingBalance: 50000 } } });
    await screen.findByTestId('rule-editor');
    const rules = everyRule[group];
    for (const [rule, block] of Object.entries(rules)) enterRule(rule as RuleId, block);
    expect(ownRules(host)).toEqual(rules);
  });
});
