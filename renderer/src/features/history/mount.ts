// How the app shell decides to show the history screen: `?screen=history` in the address.
export { HistoryScreen } from './HistoryScreen';

export function historyRequested(location: { search: string }): boolean {
  return new URLSearchParams(location.search).get('screen') === 'history';
}
