// The renderer's state: vanilla zustand stores fed from the api module, read by components through selectors.
export { createStores, feedStores } from './stores';
export type { Stores } from './stores';
export { createViewStore } from './view-store';
export type { ViewState, ViewStore } from './view-store';
export { createLinkStore } from './link-store';
export type { LinkState } from './link-store';
export { createAlertsStore, MAX_ALERTS } from './alerts-store';
export type { AlertsState } from './alerts-store';
export {
  WardenProvider,
  useAlerts,
  useApi,
  useLink,
  useSound,
  useStores,
  useView,
  useViewSampled,
} from './context';
export { createEquityHistory, MAX_POINTS } from './equity-history';
export type { EquityHistory, EquityPoint } from './equity-history';
export type { WardenContextValue } from './context';
export * from './selectors';
