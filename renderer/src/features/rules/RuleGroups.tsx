// Every rule of an account, grouped the way a trader thinks of them (loss limits, size, behaviour, time, market
// data and broker, the program), with a list of the groups to jump to and how many of each group's rules are on.
// The program's group holds the account's plan too.
import type { ReactNode } from 'react';
import { ruleGroups, rulesOfGroup, type RuleGroupId } from '../../../../shared/config/rule-catalog';
import { isRuleOn } from './inherited';
import { RuleCard } from './RuleCard';
import './rule-groups.css';
import type { RuleContext } from './rule-context';

type RuleGroupsProps = {
  ctx: RuleContext;
  /** What a group shows above its rules (the plan, in the program's group). */
  extra?: Partial<Record<RuleGroupId, ReactNode>>;
};

export function RuleGroups({ ctx, extra = {} }: RuleGroupsProps) {
  return (
    <div className="rule-groups">
      <nav className="rule-group-nav" aria-label="Rule groups">
        {ruleGroups.map((group) => {
          const rules = rulesOfGroup(group.id);
          const on = rules.filter((rule) => isRuleOn(ctx.draft, ctx.account, rule)).length;
          return (
            <a key={group.id} href={`#rules-group-${group.id}`} data-testid={`rules-nav-${group.id}`}>
              {group.title} <span className="muted">{`${on} of ${rules.length} on`}</span>
            </a>
          );
        })}
      </nav>
      {ruleGroups.map((group) => (
        <section
          key={group.id}
          id={`rules-group-${group.id}`}
          className="rule-group"
          aria-labelledby={`rules-group-${group.id}-title`}
          data-testid={`rules-group-${group.id}`}
        >
          <h3 id={`rules-group-${group.id}-title`} className="rule-group-title">
            {group.title}
          </h3>
          {extra[group.id]}
          <div className="rules-grid">
            {rulesOfGroup(group.id).map((rule) => (
              <RuleCard key={rule} ctx={ctx} rule={rule} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
