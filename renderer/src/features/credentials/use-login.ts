// A broker login form's state: its boxes as one record, each given to a LoginField by `field(name)` (id, value,
// setter, and the core's message about it), and setCredentials with what the trader sees of its answer: pending,
// and a refusal split between the fields shown and the rest.
import { useId, useState } from 'react';
import { useCommand } from '../../lib/use-command';
import { loginErrors } from './login-errors';

/** The boxes typed freely (not a choice such as the environment). */
type TextKey<F> = { [K in keyof F]: string extends F[K] ? K : never }[keyof F] & string;

export function useLoginForm<F extends Record<string, string>>(
  initial: F,
  shown: (fields: F) => readonly string[],
) {
  const uid = useId();
  const [fields, setFields] = useState(initial);
  const [send, { pending, error }] = useCommand('setCredentials');
  const errors = loginErrors(error, shown(fields));
  const change = (patch: Partial<F>) => {
    setFields((current) => ({ ...current, ...patch }));
  };
  const field = (name: TextKey<F>) => ({
    id: `${uid}-${name}`,
    value: fields[name],
    set: (value: string) => {
      change({ [name]: value } as Partial<F>);
    },
    error: errors.byField[name],
  });
  return { uid, fields, change, field, send, pending, errors };
}
