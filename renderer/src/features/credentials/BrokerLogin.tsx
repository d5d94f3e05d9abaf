// The broker login, for a broker that needs one (ProjectX): the form opens by itself while there are no
// credentials or the gateway refused them, and on request ("Change login") otherwise.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useView } from '../../state';
import { connectionState } from '../header/connection-state';
import { CredentialsForm } from './CredentialsForm';

export function BrokerLogin() {
  const connection = useView(useShallow((s) => s.view?.connection ?? null));
  const [open, setOpen] = useState(false);
  if (connection?.credentials === undefined) return null;
  const shown = connectionState(connection);
  const needed = connection.credentials === 'missing' || shown.kind === 'loginFailed';
  if (needed) {
    const heading =
      connection.credentials === 'missing' ? 'Log in to ProjectX' : 'Login failed: check your credentials';
    return (
      <div className="credentials-bar">
        <CredentialsForm heading={heading} reason={shown.kind === 'loginFailed' ? shown.reason : null} />
      </div>
    );
  }
  if (open)
    return (
      <div className="credentials-bar">
        <CredentialsForm
          heading="Change the ProjectX login"
          reason={null}
          onSaved={() => {
            setOpen(false);
          }}
          onCancel={() => {
            setOpen(false);
          }}
        />
      </div>
    );
  return (
    <div className="credentials-bar credentials-bar-closed">
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
