// The desktop host's life cycle: one instance per user, the core started before the window, the window, tray, IPC
// and notifications wired to it, and the core stopped cleanly before the process quits.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { StateView } from '../../shared/ipc';
import type { CoreOptions, WardenCore } from '../core/types';
import { createLogger, writeHeldLogLines, type Logger } from '../platform/logger';
import { logDir, logFilePath } from '../platform/log-file';
import { askNatively } from './ask';
import { createHostNotices, type HostNotices } from './host-notices';
import { registerIpc } from './ipc';
import { guardQuit, stillGuardingNotice, stopWithin, type QuitGuard } from './lifecycle';
import { createNotifier } from './notifications';
import { guardPower } from './power';
import { desktopCoreOptions, desktopDataDir, type DesktopEnvironment } from './options';
import { logPasswordStore, safeStorageSecretStore } from './secret-store';
import { rendererUrl } from './security';
import {
  applyPlatformSwitches,
  flattenShortcut,
  registerFlattenShortcut,
  unregisterShortcuts,
} from './shortcut';
import { createTray, flattenAll, type TrayOptions } from './tray';
import { accountSubject } from './tray-level';
import { detectTrayHost, noTrayNotice, type TrayHost, type TrayHostDeps } from './tray-host';
import { startUpdater } from './updater';
import { keepWindow, type WindowKeeper } from './window-keeper';

export type DesktopDeps = {
  startCore: (options: CoreOptions) => Promise<WardenCore>;
  env: DesktopEnvironment;
  argv: readonly string[];
  /** Defaults to JSON lines on stderr and in `<data dir>/logs/warden.log`. */
  makeLogger?: (dataDir: string) => Logger;
  /** How long a quit waits for the core to stop before leaving anyway. */
  stopTimeoutMs?: number;
  /** Whether a tray icon can be shown (Linux asks the session bus); tests answer directly. */
  detectTrayHost?: (deps: TrayHostDeps) => Promise<TrayHost>;
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
  // Before ready: Chromium reads its switches once.
  const features = applyPlatformSwitches(process.platform, deps.env, app.commandLine);
  const dataDir = desktopDataDir(deps.env, app.getPath('userData'));
  const logger = (deps.makeLogger ?? fileLogger)(dataDir);
  const log = logger.child('desktop');
  if (features.length > 0) log.info('Chromium features enabled for this desktop', { features });
  let host: DesktopHost | null = null;
  app.on('second-instance', () => host?.showWindow());
  app.on('activate', () => host?.showWindow());
  // Closing the window never quits (it hides to the tray): Warden only stops through a quit.
  app.on('window-all-closed', () => undefined);
  await app.whenReady();
  const notices = createHostNotices(log);
  // After ready: only then does safeStorage know its password store.
  logPasswordStore(process.platform, log);
  // Asked while the core starts: the answer decides whether hiding the window to the tray is safe.
  const trayHost = (deps.detectTrayHost ?? detectTrayHost)({ platform: process.platform, logger: log });
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
    const trayPresent = (await trayHost) !== 'absent';
    if (!trayPresent) notices.raise(noTrayNotice());
    host = startHost({ core, logger: log, env: deps.env, dataDir, quitGuard, notices, trayPresent });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error('the desktop host did not start', { reason, dataDir });
    writeHeldLogLines();
    dialog.showErrorBox('Warden could not start', `${reason}\n\nData folder: ${dataDir}`);
    const started = core;
    if (started !== null) await stopWithin(() => started.stop(), deps.stopTimeoutMs ?? 10_000, log);
    writeHeldLogLines();
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
  /** False on Linux without a StatusNotifier host: the window is then never hidden. */
  trayPresent: boolean;
};

/** Window, tray, IPC, notifications, power, updates and the flatten shortcut around a running core. */
function startHost(parts: HostParts): DesktopHost {
  const { core, logger, env, dataDir, quitGuard, notices } = parts;
  const appPath = app.getAppPath();
  const iconDir = join(appPath, 'dist', 'desktop', 'icons');
  // The IPC registry forwards from its first moment (the recent alerts), before the window keeper exists.
  let keeper: WindowKeeper | null = null;
  const ipc = registerIpc({
    core,
    window: () => keeper?.window() ?? null,
    rendererUrl: rendererUrl(appPath),
    logger,
    notices,
    testNotification: () => notifier.test(),
  });
  const windows = keepWindow({
    appPath,
    iconPath: join(iconDir, 'warden.png'),
    dataDir,
    logger,
    ipc,
    quitGuard,
    notices,
    trayPresent: parts.trayPresent,
    // Minimising hides the window to the tray; WARDEN_MINIMIZE_TO_TRAY=0 keeps it in the task bar.
    minimizeToTray: env.WARDEN_MINIMIZE_TO_TRAY !== '0',
    onFirstHide: () => {
      notifier.notice(stillGuardingNotice);
    },
  });
  keeper = windows;
  const showWindow = (): void => {
    windows.show();
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
  const trayOptions: TrayOptions = {
    core,
    iconDir,
    logDir: logDir(dataDir),
    notices,
    notifier,
    showWindow,
    quit,
    logger,
  };
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
  const updater = startUpdater({
    logger: logger.child('updater'),
    env,
    exposedAccounts: () => core.exposedAccounts(),
    onStateChange: (listener) =>
      core.subscribe((message) => {
        if (message.type === 'state') listener();
      }),
    status: (line) => {
      if (line === null) notices.clear('update');
      else notices.raise({ id: 'update', level: 'warning', title: 'Update ready', message: line });
    },
  });
  app.on('will-quit', () => {
    unregisterShortcuts();
    power.dispose();
    updater.stop();
  });
  // A new alert notifies (the recent ones a subscription starts with were told when they were new), naming the
  // account and its groups as the latest state knows them.
  let latest: StateView | null = null;
  core.subscribe((message) => {
    if (message.type === 'alert') {
      const alert = message.payload;
      notifier.alert(alert, latest === null ? null : accountSubject(latest, alert.account));
    } else if (message.type === 'state') {
      latest = message.payload;
      tray.update(message.payload);
      power.update();
    }
  });
  showWindow();
  return {
    core,
    window: () => windows.window(),
    showWindow,
    quitWithoutAsking: (reason) => {
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
  // The rotating file creates its folder; an unwritable one leaves logging on stderr only.
  return createLogger({ file: logFilePath(dataDir) });
}
