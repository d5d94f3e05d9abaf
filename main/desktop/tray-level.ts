// The tray's colour: the worst condition across accounts, the broker connection and the desktop host's standing
// notices, from the state the core pushes; and the icon file each OS wants.
import type { HostNotice, StateView } from '../../shared/ipc';

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

const rank: Record<TrayLevel, number> = { ok: 0, warning: 1, critical: 2 };

/** The worse of two levels. */
export function worseLevel(a: TrayLevel, b: TrayLevel): TrayLevel {
  return rank[b] > rank[a] ? b : a;
}

/** Standing notices, the critical ones first (then in the order raised). */
function byLevel(notices: readonly HostNotice[]): HostNotice[] {
  return [...notices].sort((a, b) => rank[b.level] - rank[a.level]);
}

/** At least warning while any notice stands; critical when one is critical. */
export function noticeLevel(notices: readonly HostNotice[]): TrayLevel {
  return byLevel(notices)[0]?.level ?? 'ok';
}

/** "⚠ <title>" of the worst standing notice ("(+N more)" when there are others), or null when none stands. */
export function noticeLine(notices: readonly HostNotice[]): string | null {
  const [first] = byLevel(notices);
  if (first === undefined) return null;
  const more = notices.length > 1 ? ` (+${notices.length - 1} more)` : '';
  return `⚠ ${first.title}${more}`;
}

/** The state's level raised by the notices, and the tooltip with the notice line first. */
export function trayView(
  state: StateView | null,
  notices: readonly HostNotice[],
): { level: TrayLevel; tooltip: string } {
  const line = noticeLine(notices);
  const tooltip = state === null ? 'Warden' : trayTooltip(state);
  return {
    level: worseLevel(state === null ? 'ok' : trayLevel(state), noticeLevel(notices)),
    tooltip: line === null ? tooltip : `${line}\n${tooltip}`,
  };
}

/**
 * File name of the tray icon for a level on an OS: a multi-size .ico on Windows; 16 px colour PNGs on macOS (not
 * template images: the colour is the message); 24 px PNGs elsewhere. Electron picks the `@2x` PNG sibling on
 * high-density screens, and the .ico image for the display scale.
 */
export function trayIconFile(level: TrayLevel, platform: NodeJS.Platform): string {
  if (platform === 'win32') return `tray-${level}.ico`;
  if (platform === 'darwin') return `tray-${level}-mac.png`;
  return `tray-${level}.png`;
}
