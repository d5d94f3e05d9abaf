// Sends a broker login (setCredentials) and keeps what the trader sees of the answer: pending, and the core's
// refusal split between the fields shown and the rest.
import { useCommand } from '../../lib/use-command';
import { loginErrors, type LoginErrors } from './login-errors';

export function useLogin(shownFields: readonly string[]) {
  const [send, { pending, error }] = useCommand('setCredentials');
  const errors: LoginErrors = loginErrors(error, shownFields);
  return { send, pending, errors };
}
