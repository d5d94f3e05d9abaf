// The desktop host's life cycle: one instance per user, the core started before the window, the window, tray, IPC
// and notifications wired to it, and the core stopped cleanly before the process quits.
import { app, dialog, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreOptions, WardenCore } from '../core/types';
import { createLogger, type Logger } from '../platform/logger';
import { createHostNotices } from './host-notices';
import { registerIpc } from './ipc';
import { createNotifier } from './notifications';
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

export type DesktopHost = { core: WardenCore; window: () => BrowserWindow | null; showWindow: () => void };

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
  app.on('window-all-closed', () => {
    app.quit();
  });
  await app.whenReady();
  let core: WardenCore | null = null;
  try {
    core = await deps.startCore({
      ...desktopCoreOptions({ env: deps.env, argv: deps.argv, dataDir, logger }),
      secrets: safeStorageSecretStore(dataDir),
    });
    host = startHost(core, log, deps.env);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error('the desktop host did not start', { reason, dataDir });
    dialog.showErrorBox('Warden could not start', `${reason}\n\nData folder: ${dataDir}`);
    if (core !== null) await stopWithin(core, deps.stopTimeoutMs ?? 10_000, log);
    app.exit(1);
    return null;
  }
  stopCoreBeforeQuit(core, log, deps.stopTimeoutMs ?? 10_000);
  log.info('running', { dataDir });
  return host;
}

/** Window, tray, IPC, notifications and the flatten shortcut around a running core. */
function startHost(core: WardenCore, logger: Logger, env: DesktopDeps['env']): DesktopHost {
  // Minimising hides the window to the tray (the guard keeps running); WARDEN_MINIMIZE_TO_TRAY=0 keeps it in the
  // task bar.
  const minimizeToTray = env.WARDEN_MINIMIZE_TO_TRAY !== '0';
  const appPath = app.getAppPath();
  const iconDir = join(appPath, 'dist', 'desktop', 'icons');
  let window: BrowserWindow | null = null;
  const notices = createHostNotices(logger);
  const ipc = registerIpc({
    core,
    window: () => window,
    rendererUrl: rendererUrl(appPath),
    logger,
    notices,
    testNotification: () => notifier.test(),
  });
  const showWindow = (): void => {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow({ appPath, logger, iconPath: join(iconDir, 'warden.png') });
      const created = window;
      ipc.followPages(created);
      window.on('closed', () => {
        window = null;
      });
      if (minimizeToTray)
        created.on('minimize', () => {
          created.hide();
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
  const quit = (): void => {
    app.quit();
  };
  const trayOptions: TrayOptions = { core, iconDir, notifier, showWindow, quit, logger };
  const tray = createTray(trayOptions);
  registerFlattenShortcut(
    flattenShortcut(env),
    () => {
      logger.warn('flatten all requested with the global shortcut');
      showWindow();
      void flattenAll(trayOptions);
    },
    logger,
  );
  app.on('will-quit', unregisterShortcuts);
  // A new alert notifies (the recent ones a subscription starts with were told when they were new).
  core.subscribe((message) => {
    if (message.type === 'alert') notifier.alert(message.payload);
    else if (message.type === 'state') tray.update(message.payload);
  });
  showWindow();
  return { core, window: () => window, showWindow };
}

/** Holds the first quit until the core has stopped (journal flushed, broker closed), then lets it through. */
function stopCoreBeforeQuit(core: WardenCore, logger: Logger, timeoutMs: number): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    void stopWithin(core, timeoutMs, logger).finally(() => {
      state = 'stopped';
      app.quit();
    });
  });
}

async function stopWithin(core: WardenCore, timeoutMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([core.stop().then(() => 'stopped' as const), timeout]);
    if (outcome === 'timeout') logger.error('the core did not stop in time; quitting anyway', { timeoutMs });
    else logger.info('core stopped');
  } catch (error) {
    logger.error('the core failed to stop cleanly', { error: String(error) });
  } finally {
    clearTimeout(timer);
  }
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
