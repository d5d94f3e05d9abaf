// One labelled box of a broker login, with the core's message about it beneath: plain text, a secret (a password
// box that the browser does not offer to remember), or a URL (across the form).
import { FieldError } from '../rules/FieldError';

type LoginFieldProps = {
  id: string;
  label: string;
  testId: string;
  value: string;
  set: (value: string) => void;
  kind?: 'text' | 'secret' | 'url';
  placeholder?: string;
  /** Why the core refused this value; null or absent when it did not. */
  error?: string | null | undefined;
  autoComplete?: string;
  numeric?: boolean;
};

export function LoginField({ id, label, testId, value, set, kind = 'text', ...props }: LoginFieldProps) {
  const error = props.error ?? null;
  return (
    <div className={`field${kind === 'url' ? ' field-wide' : ''}${error === null ? '' : ' field-invalid'}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={kind === 'secret' ? 'password' : kind}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        placeholder={props.placeholder ?? (kind === 'url' ? 'https://' : undefined)}
        inputMode={props.numeric === true ? 'numeric' : undefined}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : `${id}-error`}
        data-testid={testId}
        value={value}
        onChange={(event) => {
          set(event.target.value);
        }}
      />
      <FieldError id={`${id}-error`} testId={`${testId}-error`} message={error} />
    </div>
  );
}

/** The broker's user name: every login starts with it. */
export function UserNameField(props: Pick<LoginFieldProps, 'id' | 'value' | 'set' | 'error'>) {
  return <LoginField {...props} label="User name" testId="credentials-user" autoComplete="username" />;
}
