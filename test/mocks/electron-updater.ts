// A hand-written fake of electron-updater's `autoUpdater` (the real one needs a packaged Electron app and an update
// server). It records checks and installs; `downloaded()` and `fail()` emit what the real updater emits after a
// background download or on an error. `resetUpdaterFake()` clears everything between tests.
import { EventEmitter } from 'node:events';

export type FakeUpdaterLogger = {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
};

class FakeAppUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  logger: FakeUpdaterLogger | null = null;
  checks = 0;
  /** When set, the next checks reject with it (after emitting 'error', as the real updater does). */
  checkError: Error | null = null;
  readonly installs: { isSilent: boolean | undefined; isForceRunAfter: boolean | undefined }[] = [];

  checkForUpdates(): Promise<null> {
    this.checks += 1;
    const error = this.checkError;
    if (error === null) return Promise.resolve(null);
    this.emit('error', error, `Cannot check for updates: ${error.message}`);
    return Promise.reject(error);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push({ isSilent, isForceRunAfter });
  }
  /** The background download of `version` finished. */
  downloaded(version = '0.2.0'): void {
    this.emit('update-downloaded', {
      version,
      files: [],
      path: `Warden-${version}.exe`,
      sha512: '',
      releaseDate: '2026-01-01T00:00:00.000Z',
      downloadedFile: `/tmp/warden-fake/updates/Warden-${version}.exe`,
    });
  }
  /** An error during a check or download, as electron-updater reports it. */
  fail(error: Error): void {
    this.emit('error', error, error.stack ?? error.message);
  }
  reset(): void {
    this.removeAllListeners();
    this.autoDownload = true;
    this.autoInstallOnAppQuit = true;
    this.logger = null;
    this.checks = 0;
    this.checkError = null;
    this.installs.length = 0;
  }
}

export type { FakeAppUpdater };

export const autoUpdater = new FakeAppUpdater();

export function resetUpdaterFake(): void {
  autoUpdater.reset();
}
