// A set chosen by ticking: the weekdays of a trading window, the impacts of the news calendar. What is chosen is
// written in the options' own order; the set's error stands beside it.
import { FieldError } from './FieldError';

type CheckSetProps = {
  /** What the set is, for screen readers ("Window 1: Days"). */
  label: string;
  /** Shown before the boxes; none when the set is labelled by its surroundings. */
  heading?: string;
  options: readonly { value: string; label: string }[];
  chosen: readonly unknown[];
  disabled: boolean;
  /** The test id of the set; each box's is `${testId}-${value}`. */
  testId: string;
  error: string | null;
  onChange: (chosen: string[]) => void;
};

export function CheckSet({
  label,
  heading,
  options,
  chosen,
  disabled,
  testId,
  error,
  onChange,
}: CheckSetProps) {
  return (
    <div className="check-set" role="group" aria-label={label}>
      {heading === undefined ? null : <span className="param-sublabel">{heading}</span>}
      {options.map((option) => (
        <label key={option.value} className="check-toggle">
          <input
            type="checkbox"
            checked={chosen.includes(option.value)}
            disabled={disabled}
            aria-label={`${label}: ${option.value}`}
            data-testid={`${testId}-${option.value}`}
            onChange={(event) => {
              const on = event.target.checked;
              onChange(
                options
                  .map((o) => o.value)
                  .filter((value) => (value === option.value ? on : chosen.includes(value))),
              );
            }}
          />
          {option.label}
        </label>
      ))}
      <FieldError testId={`${testId}-error`} message={error} />
    </div>
  );
}
