// Every rule the editor offers for one account, each with its on/off switch, fields and their errors.
import {
  fieldError,
  ownValue,
  ruleFields,
  withEnabled,
  withParam,
  type Draft,
  type Validation,
} from './config-draft';
import { RuleFieldset } from './RuleFieldset';

type RuleGridProps = {
  draft: Draft;
  account: string;
  validation: Validation;
  onEdit: (draft: Draft) => void;
};

export function RuleGrid({ draft, account, validation, onEdit }: RuleGridProps) {
  const { effective, errors } = validation;
  return (
    <div className="rules-grid">
      {ruleFields.map(({ rule, title, fields }) => (
        <RuleFieldset
          key={rule}
          account={account}
          rule={rule}
          title={title}
          fields={fields}
          enabled={isEnabled(draft, account, rule, effective)}
          effective={effective}
          value={(field) => ownValue(draft, account, field.rule, field.param)}
          error={(field) => fieldError(errors, account, field.rule, field.param)}
          onEnabled={(on) => {
            onEdit(withEnabled(draft, account, rule, on));
          }}
          onChange={(field, value) => {
            onEdit(withParam(draft, account, field, value));
          }}
        />
      ))}
    </div>
  );
}

/** On when the account says so; otherwise as its preset or the defaults have it (or, unresolved, when named). */
function isEnabled(draft: Draft, account: string, rule: string, effective: Validation['effective']): boolean {
  const own = draft.accounts?.[account]?.rules?.[rule]?.enabled;
  if (typeof own === 'boolean') return own;
  if (effective !== null) return effective[rule as keyof typeof effective]?.enabled === true;
  return draft.accounts?.[account]?.rules?.[rule] !== undefined;
}
