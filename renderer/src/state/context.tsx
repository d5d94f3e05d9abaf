// Hands the api and the stores to components, and the hooks that read stores through narrow selectors.
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WardenApi } from '../../../shared/ipc';
import type { SoundState } from '../features/alerts/sound';
import type { AlertsState } from './alerts-store';
import type { LinkState } from './link-store';
import type { Stores } from './stores';
import type { ViewState } from './view-store';

export type WardenContextValue = { api: WardenApi; stores: Stores };

const WardenContext = createContext<WardenContextValue | null>(null);

export function WardenProvider({ value, children }: { value: WardenContextValue; children: ReactNode }) {
  return <WardenContext.Provider value={value}>{children}</WardenContext.Provider>;
}

function useWardenContext(): WardenContextValue {
  const value = useContext(WardenContext);
  if (value === null) throw new Error('Warden components must be rendered inside <WardenProvider>');
  return value;
}

export function useApi(): WardenApi {
  return useWardenContext().api;
}

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(useWardenContext().stores.view, selector);
}

export function useLink<T>(selector: (state: LinkState) => T): T {
  return useStore(useWardenContext().stores.link, selector);
}

export function useAlerts<T>(selector: (state: AlertsState) => T): T {
  return useStore(useWardenContext().stores.alerts, selector);
}

export function useSound<T>(selector: (state: SoundState) => T): T {
  return useStore(useWardenContext().stores.sound, selector);
}

/** The stores themselves, for imperative islands (charts) that subscribe outside React's render. */
export function useStores(): Stores {
  return useWardenContext().stores;
}
