// The tray icon: its colour follows the worst level, and its menu offers Flatten all, Show Warden and Quit.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
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
};

export type WardenTray = { update(state: StateView): void; destroy(): void };

export function trayMenuTemplate(options: TrayOptions): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Flatten all',
      click: () => {
        void flattenAll(options);
      },
    },
    { type: 'separator' },
    { label: 'Show Warden', click: options.showWindow },
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

export function createTray(options: TrayOptions): WardenTray {
  let level: TrayLevel = 'ok';
  let tooltip = 'Warden';
  const icon = (forLevel: TrayLevel): NativeImage =>
    nativeImage.createFromPath(join(options.iconDir, trayIconFile(forLevel)));
  const tray = new Tray(icon(level));
  tray.setToolTip(tooltip);
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(options)));
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
