// A secret of a channel: a password box that is never filled from the core (what is stored is never sent back),
// "stored" when the core has it, Save (the box clears once the core took it) and Remove.
import { useId, useState } from 'react';
import { FieldError } from '../rules/FieldError';
import { useNotifySecret, type SecretName } from './use-notify-secret';

type SecretFieldProps = {
  name: SecretName;
  label: string;
  testId: string;
  /** What the secret is for, under the box. */
  hint?: string;
};

export function SecretField({ name, label, testId, hint }: SecretFieldProps) {
  const id = useId();
  const secret = useNotifySecret(name);
  const [typed, setTyped] = useState('');
  const errorId = `${id}-error`;
  const save = (value: string | null) => {
    void secret.save(value).then((took) => {
      if (took) setTyped('');
    });
  };
  return (
    <div className={`field notify-secret${secret.error === null ? '' : ' field-invalid'}`}>
      <label htmlFor={id}>
        {label}
        {secret.stored ? (
          <span className="notify-stored" data-testid={`${testId}-stored`}>
            stored
          </span>
        ) : null}
      </label>
      <div className="notify-secret-row">
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          placeholder={secret.stored ? 'stored: type a new one to replace it' : 'not set'}
          aria-invalid={secret.error !== null}
          aria-describedby={secret.error === null ? undefined : errorId}
          data-testid={testId}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
        />
        <button
          type="button"
          className="btn btn-small"
          data-testid={`${testId}-save`}
          disabled={typed.trim() === '' || secret.pending}
          onClick={() => {
            save(typed);
          }}
        >
          Save
        </button>
        {secret.stored ? (
          <button
            type="button"
            className="btn btn-small"
            data-testid={`${testId}-remove`}
            disabled={secret.pending}
            onClick={() => {
              save(null);
            }}
          >
            Remove
          </button>
        ) : null}
      </div>
      {hint === undefined ? null : <span className="notify-hint">{hint}</span>}
      <FieldError id={errorId} testId={`${testId}-error`} message={secret.error} />
    </div>
  );
}
