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

type AccountView = StateView['accounts'][number];

/** How badly one account needs the trader: a restriction first, then its worst limit level. */
function severity(account: AccountView): number {
  if (account.tradingState === 'halted') return 6;
  if (account.flattening) return 5;
  if (account.tradingState === 'reducing') return 4;
  const levels = new Set(account.limits.map((limit) => limit.level));
  if (levels.has('breach')) return 3;
  if (levels.has('critical')) return 2;
  if (levels.has('warning')) return 1;
  return 0;
}

function condition(account: AccountView): string {
  if (account.tradingState !== 'active') return account.tradingState;
  if (account.flattening) return 'flattening';
  const worst = [...account.limits].sort((a, b) => levelRank[b.level] - levelRank[a.level])[0];
  return worst === undefined || worst.level === 'ok' ? 'ok' : `${worst.label} ${worst.level}`;
}

const levelRank = { ok: 0, warning: 1, critical: 2, breach: 3 } as const;

/** "A7 (Apex 50Ks)": the account and the groups it belongs to, by name. */
export function accountSubject(state: StateView, accountId: string | null): string | null {
  if (accountId === null) return null;
  const account = state.accounts.find((candidate) => candidate.id === accountId);
  if (account === undefined) return accountId;
  const groups = state.groups
    .filter((group) => group.accounts.includes(account.id))
    .map((group) => group.name);
  return groups.length === 0 ? account.name : `${account.name} (${groups.join(', ')})`;
}

/** The accounts needing attention, worst first (stable for equals). */
function needingAttention(state: StateView): AccountView[] {
  return state.accounts
    .map((account, index) => ({ account, index, severity: severity(account) }))
    .filter((entry) => entry.severity > 0)
    .sort((a, b) => b.severity - a.severity || a.index - b.index)
    .map((entry) => entry.account);
}

/** Names the worst account (and its groups): on Windows only the first 127 characters of a tooltip show. */
function headline(state: StateView): string {
  const [worst, ...others] = needingAttention(state);
  if (worst !== undefined) {
    const more = others.length === 0 ? '' : ` (+${others.length} more)`;
    return `Warden: ${accountSubject(state, worst.id) ?? worst.name} ${condition(worst)}${more}`;
  }
  return state.connection.status !== 'connected' ? `Warden: broker ${state.connection.status}` : 'Warden';
}

/** Up to this many accounts, every one has its line; beyond, only those needing attention. */
export const TOOLTIP_ALL_ACCOUNTS = 5;

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

/**
 * The headline, then one line per account with its day P&L and, when not active, its state. With more than
 * TOOLTIP_ALL_ACCOUNTS accounts, only those needing attention get a line, then one line for the rest.
 */
export function trayTooltip(state: StateView): string {
  const line = (account: AccountView): string => {
    const restricted = account.tradingState === 'active' ? '' : ` (${account.tradingState})`;
    return `${account.name}: day ${signedMoney(account.metrics.dailyNetPnl)}${restricted}`;
  };
  if (state.accounts.length <= TOOLTIP_ALL_ACCOUNTS)
    return [headline(state), ...state.accounts.map(line)].join('\n');
  const attention = needingAttention(state);
  const shown = attention.slice(0, TOOLTIP_ALL_ACCOUNTS);
  const hidden = attention.length - shown.length;
  const ok = state.accounts.length - attention.length;
  return [
    headline(state),
    ...shown.map(line),
    ...(hidden > 0 ? [`+${hidden} more needing attention`] : []),
    `${ok} ${ok === 1 ? 'account' : 'accounts'} ok`,
  ].join('\n');
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
