// The one main window over the app's life: made when first shown (and again after it was destroyed), brought
// forward otherwise. It hides to the tray on minimise and on close (minimised instead where there is no tray),
// follows the session-end events, gives each page it loads the pushes, and reloads after a renderer crash.
import type { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../platform/logger';
import type { HostNotices } from './host-notices';
import type { IpcRegistry } from './ipc';
import { keepRunningOnClose, type QuitGuard } from './lifecycle';
import { createMainWindow, type RendererGone } from './window';

export type WindowKeeperOptions = {
  appPath: string;
  iconPath: string;
  dataDir: string;
  logger: Logger;
  ipc: IpcRegistry;
  quitGuard: QuitGuard;
  notices: HostNotices;
  trayPresent: boolean;
  /** WARDEN_MINIMIZE_TO_TRAY is not 0. */
  minimizeToTray: boolean;
  /** The first close that hid the window (the trader is told Warden keeps guarding). */
  onFirstHide: () => void;
};

export type WindowKeeper = { window(): BrowserWindow | null; show(): void };

/** The notice of a renderer that crashed too often to be reloaded. */
export function rendererGoneNotice(gone: RendererGone) {
  return {
    id: 'renderer',
    level: 'critical' as const,
    title: 'The Warden window stopped working',
    message: `Its page crashed ${gone.crashes} times within a minute (${gone.reason}, exit code ${gone.exitCode}). Warden keeps guarding; only the window is gone.`,
    fix: 'Close the window and open it again from the tray (Show Warden). The logs folder (tray menu) has the details.',
  };
}

export function keepWindow(options: WindowKeeperOptions): WindowKeeper {
  let window: BrowserWindow | null = null;
  const create = (): BrowserWindow => {
    const created = createMainWindow({
      appPath: options.appPath,
      logger: options.logger,
      iconPath: options.iconPath,
      onRendererGone: (gone) => {
        if (!gone.reloading) options.notices.raise(rendererGoneNotice(gone));
      },
    });
    options.ipc.followPages(created);
    options.quitGuard.followWindow(created);
    keepRunningOnClose(created, {
      guard: options.quitGuard,
      trayPresent: () => options.trayPresent,
      onFirstHide: options.onFirstHide,
      toldFile: join(options.dataDir, 'tray-notice-shown'),
    });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    created.on('minimize', () => {
      if (options.minimizeToTray && options.trayPresent) created.hide();
    });
    return created;
  };
  return {
    window: () => window,
    show() {
      if (window === null || window.isDestroyed()) {
        // A fresh window: the crash notice of the one it replaces no longer stands.
        options.notices.clear('renderer');
        window = create();
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
  };
}
