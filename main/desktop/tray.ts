// The tray icon: its colour follows the worst level (a standing host notice makes it at least amber), its tooltip
// names the notice and gives each account's day P&L, and its menu offers Flatten all, Lock for the rest of the day,
// Show Warden, Open logs folder, Start at login and Quit. A click shows the window on Windows and Linux (on macOS a
// click opens the menu, as there).
import { Menu, Tray, nativeImage, shell, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { join } from 'node:path';
import type { CommandResponse, GroupView, StateView } from '../../shared/ipc';
import type { WardenCore } from '../core/types';
import type { Logger } from '../platform/logger';
import { askNatively, type Question } from './ask';
import type { HostNotices } from './host-notices';
import { loginItem, type LoginItem } from './login-item';
import type { Notifier } from './notifications';
import { groupMenuItems, groupsKey } from './tray-groups';
import { trayIconFile, trayView, type TrayLevel } from './tray-level';

export type TrayOptions = {
  core: WardenCore;
  /** Folder holding the tray icons of every OS: tray-<level>.png (and @2x), tray-<level>-mac.png, tray-<level>.ico. */
  iconDir: string;
  /** The log files' folder (`<data dir>/logs`), opened by "Open logs folder". */
  logDir: string;
  /** The host's standing notices: shown in the tooltip and colour; the tray raises its own failures there. */
  notices: HostNotices;
  notifier: Notifier;
  showWindow: () => void;
  quit: () => void;
  logger: Logger;
  /** Defaults to process.platform: picks the icon format and whether a click shows the window. */
  platform?: NodeJS.Platform;
  /** "Start at login"; defaults to the OS's own (an XDG autostart entry on Linux). */
  loginItem?: LoginItem;
  /** Asks before an action that cannot be undone; true = go ahead. Defaults to a native message box. */
  ask?: (question: Question) => Promise<boolean>;
};

export type WardenTray = { update(state: StateView): void; destroy(): void };

export function trayMenuTemplate(
  options: TrayOptions,
  rebuild: () => void,
  groups: readonly GroupView[] = [],
): MenuItemConstructorOptions[] {
  const login = options.loginItem ?? loginItem(options.platform ?? process.platform, process.env);
  return [
    {
      label: 'Flatten all',
      click: () => {
        void flattenAll(options);
      },
    },
    {
      label: 'Lock for the rest of the day',
      click: () => {
        void lockAllForTheDay(options);
      },
    },
    ...groupMenuItems(options, groups),
    { type: 'separator' },
    { label: 'Show Warden', click: options.showWindow },
    {
      label: 'Open logs folder',
      click: () => {
        void openLogsFolder(options);
      },
    },
    {
      label: 'Start at login',
      type: 'checkbox',
      checked: safeGet(login, options),
      click: () => {
        toggleStartAtLogin(login, options);
        rebuild();
      },
    },
    { label: 'Quit', click: options.quit },
  ];
}

/** Opens `<data dir>/logs` in the file manager; a failure stands as a notice until an open succeeds. */
export async function openLogsFolder(options: TrayOptions): Promise<boolean> {
  let error: string;
  try {
    error = await shell.openPath(options.logDir);
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  if (error === '') {
    options.notices.clear('logs-folder');
    return true;
  }
  options.notices.raise({
    id: 'logs-folder',
    level: 'warning',
    title: 'The logs folder could not be opened',
    message: `${options.logDir}: ${error}`,
    fix: `Open ${options.logDir} in a file manager.`,
  });
  return false;
}

function safeGet(login: LoginItem, options: TrayOptions): boolean {
  try {
    return login.get();
  } catch (error) {
    options.logger.warn('cannot read the start-at-login setting', {
      where: login.where,
      error: String(error),
    });
    return false;
  }
}

function toggleStartAtLogin(login: LoginItem, options: TrayOptions): void {
  const on = !safeGet(login, options);
  try {
    login.set(on);
    options.logger.info('start at login changed', { on, where: login.where });
    options.notices.clear('login-item');
  } catch (error) {
    options.notices.raise({
      id: 'login-item',
      level: 'warning',
      title: 'Start at login could not be changed',
      message: `${login.where}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/**
 * Flattens every account. The core raises a notifying alert for each account's outcome; a command that fails
 * before any flatten runs is told here, so the trader hears either way.
 */
export async function flattenAll(options: TrayOptions): Promise<CommandResponse<'flatten'>> {
  options.logger.warn('flatten all requested from the tray');
  let response: CommandResponse<'flatten'>;
  try {
    response = await options.core.command('flatten', { all: true });
  } catch (error) {
    response = { ok: false, error: String(error) };
  }
  if (!response.ok) options.notifier.flattenResult(response, accountsOf(options.core));
  return response;
}

/**
 * Self-locks every account until the trading day ends (halted: flattened, no new orders; cannot be lifted early),
 * after one confirmation. Resolves with the accounts locked; failures are notified.
 */
export async function lockAllForTheDay(options: TrayOptions): Promise<string[]> {
  const accounts = accountsOf(options.core).filter((account) => account.tradingState !== 'halted');
  if (accounts.length === 0) return [];
  const ask = options.ask ?? askNatively;
  const names = accounts.map((account) => account.name).join(', ');
  const go = await ask({
    message: 'Lock trading for the rest of the day?',
    detail: `${names} will be flattened and halted until the trading day ends. This cannot be undone.`,
    yes: 'Lock for the day',
    enterMeansYes: true,
  });
  if (!go) return [];
  options.logger.warn('lock for the day requested from the tray', { accounts: accounts.map((a) => a.id) });
  const locked: string[] = [];
  const failed: string[] = [];
  for (const account of accounts) {
    const response = await options.core.command('lock', { account: account.id, until: 'dayEnd' });
    if (response.ok) locked.push(account.name);
    else failed.push(`${account.name}: ${response.error}`);
  }
  if (failed.length > 0)
    options.notifier.notice({ title: 'Lock FAILED', body: failed.join('\n'), urgency: 'critical' });
  else options.notifier.notice({ title: 'Locked for the day', body: locked.join(', '), urgency: 'normal' });
  return locked;
}

export function createTray(options: TrayOptions): WardenTray {
  const platform = options.platform ?? process.platform;
  let state: StateView | null = null;
  let { level, tooltip } = trayView(state, options.notices.list());
  const icon = (forLevel: TrayLevel): NativeImage =>
    nativeImage.createFromPath(join(options.iconDir, trayIconFile(forLevel, platform)));
  const tray = new Tray(icon(level));
  tray.setToolTip(tooltip);
  let groupsShown = '';
  const rebuild = (): void => {
    const groups = state?.groups ?? [];
    groupsShown = groupsKey(groups);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(options, rebuild, groups)));
  };
  rebuild();
  if (platform !== 'darwin') {
    tray.on('click', () => {
      options.showWindow();
    });
  }
  // State arrives up to 20 times a second: touch the OS tray only when what it shows changes.
  const show = (): void => {
    const next = trayView(state, options.notices.list());
    if (next.tooltip !== tooltip) {
      tooltip = next.tooltip;
      tray.setToolTip(tooltip);
    }
    if (next.level !== level) {
      level = next.level;
      tray.setImage(icon(level));
    }
  };
  const unsubscribe = options.notices.onChange(show);
  return {
    update: (next) => {
      state = next;
      show();
      if (groupsKey(next.groups) !== groupsShown) rebuild();
    },
    destroy: () => {
      unsubscribe();
      tray.destroy();
    },
  };
}

function accountsOf(core: WardenCore): StateView['accounts'] {
  try {
    return core.view().accounts;
  } catch {
    return [];
  }
}
