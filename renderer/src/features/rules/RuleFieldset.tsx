// One rule in the editor: on/off, its fields with the inherited value as placeholder, the error beside each.
import type { AccountRules } from '../../../../shared/config/rules';
import { NumberInput } from '../../components/NumberInput';
import { shown, type FieldSpec } from './config-draft';
import { FieldError } from './FieldError';

type RuleFieldsetProps = {
  account: string;
  rule: string;
  title: string;
  fields: readonly FieldSpec[];
  enabled: boolean;
  effective: AccountRules | null;
  value: (field: FieldSpec) => string;
  error: (field: FieldSpec) => string | null;
  onEnabled: (enabled: boolean) => void;
  onChange: (field: FieldSpec, value: string) => void;
};

export function RuleFieldset(props: RuleFieldsetProps) {
  const { account, rule, title, fields, enabled } = props;
  return (
    <fieldset className={enabled ? 'rule' : 'rule rule-off'} data-testid={`rule-${rule}`}>
      <legend>
        <label className="rule-toggle">
          <input
            type="checkbox"
            checked={enabled}
            data-testid={`rule-${rule}-enabled`}
            onChange={(event) => {
              props.onEnabled(event.target.checked);
            }}
          />
          {title}
        </label>
      </legend>
      {fields.map((field) => (
        <RuleParamField
          key={field.param}
          id={`rule-${account}-${rule}-${field.param}`}
          testId={`rule-${rule}-${field.param}`}
          field={field}
          enabled={enabled}
          value={props.value(field)}
          inherited={inherited(props.effective, field)}
          error={props.error(field)}
          onChange={(value) => {
            props.onChange(field, value);
          }}
        />
      ))}
    </fieldset>
  );
}

function inherited(effective: AccountRules | null, field: FieldSpec): string {
  const block = effective?.[field.rule as keyof AccountRules] as Record<string, unknown> | undefined;
  return shown(block?.[field.param]);
}

type RuleParamFieldProps = {
  id: string;
  testId: string;
  field: FieldSpec;
  enabled: boolean;
  value: string;
  /** What applies when the account sets nothing ('' when nothing does). */
  inherited: string;
  error: string | null;
  onChange: (value: string) => void;
};

/** One setting of a rule: a choice (with "inherited" as the empty one) or a number, and its error beside it. */
function RuleParamField(props: RuleParamFieldProps) {
  const { id, testId, field, enabled, value, error, onChange } = props;
  const errorId = `${id}-error`;
  return (
    <div className={error === null ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>{field.label}</label>
      {field.kind === 'choice' ? (
        <select
          id={id}
          data-testid={testId}
          value={value}
          disabled={!enabled}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          <option value="">{`inherited (${props.inherited || 'default'})`}</option>
          {(field.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <NumberInput
          id={id}
          inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
          testId={testId}
          value={value}
          placeholder={props.inherited}
          disabled={!enabled}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : errorId}
          onChange={onChange}
        />
      )}
      <FieldError id={errorId} testId={`${testId}-error`} message={error} />
    </div>
  );
}
