// The whole screen: top bar, link banner, accounts on the left; flatten, ticket and alerts on the right.
// Until the first state arrives there is nothing true to show but the connection.
import { useShallow } from 'zustand/react/shallow';
import { AccountPanel } from '../features/accounts/AccountPanel';
import { AccountSelection } from '../features/accounts/AccountSelection';
import { AlertsFeed } from '../features/alerts/AlertsFeed';
import { BrokerLogin } from '../features/credentials/BrokerLogin';
import { FlattenBanner } from '../features/flatten/FlattenBanner';
import { FlattenButton } from '../features/flatten/FlattenButton';
import { Header } from '../features/header/Header';
import { LinkBanner } from '../features/header/LinkBanner';
import { OrderTicket } from '../features/ticket/OrderTicket';
import { selectAccountIds, useLink, useView } from '../state';

/** `browserHost`: served by `warden serve` to a browser (it notifies itself; the desktop app notifies natively). */
export function App({ browserHost = false }: { browserHost?: boolean }) {
  const accountIds = useView(useShallow(selectAccountIds));
  const loaded = useView((s) => s.view !== null);
  const linkOpen = useLink((s) => s.status.kind === 'open');
  const listed = useView((s) => s.view?.brokerAccounts?.length ?? 0);
  return (
    <div className="app">
      <Header />
      <LinkBanner />
      <FlattenBanner />
      <BrokerLogin />
      {!loaded ? (
        <main className="startup">
          <p className="empty">Waiting for the first picture from Warden…</p>
        </main>
      ) : (
        <main className="layout" data-stale={!linkOpen}>
          <div className="accounts">
            {accountIds.length === 0 ? (
              <p className="empty">
                {listed > 0 ? 'No account is guarded.' : 'No accounts reported by the broker.'}
              </p>
            ) : null}
            {accountIds.map((id) => (
              <AccountPanel key={id} accountId={id} showFlatten={accountIds.length > 1} />
            ))}
          </div>
          <aside className="side" aria-label="Actions and alerts">
            <FlattenButton target={{ all: true }} label="Flatten all" size="large" />
            <OrderTicket />
            <AlertsFeed browserHost={browserHost} />
            <AccountSelection />
          </aside>
        </main>
      )}
    </div>
  );
}
