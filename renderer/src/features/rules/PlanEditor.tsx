// An account's plan in the rule editor (docs/RULES.md section 11): the firm program it starts from, and its own
// name, profit target, consistency %, minimum trading days and scaling tiers, each overriding the preset's figure
// (shown as the placeholder: "from preset: 3,000"), with the core's validation message beside the field.
import { shown, type Draft } from './config-draft';
import { Field } from './Field';
import { FirmProgram } from './FirmProgram';
import {
  ownPlan,
  planFieldError,
  planFields,
  presetPlaceholder,
  withPlanValue,
  type PlanFieldSpec,
} from './plan-draft';
import { ScalingTiers } from './ScalingTiers';

type PlanEditorProps = {
  draft: Draft;
  account: string;
  errors: readonly string[];
  onEdit: (draft: Draft) => void;
};

export function PlanEditor({ draft, account, errors, onEdit }: PlanEditorProps) {
  const own = ownPlan(draft, account);
  return (
    <fieldset className="rule plan-editor" data-testid="plan-editor">
      <legend>Plan</legend>
      <FirmProgram draft={draft} account={account} onEdit={onEdit} />
      <div className="plan-fields">
        {planFields.map((field) => (
          <PlanField
            key={field.key}
            id={`plan-${account}-${field.key}`}
            field={field}
            value={shown(own[field.key])}
            placeholder={presetPlaceholder(draft, account, field.key)}
            error={planFieldError(errors, account, field.key)}
            onChange={(text) => {
              onEdit(withPlanValue(draft, account, field, text));
            }}
          />
        ))}
      </div>
      <ScalingTiers draft={draft} account={account} errors={errors} onEdit={onEdit} />
    </fieldset>
  );
}

type PlanFieldProps = {
  id: string;
  field: PlanFieldSpec;
  value: string;
  placeholder: string;
  error: string | null;
  onChange: (text: string) => void;
};

function PlanField({ id, field, value, placeholder, error, onChange }: PlanFieldProps) {
  return (
    <Field
      id={id}
      testId={`plan-${field.key}`}
      label={field.label}
      kind={field.kind}
      value={value}
      placeholder={placeholder}
      error={error}
      onChange={onChange}
    />
  );
}
