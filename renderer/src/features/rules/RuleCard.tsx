// One rule of an account in the editor: on or off, what it does in one line with its section of docs/RULES.md
// (opened in place on the card), its parameters by kind with the inherited value as placeholder and each error
// beside its field, the rule's own error (one no single field owns), its consequences under "More", and "Reset to
// inherited".
import { memo, useId, useState } from 'react';
import { ruleCatalog, type ParamEntry } from '../../../../shared/config/rule-catalog';
import type { RuleId } from '../../../../shared/config/rules';
import { withEnabled, withoutOwnRule } from './config-draft';
import { FieldError } from './FieldError';
import { isRuleOn } from './inherited';
import { ruleAccess, ruleSignature, sameSignature, type RuleContext } from './rule-context';
import { RuleMore } from './RuleMore';
import { RuleParam } from './RuleParam';
import { RuleReference } from './RuleReference';

/** "§6.13" for the anchor "613-tradinghours"; "§11" for the plan's rules. */
function sectionOf(anchor: string): string {
  const numbered = /^6(\d+)-/.exec(anchor);
  return numbered?.[1] === undefined ? '§11' : `§6.${numbered[1]}`;
}

type RuleCardProps = { ctx: RuleContext; rule: RuleId };

/** Drawn again only when what it shows changes: a screen of twenty rules re-renders one card per keystroke. */
export const RuleCard = memo(
  RuleCardBody,
  (before, after) =>
    before.rule === after.rule &&
    sameSignature(ruleSignature(before.ctx, before.rule), ruleSignature(after.ctx, after.rule)),
);

function RuleCardBody({ ctx, rule }: RuleCardProps) {
  const { draft, account, update } = ctx;
  const entry = ruleCatalog[rule];
  const enabled = isRuleOn(draft, account, rule);
  const access = ruleAccess(ctx, rule, enabled);
  const ownBlock = draft.accounts?.[account]?.rules?.[rule] !== undefined;
  const params = Object.entries<ParamEntry>(entry.params);
  const [referenceOpen, setReferenceOpen] = useState(false);
  const referenceId = useId();
  return (
    <fieldset className={enabled ? 'rule' : 'rule rule-off'} data-testid={`rule-${rule}`}>
      <legend>
        <label className="rule-toggle">
          <input
            type="checkbox"
            checked={enabled}
            data-testid={`rule-${rule}-enabled`}
            onChange={(event) => {
              const on = event.target.checked;
              update((current) => withEnabled(current, account, rule, on));
            }}
          />
          {entry.title}
        </label>
      </legend>
      <FieldError testId={`rule-${rule}-enabled-error`} message={access.error('enabled')} />
      <p className="rule-explain" data-testid={`rule-${rule}-explain`}>
        {entry.explanation}{' '}
        <button
          type="button"
          className="rule-doc"
          data-testid={`rule-${rule}-doc`}
          aria-expanded={referenceOpen}
          aria-controls={referenceOpen ? referenceId : undefined}
          aria-label={`${entry.title} in the rules reference (RULES.md ${sectionOf(entry.anchor)})`}
          onClick={() => {
            setReferenceOpen((open) => !open);
          }}
        >
          RULES.md {sectionOf(entry.anchor)}
        </button>
      </p>
      {referenceOpen ? (
        <RuleReference anchor={entry.anchor} id={referenceId} testId={`rule-${rule}-reference`} />
      ) : null}
      <FieldError testId={`rule-${rule}-error`} message={access.error('')} />
      {params.length === 0 ? (
        <p className="muted param-note">No settings: it follows the broker.</p>
      ) : (
        <div className="rule-params">
          {params.map(([param, paramEntry]) => (
            <RuleParam key={param} access={access} ctx={ctx} param={param} entry={paramEntry} />
          ))}
        </div>
      )}
      <div className="rule-foot">
        <RuleMore access={access} />
        {ownBlock ? (
          <button
            type="button"
            className="btn btn-small rule-reset"
            aria-label={`${entry.title}: reset to inherited`}
            data-testid={`rule-${rule}-reset`}
            onClick={() => {
              update((current) => withoutOwnRule(current, account, rule));
            }}
          >
            Reset to inherited
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
