// A text input for a figure (a price, a size, a limit): typed as text so the trader's exact decimals are kept,
// with tabular digits and no autocomplete or spellcheck.
import type { InputHTMLAttributes } from 'react';

type NumberInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'className' | 'autoComplete' | 'spellCheck' | 'onChange'
> & { testId: string; onChange: (value: string) => void };

export function NumberInput({ testId, onChange, ...input }: NumberInputProps) {
  return (
    <input
      type="text"
      className="num"
      autoComplete="off"
      spellCheck={false}
      data-testid={testId}
      {...input}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    />
  );
}
