// The whole screen: top bar, link banner, accounts on the left; flatten, ticket and alerts on the right.
import { useShallow } from 'zustand/react/shallow';
import { AccountPanel } from '../features/accounts/AccountPanel';
import { AlertsFeed } from '../features/alerts/AlertsFeed';
import { FlattenButton } from '../features/flatten/FlattenButton';
import { Header } from '../features/header/Header';
import { LinkBanner } from '../features/header/LinkBanner';
import { OrderTicket } from '../features/ticket/OrderTicket';
import { selectAccountIds, useView } from '../state';

export function App() {
  const accountIds = useView(useShallow(selectAccountIds));
  const loaded = useView((s) => s.view !== null);
  return (
    <div className="app">
      <Header />
      <LinkBanner />
      <main className="layout">
        <div className="accounts">
          {!loaded ? <p className="empty">Waiting for the first picture from Warden…</p> : null}
          {loaded && accountIds.length === 0 ? (
            <p className="empty">No accounts reported by the broker.</p>
          ) : null}
          {accountIds.map((id) => (
            <AccountPanel key={id} accountId={id} showFlatten={accountIds.length > 1} />
          ))}
        </div>
        <aside className="side" aria-label="Actions and alerts">
          <FlattenButton target={{ all: true }} label="Flatten all" size="large" />
          <OrderTicket />
          <AlertsFeed />
        </aside>
      </main>
    </div>
  );
}
