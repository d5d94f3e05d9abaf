// The desktop host's life cycle: one instance per user, the core started before the window, the window, tray, IPC
// and notifications wired to it, and the core stopped cleanly before the process quits.
import { app, dialog, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreOptions, WardenCore } from '../core/types';
import { createLogger, type Logger } from '../platform/logger';
import { askNatively } from './ask';
import { createHostNotices, type HostNotices } from './host-notices';
import { registerIpc } from './ipc';
import {
  guardQuit,
  keepRunningOnClose,
  stillGuardingNotice,
  stopWithin,
  type QuitGuard,
} from './lifecycle';
import { createNotifier } from './notifications';
import { guardPower } from './power';
import { desktopCoreOptions, desktopDataDir, type DesktopEnvironment } from './options';
import { safeStorageSecretStore } from './secret-store';
import { rendererUrl } from './security';
import { flattenShortcut, registerFlattenShortcut, unregisterShortcuts } from './shortcut';
import { createTray, flattenAll, type TrayOptions } from './tray';
import { createMainWindow } from './window';

export type DesktopDeps = {
  startCore: (options: CoreOptions) => Promise<WardenCore>;
  env: DesktopEnvironment;
  argv: readonly string[];
  /** Defaults to JSON lines on stderr and in `<data dir>/logs/warden.log`. */
  makeLogger?: (dataDir: string) => Logger;
  /** How long a quit waits for the core to stop before leaving anyway. */
  stopTimeoutMs?: number;
};

export type DesktopHost = {
  core: WardenCore;
  window: () => BrowserWindow | null;
  showWindow: () => void;
  /** Quits without the exposure question (Ctrl+C in the terminal that started it). */
  quitWithoutAsking: (reason: string) => void;
};

/** Runs the app; resolves with the host once running, or null when this process is not the one to run. */
export async function runDesktop(deps: DesktopDeps): Promise<DesktopHost | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const dataDir = desktopDataDir(deps.env, app.getPath('userData'));
  const logger = (deps.makeLogger ?? fileLogger)(dataDir);
  const log = logger.child('desktop');
  let host: DesktopHost | null = null;
  app.on('second-instance', () => host?.showWindow());
  app.on('activate', () => host?.showWindow());
  // Closing the window never quits (it hides to the tray): Warden only stops through a quit.
  app.on('window-all-closed', () => undefined);
  await app.whenReady();
  const notices = createHostNotices(log);
  let core: WardenCore | null = null;
  try {
    core = await deps.startCore({
      ...desktopCoreOptions({ env: deps.env, argv: deps.argv, dataDir, logger }),
      secrets: safeStorageSecretStore(dataDir, { platform: process.platform, notices }),
    });
    const running = core;
    const quitGuard = guardQuit({
      exposedAccounts: () => running.exposedAccounts(),
      stopCore: () => running.stop(),
      ask: askNatively,
      logger: log,
      stopTimeoutMs: deps.stopTimeoutMs ?? 10_000,
    });
    host = startHost({ core, logger: log, env: deps.env, dataDir, quitGuard, notices });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error('the desktop host did not start', { reason, dataDir });
    dialog.showErrorBox('Warden could not start', `${reason}\n\nData folder: ${dataDir}`);
    const started = core;
    if (started !== null) await stopWithin(() => started.stop(), deps.stopTimeoutMs ?? 10_000, log);
    app.exit(1);
    return null;
  }
  log.info('running', { dataDir });
  return host;
}

type HostParts = {
  core: WardenCore;
  logger: Logger;
  env: DesktopDeps['env'];
  dataDir: string;
  quitGuard: QuitGuard;
  notices: HostNotices;
};

/** Window, tray, IPC, notifications, power and the flatten shortcut around a running core. */
function startHost({ core, logger, env, dataDir, quitGuard, notices }: HostParts): DesktopHost {
  // Minimising hides the window to the tray (the guard keeps running); WARDEN_MINIMIZE_TO_TRAY=0 keeps it in the
  // task bar.
  const minimizeToTray = env.WARDEN_MINIMIZE_TO_TRAY !== '0';
  const appPath = app.getAppPath();
  const iconDir = join(appPath, 'dist', 'desktop', 'icons');
  let window: BrowserWindow | null = null;
  const ipc = registerIpc({
    core,
    window: () => window,
    rendererUrl: rendererUrl(appPath),
    logger,
    notices,
    testNotification: () => notifier.test(),
  });
  const trayPresent = (): boolean => true;
  const showWindow = (): void => {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow({ appPath, logger, iconPath: join(iconDir, 'warden.png') });
      const created = window;
      ipc.followPages(created);
      quitGuard.followWindow(created);
      keepRunningOnClose(created, {
        guard: quitGuard,
        trayPresent,
        onFirstHide: () => {
          notifier.notice(stillGuardingNotice);
        },
        toldFile: join(dataDir, 'tray-notice-shown'),
      });
      window.on('closed', () => {
        window = null;
      });
      created.on('minimize', () => {
        if (minimizeToTray && trayPresent()) created.hide();
      });
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  // A click shows the window, on the account the notification is about.
  const notifier = createNotifier({
    onOpen: (accountId) => {
      showWindow();
      if (accountId !== null) ipc.openAccount(accountId);
    },
    notices,
    logger,
  });
  const power = guardPower({
    exposedAccounts: () => core.exposedAccounts(),
    reconnect: (reason) => reconnect(core, reason, logger),
    notify: (content) => {
      notifier.notice(content);
    },
    logger,
  });
  const quit = (): void => {
    app.quit();
  };
  const logDir = join(dataDir, 'logs');
  const trayOptions: TrayOptions = { core, iconDir, logDir, notices, notifier, showWindow, quit, logger };
  const tray = createTray(trayOptions);
  registerFlattenShortcut(
    flattenShortcut(env),
    () => {
      logger.warn('flatten all requested with the global shortcut');
      showWindow();
      void flattenAll(trayOptions);
    },
    logger,
    notices,
  );
  app.on('will-quit', () => {
    unregisterShortcuts();
    power.dispose();
  });
  // A new alert notifies (the recent ones a subscription starts with were told when they were new).
  core.subscribe((message) => {
    if (message.type === 'alert') notifier.alert(message.payload);
    else if (message.type === 'state') {
      tray.update(message.payload);
      power.update();
    }
  });
  showWindow();
  return { core, window: () => window, showWindow, quitWithoutAsking: (reason) => {
      quitGuard.quitWithoutAsking(reason);
    },
  };
}

/** The core's "reconnect now"; a refusal is logged (the link's own status is on screen). */
async function reconnect(core: WardenCore, reason: string, logger: Logger): Promise<void> {
  const response = await core.command('reconnect', { reason });
  if (!response.ok) logger.warn('the broker did not reconnect', { reason, error: response.error });
}

function fileLogger(dataDir: string): Logger {
  const logDir = join(dataDir, 'logs');
  try {
    mkdirSync(logDir, { recursive: true });
  } catch {
    // Unwritable data folder: the core reports that properly; logging falls back to stderr only.
  }
  return createLogger({ file: join(logDir, 'warden.log') });
}
