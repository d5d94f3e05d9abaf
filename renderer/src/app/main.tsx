// Entry point: connect to the host, feed the stores from it, render the screen.
import './zod-config'; // first: before any module that creates a schema
import { StrictMode } from 'react';
import type { AlertView } from '../../../shared/ipc';
import { createRoot } from 'react-dom/client';
import { connectToHost, isDesktopHost } from '../api';
import { watchAlertSignals } from '../features/alerts/alert-signals';
import { playCriticalSound } from '../features/alerts/sound';
import { createStores, feedStores, WardenProvider } from '../state';
import { App } from './App';
import './styles/theme.css';
import './styles/layout.css';
import './styles/widgets.css';
import './styles/tables.css';
import './styles/side.css';
import './styles/dashboard.css';
import './styles/rules.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const api = connectToHost();
const stores = createStores();
feedStores(api, stores);
const browserHost = !isDesktopHost();
watchAlertSignals(stores.alerts, {
  beep: playCriticalSound,
  muted: () => stores.sound.getState().muted,
  ...(browserHost ? { notify: browserNotification } : {}),
});

function browserNotification(alert: AlertView): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  new Notification(alert.title, { body: alert.message, tag: alert.id });
}

createRoot(root).render(
  <StrictMode>
    <WardenProvider value={{ api, stores }}>
      <App browserHost={browserHost} />
    </WardenProvider>
  </StrictMode>,
);
