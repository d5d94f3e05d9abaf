// The renderer's stores and the one place that feeds them from the host: pushes, the initial snapshot, and
// the link status. React only reads them. Alerts come by one route: the host's recent ones on each
// (re)connection, then each new one.
import type { HostApi } from '../api';
import { createAlertsStore } from './alerts-store';
import type { AlertsStore } from './alerts-store';
import { createLinkStore } from './link-store';
import type { LinkStore } from './link-store';
import { createSoundStore, type SoundStore } from '../features/alerts/sound';
import { createEquityHistory, type EquityHistory } from './equity-history';
import { createViewStore } from './view-store';
import type { ViewStore } from './view-store';

export type Stores = {
  view: ViewStore;
  link: LinkStore;
  alerts: AlertsStore;
  sound: SoundStore;
  /** Transient: charts subscribe to it per point, React does not re-render for it. */
  equity: EquityHistory;
};

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function createStores(): Stores {
  const view = createViewStore();
  const equity = createEquityHistory();
  view.subscribe((state, previous) => {
    if (state.view !== null && state.view !== previous.view) equity.record(state.view);
  });
  return {
    view,
    link: createLinkStore(),
    alerts: createAlertsStore(),
    sound: createSoundStore(localStorageOrNull()),
    equity,
  };
}

/** Subscribes the stores to the host and fetches a snapshot whenever the link (re)opens. Returns the unsubscribe. */
export function feedStores(api: HostApi, stores: Stores): () => void {
  const fetchSnapshot = async (): Promise<void> => {
    const response = await api.getState({});
    if (response.ok) stores.view.getState().receive(response.result);
  };
  const onOpen = (): void => {
    stores.view.getState().expectFreshStart();
    fetchSnapshot().catch((error: unknown) => {
      console.error('warden: could not fetch the state snapshot', error);
    });
  };
  const unsubscribers = [
    api.onState((view) => {
      stores.view.getState().receive(view);
    }),
    api.onAlerts((alerts) => {
      stores.alerts.getState().receiveSnapshot(alerts);
    }),
    api.onAlert((alert) => {
      stores.alerts.getState().add([alert]);
    }),
    api.onLink((status) => {
      stores.link.getState().setStatus(status);
      if (status.kind === 'open') onOpen();
    }),
  ];
  const current = api.link();
  stores.link.getState().setStatus(current);
  if (current.kind === 'open') onOpen();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
