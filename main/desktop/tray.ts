// The tray icon: its colour follows the worst level, its tooltip gives each account's day P&L, and its menu
// offers Flatten all, Lock for the rest of the day, Show Warden, Start at login and Quit.
import {
  Menu,
  Tray,
  app,
  dialog,
  nativeImage,
  type MenuItemConstructorOptions,
  type NativeImage,
} from 'electron';
import { join } from 'node:path';
import type { CommandResponse, StateView } from '../../shared/ipc';
import type { WardenCore } from '../core/types';
import type { Logger } from '../platform/logger';
import type { Notifier } from './notifications';
import { trayIconFile, trayLevel, trayTooltip, type TrayLevel } from './tray-level';

export type TrayOptions = {
  core: WardenCore;
  /** Folder holding tray-ok.png, tray-warning.png, tray-critical.png (and @2x). */
  iconDir: string;
  notifier: Notifier;
  showWindow: () => void;
  quit: () => void;
  logger: Logger;
  /** Asks before an action that cannot be undone; true = go ahead. Defaults to a native message box. */
  confirm?: (message: string, detail: string, yes: string) => boolean;
};

export type WardenTray = { update(state: StateView): void; destroy(): void };

/** A native box whose default button (Enter) is the action and whose Escape cancels. */
export function nativeConfirm(message: string, detail: string, yes: string): boolean {
  const answer = dialog.showMessageBoxSync({
    type: 'warning',
    message,
    detail,
    buttons: [yes, 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return answer === 0;
}

export function trayMenuTemplate(options: TrayOptions, rebuild: () => void): MenuItemConstructorOptions[] {
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
    { type: 'separator' },
    { label: 'Show Warden', click: options.showWindow },
    {
      label: 'Start at login',
      type: 'checkbox',
      checked: app.getLoginItemSettings().openAtLogin,
      click: () => {
        app.setLoginItemSettings({ openAtLogin: !app.getLoginItemSettings().openAtLogin });
        rebuild();
      },
    },
    { label: 'Quit', click: options.quit },
  ];
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
  const confirm = options.confirm ?? nativeConfirm;
  const names = accounts.map((account) => account.name).join(', ');
  const go = confirm(
    'Lock trading for the rest of the day?',
    `${names} will be flattened and halted until the trading day ends. This cannot be undone.`,
    'Lock for the day',
  );
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
  let level: TrayLevel = 'ok';
  let tooltip = 'Warden';
  const icon = (forLevel: TrayLevel): NativeImage =>
    nativeImage.createFromPath(join(options.iconDir, trayIconFile(forLevel)));
  const tray = new Tray(icon(level));
  tray.setToolTip(tooltip);
  const rebuild = (): void => {
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(options, rebuild)));
  };
  rebuild();
  return {
    // State arrives up to 20 times a second: touch the OS tray only when what it shows changes.
    update: (state) => {
      const nextTooltip = trayTooltip(state);
      if (nextTooltip !== tooltip) {
        tooltip = nextTooltip;
        tray.setToolTip(tooltip);
      }
      const nextLevel = trayLevel(state);
      if (nextLevel !== level) {
        level = nextLevel;
        tray.setImage(icon(level));
      }
    },
    destroy: () => {
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
