// Words chosen as chips: the known ones (the broker's instruments, the usual currencies) to press, and any other
// typed in and added. The order chosen is kept; pressing a chosen chip takes it out.
import { useState, type ReactNode } from 'react';

type ChipPickerProps = {
  testId: string;
  /** What the chips are ("Symbols"), for the box's and the button's names; the caller labels the whole. */
  label: string;
  known: readonly string[];
  chosen: readonly string[];
  disabled: boolean;
  /** The typed text as a chip ("usd" → "USD"); '' when there is nothing to add. */
  normalise: (text: string) => string;
  onChange: (chosen: string[]) => void;
};

export function ChipPicker({ testId, label, known, chosen, disabled, normalise, onChange }: ChipPickerProps) {
  const chips = [...known, ...chosen.filter((word) => !known.includes(word))];
  return (
    <div className="chips">
      <div className="chip-list">
        {chips.map((word) => (
          <button
            key={word}
            type="button"
            className="chip"
            aria-pressed={chosen.includes(word)}
            disabled={disabled}
            data-testid={`${testId}-${word}`}
            onClick={() => {
              onChange(chosen.includes(word) ? chosen.filter((w) => w !== word) : [...chosen, word]);
            }}
          >
            {word}
          </button>
        ))}
      </div>
      <AddWord
        testId={testId}
        label={label}
        disabled={disabled}
        normalise={normalise}
        onAdd={(word) => {
          if (!chosen.includes(word)) onChange([...chosen, word]);
        }}
      />
    </div>
  );
}

type AddWordProps = {
  testId: string;
  label: string;
  disabled: boolean;
  normalise: (text: string) => string;
  onAdd: (word: string) => void;
  placeholder?: string;
  buttonLabel?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  children?: ReactNode;
};

/** A box to type a word in and add it (Enter or the button). */
export function AddWord(props: AddWordProps) {
  const { testId, label, disabled, normalise, onAdd } = props;
  const [typed, setTyped] = useState('');
  const add = () => {
    const word = normalise(typed);
    if (word !== '') onAdd(word);
    setTyped('');
  };
  return (
    <div className="chip-add">
      <input
        type="text"
        list={props.list}
        aria-label={`${label}: another`}
        placeholder={props.placeholder ?? 'another'}
        value={typed}
        disabled={disabled}
        data-testid={`${testId}-input`}
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          add();
        }}
      />
      {props.children}
      <button
        type="button"
        className="btn btn-small"
        aria-label={`${label}: add`}
        disabled={disabled || normalise(typed) === ''}
        data-testid={`${testId}-add`}
        onClick={add}
      >
        {props.buttonLabel ?? 'Add'}
      </button>
    </div>
  );
}
