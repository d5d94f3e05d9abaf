// Auto-update (electron-updater, the generic provider set in electron-builder.yml): in a packaged app, unless
// WARDEN_AUTO_UPDATE=0, checks at start and every few hours and downloads in the background. A downloaded update is
// installed only by a restart the trader agrees to, and only while no account is exposed (no open position, no
// working order): while one is, the updater waits and says so; once all are flat it asks (Restart now / Later), and
// it asks the core again right before quitting to install. Errors are logged, never thrown.
import { app, dialog } from 'electron';
import { autoUpdater, type AppUpdater, type UpdateDownloadedEvent } from 'electron-updater';
import type { ExposedAccount } from '../core/types';
import type { Logger } from '../platform/logger';

/** The tray/notice line while a downloaded update waits for every account to be flat. */
export const UPDATE_WAITING_LINE = 'Update ready: restart when flat';
/** The line after the trader chose "Later": electron-updater installs it when Warden quits. */
export const UPDATE_DEFERRED_LINE = 'Update ready: installs when Warden quits';
/** Between two checks: every four hours. */
export const UPDATE_INTERVAL_MS = 4 * 60 * 60 * 1000;

export type UpdaterTimers = {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

export type UpdaterOptions = {
  logger: Logger;
  /** WARDEN_AUTO_UPDATE=0 turns auto-update off. */
  env: { WARDEN_AUTO_UPDATE?: string | undefined };
  /** The core's answer: accounts with open positions or working orders (an account with neither counts as flat). */
  exposedAccounts: () => ExposedAccount[];
  /** Calls the listener on every change of the core's state; returns the unsubscribe function. */
  onStateChange: (listener: () => void) => () => void;
  /** A one-line status for the tray or a notice (UPDATE_WAITING_LINE, UPDATE_DEFERRED_LINE), null when none. */
  status?: (line: string | null) => void;
  /** Between checks; defaults to UPDATE_INTERVAL_MS. */
  intervalMs?: number;
  /** Defaults to the global setInterval/clearInterval (the interval is unref'd). */
  timers?: UpdaterTimers;
  /** Defaults to electron-updater's autoUpdater (loaded only when auto-update is on). */
  updater?: () => AppUpdater;
};

export type UpdatePhase = 'off' | 'idle' | 'waiting' | 'asking' | 'deferred' | 'installing' | 'stopped';

export type DesktopUpdater = {
  /** 'off' when not packaged or turned off; otherwise where the downloaded update stands. */
  phase(): UpdatePhase;
  /** Checks now (the timer does this every few hours); resolves when the check is done, never rejects. */
  check(): Promise<void>;
  /** Stops the timer and the listeners; a dialog still open then installs nothing. */
  stop(): void;
};

const defaultTimers: UpdaterTimers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => {
    clearInterval(handle as NodeJS.Timeout);
  },
};

/** Starts auto-update when it applies (packaged, not turned off); otherwise returns an updater that does nothing. */
export function startUpdater(options: UpdaterOptions): DesktopUpdater {
  const { logger } = options;
  if (!app.isPackaged) {
    logger.info('auto-update off: not a packaged app');
    return offUpdater();
  }
  if (options.env.WARDEN_AUTO_UPDATE === '0') {
    logger.info('auto-update off: WARDEN_AUTO_UPDATE=0');
    return offUpdater();
  }
  let updater: AppUpdater;
  try {
    updater = (options.updater ?? (() => autoUpdater))();
    updater.logger = updaterLog(logger);
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
  } catch (error) {
    logger.error('auto-update unavailable', { error: errorText(error) });
    return offUpdater();
  }
  return runUpdater(updater, options);
}

function offUpdater(): DesktopUpdater {
  return { phase: () => 'off', check: () => Promise.resolve(), stop: () => undefined };
}

/** The running updater: checks, then the downloaded update's way to a restart the trader agreed to while flat. */
function runUpdater(updater: AppUpdater, options: UpdaterOptions): DesktopUpdater {
  const { logger } = options;
  let phase: UpdatePhase = 'idle';
  // Read through a call: the phase changes while the dialog is up (stop, another event).
  const current = (): UpdatePhase => phase;
  let version = '';
  let declined: string | null = null;
  let lastEmitted: unknown = null;
  const setStatus = (line: string | null): void => {
    try {
      options.status?.(line);
    } catch (error) {
      logger.error('the update status line failed', { error: errorText(error) });
    }
  };

  const exposedNow = (): ExposedAccount[] | null => {
    try {
      return options.exposedAccounts().filter((a) => a.openPositions > 0 || a.workingOrders > 0);
    } catch (error) {
      logger.error('could not ask which accounts are exposed; the update waits', { error: errorText(error) });
      return null;
    }
  };

  /** Waits while anything is exposed (or unknown), asks once all are flat. */
  const review = (): void => {
    if (phase !== 'waiting' && phase !== 'idle') return;
    const exposed = exposedNow();
    if (exposed === null || exposed.length > 0) {
      if (phase !== 'waiting') {
        phase = 'waiting';
        logger.info('update ready; waiting until every account is flat', {
          version,
          exposed: exposed?.map(describe) ?? 'unknown',
        });
        setStatus(UPDATE_WAITING_LINE);
      }
      return;
    }
    void ask();
  };

  const ask = async (): Promise<void> => {
    phase = 'asking';
    const restart = await confirmRestart(version, logger);
    if (current() === 'stopped') return;
    if (!restart) {
      phase = 'deferred';
      declined = version;
      logger.info('update restart declined; it installs when Warden quits', { version });
      setStatus(UPDATE_DEFERRED_LINE);
      return;
    }
    // The trader may have opened a position while the dialog was up: ask the core again, right before installing.
    const exposed = exposedNow();
    if (exposed === null || exposed.length > 0) {
      phase = 'idle';
      logger.warn('update restart held back: an account became exposed', {
        version,
        exposed: exposed?.map(describe) ?? 'unknown',
      });
      review();
      return;
    }
    phase = 'installing';
    logger.info('restarting to install the update', { version });
    setStatus(null);
    try {
      updater.quitAndInstall(true, true);
    } catch (error) {
      phase = 'idle';
      logger.error('the update could not be installed', { version, error: errorText(error) });
    }
  };

  const onDownloaded = (event: UpdateDownloadedEvent): void => {
    logger.info('update downloaded', { version: event.version });
    if (phase === 'asking' || phase === 'installing' || phase === 'stopped') return;
    if (event.version === declined) return;
    version = event.version;
    if (phase === 'deferred') phase = 'idle';
    review();
  };
  const onError = (error: Error): void => {
    lastEmitted = error;
    logger.error('update error', { error: errorText(error) });
  };
  updater.on('update-downloaded', onDownloaded);
  updater.on('error', onError);
  const unsubscribe = options.onStateChange(() => {
    if (phase === 'waiting') review();
  });

  const check = async (): Promise<void> => {
    if (phase === 'stopped') return;
    try {
      const result = await updater.checkForUpdates();
      // The background download reports its failure as an 'error' event (logged above).
      result?.downloadPromise?.catch(() => undefined);
    } catch (error) {
      if (error !== lastEmitted) logger.error('update check failed', { error: errorText(error) });
    }
  };
  const timers = options.timers ?? defaultTimers;
  const timer = timers.setInterval(() => void check(), options.intervalMs ?? UPDATE_INTERVAL_MS);
  void check();
  return {
    phase: () => phase,
    check,
    stop: () => {
      phase = 'stopped';
      timers.clearInterval(timer);
      unsubscribe();
      updater.removeListener('update-downloaded', onDownloaded);
      updater.removeListener('error', onError);
    },
  };
}

/** The native question; true = restart now. A failing dialog counts as "Later". */
async function confirmRestart(version: string, logger: Logger): Promise<boolean> {
  try {
    const { response } = await dialog.showMessageBox({
      type: 'info',
      title: 'Warden update',
      message: `Warden ${version} is ready to install`,
      detail: 'Every account is flat. Warden restarts to install the update and is back in a few seconds.',
      buttons: ['Restart now', 'Later'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  } catch (error) {
    logger.error('the update dialog failed', { error: errorText(error) });
    return false;
  }
}

function describe(account: ExposedAccount): string {
  return `${account.name} (${account.openPositions} open, ${account.workingOrders} working)`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** electron-updater's own lines (checking, found, downloading) into Warden's log. */
function updaterLog(logger: Logger): NonNullable<AppUpdater['logger']> {
  return {
    info: (message?: unknown) => {
      logger.info(`electron-updater: ${String(message)}`);
    },
    warn: (message?: unknown) => {
      logger.warn(`electron-updater: ${String(message)}`);
    },
    error: (message?: unknown) => {
      logger.error(`electron-updater: ${String(message)}`);
    },
    debug: (message: string) => {
      logger.debug(`electron-updater: ${message}`);
    },
  };
}
