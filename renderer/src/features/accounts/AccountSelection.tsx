// Which of the broker's accounts Warden guards (ProjectX): one switch per account, sent as setAccountGuarded; the
// core's answer (a lock that forbids it) is shown as it is.
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../../lib/use-command';
import { useView } from '../../state';

export function AccountSelection() {
  const accounts = useView(useShallow((s) => s.view?.brokerAccounts ?? []));
  const [setGuarded, { pending, error }] = useCommand('setAccountGuarded');
  if (accounts.length === 0) return null;
  return (
    <section className="panel" data-testid="account-selection" aria-label="Guarded accounts">
      <h2 className="panel-title">Guarded accounts</h2>
      <ul className="account-choices">
        {accounts.map((account) => (
          <li key={account.id} data-testid={`account-choice-${account.id}`}>
            <label className="account-choice">
              <input
                type="checkbox"
                data-testid={`account-guard-${account.id}`}
                checked={account.guarded}
                disabled={account.fixed || pending}
                onChange={(event) => void setGuarded({ account: account.id, guarded: event.target.checked })}
              />
              <span>{account.name}</span>
              {account.fixed ? <span className="muted">(excluded by WARDEN_PROJECTX_EXCLUDE)</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="account-selection-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
