// The tray's colour: the worst condition across accounts and the broker connection, from the state the core pushes.
import type { StateView } from '../../shared/ipc';

export type TrayLevel = 'ok' | 'warning' | 'critical';

/**
 * The worst across accounts: critical when any account is restricted, being flattened, or has a limit at
 * critical or breach; warning when a limit is at warning or the feed is not connected.
 */
export function trayLevel(state: StateView): TrayLevel {
  const restricted = state.accounts.some(
    (account) => account.tradingState !== 'active' || account.flattening,
  );
  const limitLevels = new Set(
    state.accounts.flatMap((account) => account.limits.map((limit) => limit.level)),
  );
  if (restricted || limitLevels.has('critical') || limitLevels.has('breach')) return 'critical';
  if (limitLevels.has('warning') || state.connection.status !== 'connected') return 'warning';
  return 'ok';
}

function headline(state: StateView): string {
  switch (trayLevel(state)) {
    case 'critical':
      return state.accounts.some((a) => a.tradingState !== 'active' || a.flattening)
        ? 'Warden: an account is restricted'
        : 'Warden: a limit is critical';
    case 'warning':
      return state.connection.status !== 'connected'
        ? `Warden: broker ${state.connection.status}`
        : 'Warden: a limit is near';
    case 'ok':
      return 'Warden';
  }
}

/** "+1,234.50" / "-87.00" / "0.00": the day's P&L as the screen shows it. */
export function signedMoney(value: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  const text = Math.abs(number).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  if (number > 0) return `+${text}`;
  if (number < 0) return `-${text}`;
  return text;
}

/** The headline, then one line per account with its day P&L and, when not active, its state. */
export function trayTooltip(state: StateView): string {
  const lines = state.accounts.map((account) => {
    const restricted = account.tradingState === 'active' ? '' : ` (${account.tradingState})`;
    return `${account.name}: day ${signedMoney(account.metrics.dailyNetPnl)}${restricted}`;
  });
  return [headline(state), ...lines].join('\n');
}

/** File name of the tray icon for a level; Electron picks the `@2x` sibling on high-density screens. */
export function trayIconFile(level: TrayLevel): string {
  return `tray-${level}.png`;
}
