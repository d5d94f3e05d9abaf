// A labelled drop-down: each choice is shown by its label and chosen by its value.
export type Choice = { value: string; label: string };

/** Choices shown as they are named (the label is the value). */
export const choicesNamed = (values: readonly string[]): Choice[] =>
  values.map((value) => ({ value, label: value }));

type SelectFieldProps = {
  id: string;
  label: string;
  testId: string;
  value: string;
  choices: readonly Choice[];
  wide?: boolean;
  onChange: (value: string) => void;
};

export function SelectField({ id, label, testId, value, choices, wide = false, onChange }: SelectFieldProps) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
