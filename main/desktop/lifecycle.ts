// Never silently off: closing the window hides it (Warden keeps guarding from the tray, and says so once), a quit
// asks first while any account is exposed, and every way out (quit, system shutdown, Windows log-off) stops the
// core in order before the process ends.
import { app, powerMonitor, type BrowserWindow } from 'electron';
import { existsSync, writeFileSync } from 'node:fs';
import type { ExposedAccount } from '../core/types';
import type { Logger } from '../platform/logger';
import type { Question } from './ask';

export type QuitGuardOptions = {
  exposedAccounts: () => ExposedAccount[];
  /** Stops the core (journal flushed, broker closed); the quit waits for it, at most `stopTimeoutMs`. */
  stopCore: () => Promise<void>;
  /** Asks the trader; true = quit anyway. Must not block the event loop: the guard keeps running meanwhile. */
  ask: (question: Question) => Promise<boolean>;
  logger: Logger;
  stopTimeoutMs: number;
};

export type QuitGuard = {
  /** Quits without asking (a terminal's Ctrl+C, the system ending the session, an installed update). */
  quitWithoutAsking(reason: string): void;
  /** True once a quit is under way: windows may then close for real. */
  quitting(): boolean;
  /** Follows the window's Windows session-end events (log-off, shutdown). */
  followWindow(window: BrowserWindow): void;
};

type QuitState = 'running' | 'asking' | 'stopping' | 'stopped';

/** "Quit and stop guarding 2 accounts with open positions?", with one line per account. */
export function quitQuestion(exposed: readonly ExposedAccount[]): Question {
  const withPositions = exposed.filter((account) => account.openPositions > 0).length;
  const what =
    withPositions === exposed.length
      ? 'open positions'
      : withPositions === 0
        ? 'working orders'
        : 'open positions or working orders';
  const accounts = exposed.length === 1 ? '1 account' : `${exposed.length} accounts`;
  const lines = exposed.map(
    (account) =>
      `${account.name}: ${count(account.openPositions, 'open position')}, ` +
      count(account.workingOrders, 'working order'),
  );
  return {
    message: `Quit and stop guarding ${accounts} with ${what}?`,
    detail:
      `${lines.join('\n')}\n\nWhile Warden is not running no rule is enforced: positions and orders stay open ` +
      'at the broker with no daily loss limit, no drawdown limit and no flatten.',
    yes: 'Quit anyway',
    enterMeansYes: false,
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Holds every quit until it is confirmed (while exposed) and the core has stopped, then lets it through. Quits
 * the system forces (shutdown, log-off) are not asked about: the core is stopped at once.
 */
export function guardQuit(options: QuitGuardOptions): QuitGuard {
  let state: QuitState = 'running';
  let forced: string | null = null;
  const log = options.logger;
  const stop = (reason: string): void => {
    if (state === 'stopping' || state === 'stopped') return;
    state = 'stopping';
    log.info('stopping the core before quitting', { reason });
    void stopWithin(options.stopCore, options.stopTimeoutMs, log).finally(() => {
      state = 'stopped';
      app.quit();
    });
  };
  const askThenStop = (): void => {
    const exposed = options.exposedAccounts();
    if (exposed.length === 0) {
      stop('quit');
      return;
    }
    state = 'asking';
    void options
      .ask(quitQuestion(exposed))
      .catch((error: unknown) => {
        log.error('the quit question failed; Warden keeps running', { error: String(error) });
        return false;
      })
      .then((yes) => {
        if (state !== 'asking') return;
        if (!yes) {
          state = 'running';
          log.info('quit cancelled: accounts still exposed', { accounts: exposed.map((a) => a.id) });
          return;
        }
        log.warn('quit confirmed with accounts exposed', { accounts: exposed.map((a) => a.id) });
        stop('quit confirmed');
      });
  };
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state !== 'running') {
      // A forced quit overrides an open question.
      if (state === 'asking' && forced !== null) stop(forced);
      return;
    }
    if (forced !== null) stop(forced);
    else askThenStop();
  });
  const quitWithoutAsking = (reason: string): void => {
    forced = reason;
    app.quit();
  };
  // macOS and Linux: the system is shutting down or restarting; delay it while the core stops.
  powerMonitor.on('shutdown', (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    quitWithoutAsking('system shutdown');
  });
  return {
    quitWithoutAsking,
    quitting: () => state === 'stopping' || state === 'stopped',
    followWindow(window) {
      // Windows: log-off or shutdown. Nothing is asked (the session is ending); the core stops at once.
      window.on('query-session-end', (event) => {
        log.warn('the Windows session is ending', { reasons: event.reasons });
        quitWithoutAsking(`session end (${event.reasons.join(', ')})`);
      });
      window.on('session-end', (event) => {
        quitWithoutAsking(`session end (${event.reasons.join(', ')})`);
      });
    },
  };
}

export type CloseOptions = {
  guard: QuitGuard;
  /** False on Linux without a tray host: a hidden window could not be brought back, so it is minimised. */
  trayPresent: () => boolean;
  /** Told the first time a close hides the window (once per data folder: the file marks it told). */
  onFirstHide: () => void;
  toldFile: string;
};

/** Closing the window keeps Warden running: hidden to the tray (or minimised without one), never quit. */
export function keepRunningOnClose(window: BrowserWindow, options: CloseOptions): void {
  window.on('close', (event) => {
    if (options.guard.quitting()) return;
    event.preventDefault();
    if (!options.trayPresent()) {
      window.minimize();
      return;
    }
    window.hide();
    if (existsSync(options.toldFile)) return;
    options.onFirstHide();
    try {
      writeFileSync(options.toldFile, `${new Date().toISOString()}\n`);
    } catch {
      // Unwritable data folder: the notice comes again next time, which is better than never.
    }
  });
}

/** The one-time notice of a close that hid the window. */
export const stillGuardingNotice = {
  title: 'Warden is still guarding',
  body: 'Closing the window does not stop Warden: it keeps enforcing your rules from the tray. Quit from the tray menu.',
  urgency: 'normal',
} as const;

async function stopWithin(stopCore: () => Promise<void>, timeoutMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([stopCore().then(() => 'stopped' as const), timeout]);
    if (outcome === 'timeout') logger.error('the core did not stop in time; quitting anyway', { timeoutMs });
    else logger.info('core stopped');
  } catch (error) {
    logger.error('the core failed to stop cleanly', { error: String(error) });
  } finally {
    clearTimeout(timer);
  }
}

export { stopWithin };
