// One rule in the editor: on/off, its fields with the inherited value as placeholder, the error beside each.
import type { AccountRules } from '../../../../shared/config/rules';
import { shown, type FieldSpec } from './config-draft';

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

function inherited(effective: AccountRules | null, field: FieldSpec): string {
  const block = effective?.[field.rule as keyof AccountRules] as Record<string, unknown> | undefined;
  return shown(block?.[field.param]);
}

export function RuleFieldset(props: RuleFieldsetProps) {
  const { account, rule, title, fields, enabled } = props;
  const base = `rule-${account}-${rule}`;
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
      {fields.map((field) => {
        const id = `${base}-${field.param}`;
        const error = props.error(field);
        const errorId = `${id}-error`;
        const testId = `rule-${rule}-${field.param}`;
        return (
          <div key={field.param} className={error === null ? 'field' : 'field field-invalid'}>
            <label htmlFor={id}>{field.label}</label>
            {field.kind === 'choice' ? (
              <select
                id={id}
                data-testid={testId}
                value={props.value(field)}
                disabled={!enabled}
                onChange={(event) => {
                  props.onChange(field, event.target.value);
                }}
              >
                <option value="">{`inherited (${inherited(props.effective, field) || 'default'})`}</option>
                {(field.choices ?? []).map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type="text"
                className="num"
                inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
                autoComplete="off"
                spellCheck={false}
                data-testid={testId}
                value={props.value(field)}
                placeholder={inherited(props.effective, field)}
                disabled={!enabled}
                aria-invalid={error !== null}
                aria-describedby={error === null ? undefined : errorId}
                onChange={(event) => {
                  props.onChange(field, event.target.value);
                }}
              />
            )}
            {error !== null ? (
              <span id={errorId} className="field-error" role="alert" data-testid={`${testId}-error`}>
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
