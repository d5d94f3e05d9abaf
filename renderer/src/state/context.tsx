// Hands the api and the stores to components, and the hooks that read stores through narrow selectors.
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { shallow } from 'zustand/shallow';
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

/**
 * A view read at most every `everyMs` (tick-rate figures a person does not need 20 times a second, such as the
 * quotes in a closed list): a transient subscription, so pushes in between do not re-render the caller.
 * `selector` must be stable (defined outside the component); results are compared shallowly.
 */
export function useViewSampled<T>(selector: (state: ViewState) => T, everyMs: number): T {
  const store = useWardenContext().stores.view;
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      last = Date.now();
      const next = selector(store.getState());
      setValue((current) => (shallow(current, next) ? current : next));
    };
    refresh();
    const unsubscribe = store.subscribe(() => {
      timer ??= setTimeout(refresh, Math.max(0, last + everyMs - Date.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, selector, everyMs]);
  return value;
}
