// The whole screen: top bar, link banner, the accounts overview (a row per account, the opened one's detail beside
// or below it) on the left; flatten, the news blackout windows ahead, ticket (on the simulator: Warden places no
// orders at a real broker) and alerts on the right.
// Until the first state arrives there is nothing true to show but the connection.
import { useState } from 'react';
import { AccountSelection } from '../features/accounts/AccountSelection';
import { AlertsFeed } from '../features/alerts/AlertsFeed';
import { BrokerLogin } from '../features/credentials/BrokerLogin';
import { HostNoticesBanner } from '../features/desktop/HostNoticesBanner';
import { NotificationSettings } from '../features/desktop/NotificationSettings';
import { useOpenAccount } from '../features/desktop/use-open-account';
import { FlattenBanner } from '../features/flatten/FlattenBanner';
import { FlattenButton } from '../features/flatten/FlattenButton';
import { Header } from '../features/header/Header';
import { LinkBanner } from '../features/header/LinkBanner';
import { HistoryScreen, historyRequested } from '../features/history/mount';
import { NewsPanel } from '../features/news/NewsPanel';
import { NotificationsScreen } from '../features/notifications/NotificationsScreen';
import { RuleEditor } from '../features/rules/RuleEditor';
import { OrderTicket } from '../features/ticket/OrderTicket';
import { AccountsOverview } from '../features/overview/AccountsOverview';
import { selectAccountCount, selectOnSimulator, useLink, useView } from '../state';
import './styles/overview.css';

/** `browserHost`: served by `warden serve` to a browser (it notifies itself; the desktop app notifies natively). */
export function App({ browserHost = false }: { browserHost?: boolean }) {
  const accounts = useView(selectAccountCount);
  const loaded = useView((s) => s.view !== null);
  const linkOpen = useLink((s) => s.status.kind === 'open');
  const listed = useView((s) => s.view?.brokerAccounts?.length ?? 0);
  const onSimulator = useView(selectOnSimulator);
  const [screen, setScreen] = useState<Screen>(() =>
    historyRequested(window.location) ? 'history' : 'dashboard',
  );
  // The account whose detail is open in the overview; kept while another screen is shown.
  const [opened, setOpened] = useState<string | null>(null);
  useOpenAccount((accountId) => {
    setScreen('dashboard');
    setOpened(accountId);
  });
  return (
    <div className="app">
      <Header />
      <LinkBanner />
      <HostNoticesBanner />
      <FlattenBanner />
      <BrokerLogin />
      <ScreenTabs screen={screen} onChange={setScreen} />
      {!loaded ? (
        <main className="startup">
          <p className="empty">Waiting for the first picture from Warden…</p>
        </main>
      ) : screen === 'rules' ? (
        <main className="layout-single" id="screen-rules" aria-labelledby="tab-rules">
          <RuleEditor />
        </main>
      ) : screen === 'notifications' ? (
        <main className="layout-single" id="screen-notifications" aria-labelledby="tab-notifications">
          <NotificationsScreen />
        </main>
      ) : screen === 'history' ? (
        <main className="layout-single" id="screen-history" aria-labelledby="tab-history">
          <HistoryScreen />
        </main>
      ) : (
        <main className="layout" data-stale={!linkOpen} id="screen-dashboard" aria-labelledby="tab-dashboard">
          <div className="accounts">
            {accounts === 0 ? (
              <p className="empty">
                {listed > 0 ? 'No account is guarded.' : 'No accounts reported by the broker.'}
              </p>
            ) : (
              <AccountsOverview opened={opened} onOpen={setOpened} />
            )}
          </div>
          <aside className="side" aria-label="Actions and alerts">
            <FlattenButton target={{ all: true }} label="Flatten all" size="large" />
            <NewsPanel />
            {onSimulator ? <OrderTicket /> : null}
            <AlertsFeed browserHost={browserHost} />
            <NotificationSettings browserHost={browserHost} />
            <AccountSelection />
          </aside>
        </main>
      )}
    </div>
  );
}

// Screens as tabs (`?screen=history` opens on the History screen).
type Screen = 'dashboard' | 'rules' | 'history' | 'notifications';
const screens: { id: Screen; label: string }[] = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'rules', label: 'Rules' },
  { id: 'history', label: 'History' },
  { id: 'notifications', label: 'Phone alerts' },
];

function ScreenTabs({ screen, onChange }: { screen: Screen; onChange: (screen: Screen) => void }) {
  return (
    <nav className="tabs" role="tablist" aria-label="Screens">
      {screens.map(({ id, label }) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={screen === id}
          aria-controls={`screen-${id}`}
          data-testid={`tab-${id}`}
          onClick={() => {
            onChange(id);
          }}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
