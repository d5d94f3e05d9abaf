// The broker login, for a broker that needs one (ProjectX, Tradovate): the form opens by itself while there are no
// credentials or the broker refused them, and on request ("Change login") otherwise, beside whose login is in use.
import { useState, type ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useView } from '../../state';
import { connectionState } from '../header/connection-state';
import { CredentialsForm } from './CredentialsForm';
import { loginInUseText } from './login-in-use';
import type { LoginFormProps } from './LoginPanel';
import { TradovateForm } from './TradovateForm';
import './credentials.css';

const FORMS: Record<string, { name: string; Form: ComponentType<LoginFormProps> }> = {
  projectx: { name: 'ProjectX', Form: CredentialsForm },
  tradovate: { name: 'Tradovate', Form: TradovateForm },
};

export function BrokerLogin() {
  const connection = useView(useShallow((s) => s.view?.connection ?? null));
  const [open, setOpen] = useState(false);
  if (connection?.credentials === undefined) return null;
  const { name, Form } = FORMS[connection.broker] ?? { name: 'ProjectX', Form: CredentialsForm };
  const shown = connectionState(connection);
  const close = () => {
    setOpen(false);
  };
  if (connection.credentials === 'missing' || shown.kind === 'loginFailed') {
    const heading =
      connection.credentials === 'missing' ? `Log in to ${name}` : 'Login failed: check your credentials';
    return (
      <div className="credentials-bar">
        <Form heading={heading} reason={shown.kind === 'loginFailed' ? shown.reason : null} />
      </div>
    );
  }
  if (open)
    return (
      <div className="credentials-bar">
        <Form heading={`Change the ${name} login`} reason={null} onSaved={close} onCancel={close} />
      </div>
    );
  const login = connection.login ?? null;
  return (
    <div className="credentials-bar credentials-bar-closed">
      {login !== null ? (
        <span className="credentials-in-use" data-testid="credentials-login-in-use">
          {loginInUseText(login)}
        </span>
      ) : null}
      <button
        type="button"
        className="btn"
        data-testid="credentials-open"
        onClick={() => {
          setOpen(true);
        }}
      >
        Change login
      </button>
    </div>
  );
}
