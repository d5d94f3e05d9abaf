// One setting in the rule editor (a rule's, a group's, the copier's, the plan's): a figure, a word, a time of day
// or a choice, with its label and unit, what applies when it is left empty (the placeholder, or the empty choice's
// words), and its error beside it.
import type { ReactNode } from 'react';
import type { Choice } from '../../components/SelectField';
import { NumberInput } from '../../components/NumberInput';
import { FieldError } from './FieldError';

export type FieldKind = 'decimal' | 'integer' | 'text' | 'time' | 'choice';

export type FieldProps = {
  id: string;
  testId: string;
  label: string;
  kind: FieldKind;
  /** As the form shows it: '' when the setting is not written. */
  value: string;
  /** For a figure, word or time: the placeholder. For a choice: the empty choice's words (none: no empty choice). */
  placeholder?: string | undefined;
  choices?: readonly Choice[] | undefined;
  unit?: string | undefined;
  error: string | null;
  disabled?: boolean | undefined;
  /** Under the first row of a list the others' labels are for screen readers only. */
  hideLabel?: boolean | undefined;
  /** Beside the control (a lock's minutes). */
  children?: ReactNode;
  /** Under the control (a "no limit" switch). */
  below?: ReactNode;
  onChange: (text: string) => void;
};

export function Field(props: FieldProps) {
  const { id, testId, label, unit, error, children } = props;
  const errorId = `${id}-error`;
  return (
    <div className={error === null ? 'field' : 'field field-invalid'}>
      <label htmlFor={id} className={props.hideLabel === true ? 'sr-only' : undefined}>
        {label}
      </label>
      <div className="field-control">
        <Control {...props} errorId={errorId} />
        {unit === undefined ? null : <span className="field-unit">{unit}</span>}
        {children}
      </div>
      {props.below}
      <FieldError id={errorId} testId={`${testId}-error`} message={error} />
    </div>
  );
}

function Control(props: FieldProps & { errorId: string }) {
  const { id, testId, kind, value, placeholder, error, disabled, onChange } = props;
  const described = {
    'aria-invalid': error !== null,
    'aria-describedby': error === null ? undefined : props.errorId,
  };
  if (kind === 'choice') {
    return (
      <select
        id={id}
        data-testid={testId}
        value={value}
        disabled={disabled}
        {...described}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {(props.choices ?? []).map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  if (kind === 'text') {
    return (
      <input
        id={id}
        type="text"
        data-testid={testId}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        {...described}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    );
  }
  return (
    <NumberInput
      id={id}
      testId={testId}
      inputMode={kind === 'decimal' ? 'decimal' : 'numeric'}
      maxLength={kind === 'time' ? 5 : undefined}
      value={value}
      placeholder={placeholder}
      disabled={disabled}
      {...described}
      onChange={onChange}
    />
  );
}

const yesNo = [
  { value: 'true', label: 'yes' },
  { value: 'false', label: 'no' },
] as const;

type FlagFieldProps = Omit<FieldProps, 'kind' | 'choices' | 'value' | 'onChange'> & {
  value: unknown;
  /** undefined: not written (what the placeholder says applies). */
  onChange: (value: boolean | undefined) => void;
};

/** A yes/no setting, with its unwritten value as the empty choice's words ("inherited: no"). */
export function FlagField({ value, onChange, ...props }: FlagFieldProps) {
  return (
    <Field
      {...props}
      kind="choice"
      choices={yesNo}
      value={typeof value === 'boolean' ? String(value) : ''}
      onChange={(text) => {
        onChange(text === '' ? undefined : text === 'true');
      }}
    />
  );
}
