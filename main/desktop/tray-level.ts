// The tray's colour: the worst condition across accounts and the broker connection, from the state the core pushes.
import type { StateView } from '../../shared/ipc';

export type TrayLevel = 'ok' | 'warning' | 'critical';

/** Critical when any account is restricted or being flattened; warning when the feed is not connected. */
export function trayLevel(state: StateView): TrayLevel {
  const restricted = state.accounts.some(
    (account) => account.tradingState !== 'active' || account.flattening,
  );
  if (restricted) return 'critical';
  if (state.connection.status !== 'connected') return 'warning';
  return 'ok';
}

export function trayTooltip(state: StateView): string {
  switch (trayLevel(state)) {
    case 'critical':
      return 'Warden: an account is restricted';
    case 'warning':
      return `Warden: broker ${state.connection.status}`;
    case 'ok':
      return 'Warden';
  }
}

/** File name of the tray icon for a level; Electron picks the `@2x` sibling on high-density screens. */
export function trayIconFile(level: TrayLevel): string {
  return `tray-${level}.png`;
}
