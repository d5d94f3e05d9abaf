// Auto-update: checked only in a packaged app that has not turned it off, and a downloaded update is installed only
// by a restart the trader agrees to while every account is flat (asked again right before installing).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, resetElectronFake } from '../../mocks/electron';
import { autoUpdater, resetUpdaterFake } from '../../mocks/electron-updater';
import { memoryLogger } from '../../../main/platform/logger';
import {
  startUpdater,
  UPDATE_DEFERRED_LINE,
  UPDATE_INTERVAL_MS,
  UPDATE_WAITING_LINE,
  type UpdaterOptions,
} from '../../../main/desktop/updater';
import type { ExposedAccount } from '../../../main/core/types';

vi.mock('electron', () => import('../../mocks/electron'));
vi.mock('electron-updater', () => import('../../mocks/electron-updater'));

const long: ExposedAccount = { id: 'A1', name: 'Combine 50K', openPositions: 1, workingOrders: 0 };

/** A core that answers the exposure question from `exposed` and tells its listeners when the test changes it. */
function setup(overrides: Partial<UpdaterOptions> = {}) {
  const logger = memoryLogger();
  let exposed: ExposedAccount[] = [];
  const listeners = new Set<() => void>();
  const lines: (string | null)[] = [];
  const intervals: { callback: () => void; ms: number }[] = [];
  const cleared: unknown[] = [];
  const updater = startUpdater({
    logger,
    env: {},
    exposedAccounts: () => exposed,
    onStateChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: (line) => lines.push(line),
    timers: {
      setInterval: (callback, ms) => intervals.push({ callback, ms }),
      clearInterval: (handle) => cleared.push(handle),
    },
    ...overrides,
  });
  const setExposed = (accounts: ExposedAccount[]): void => {
    exposed = accounts;
    for (const listener of listeners) listener();
  };
  return { updater, logger, lines, intervals, cleared, listeners, setExposed };
}

/** Lets the dialog's promise and what follows it settle. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the updater', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    resetElectronFake();
    resetUpdaterFake();
    app.isPackaged = true;
  });

  it('does not check in an app run from source', async () => {
    app.isPackaged = false;
    const { updater, logger, intervals } = setup();
    await updater.check();
    expect(autoUpdater.checks).toBe(0);
    expect(intervals).toEqual([]);
    expect(updater.phase()).toBe('off');
    expect(logger.lines).toEqual([{ level: 'info', message: 'auto-update off: not a packaged app' }]);
  });

  it('does not check when WARDEN_AUTO_UPDATE=0', async () => {
    const { updater, logger } = setup({ env: { WARDEN_AUTO_UPDATE: '0' } });
    await updater.check();
    expect(autoUpdater.checks).toBe(0);
    expect(logger.lines).toEqual([{ level: 'info', message: 'auto-update off: WARDEN_AUTO_UPDATE=0' }]);
  });

  it('checks at start and every four hours, downloading in the background, and stops checking when stopped', () => {
    const { updater, intervals, cleared } = setup();
    expect(autoUpdater.checks).toBe(1);
    expect(autoUpdater.autoDownload).toBe(true);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true);
    expect(intervals.map((i) => i.ms)).toEqual([UPDATE_INTERVAL_MS]);
    expect(UPDATE_INTERVAL_MS).toBe(14_400_000);
    intervals[0]?.callback();
    expect(autoUpdater.checks).toBe(2);
    updater.stop();
    expect(cleared).toEqual([1]);
    intervals[0]?.callback();
    expect(autoUpdater.checks).toBe(2);
    expect(autoUpdater.listenerCount('update-downloaded')).toBe(0);
  });

  it('waits while an account is exposed: no dialog, no install, a status line', async () => {
    const { updater, logger, lines, setExposed } = setup();
    setExposed([long]);
    autoUpdater.downloaded('0.2.0');
    await settle();
    setExposed([{ ...long, openPositions: 2, workingOrders: 1 }]);
    await settle();
    expect(dialog.messageBoxes).toEqual([]);
    expect(autoUpdater.installs).toEqual([]);
    expect(updater.phase()).toBe('waiting');
    expect(lines).toEqual([UPDATE_WAITING_LINE]);
    expect(logger.lines).toContainEqual({
      level: 'info',
      message: 'update ready; waiting until every account is flat',
      context: { version: '0.2.0', exposed: ['Combine 50K (1 open, 0 working)'] },
    });
  });

  it('offers the restart once every account is flat, and installs on "Restart now"', async () => {
    const { updater, setExposed, lines } = setup();
    setExposed([long]);
    autoUpdater.downloaded('0.2.0');
    expect(dialog.messageBoxes).toEqual([]);
    dialog.answers.push(0);
    setExposed([]);
    await settle();
    expect(dialog.messageBoxes).toEqual([
      {
        type: 'info',
        title: 'Warden update',
        message: 'Warden 0.2.0 is ready to install',
        detail: 'Every account is flat. Warden restarts to install the update and is back in a few seconds.',
        buttons: ['Restart now', 'Later'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      },
    ]);
    expect(autoUpdater.installs).toEqual([{ isSilent: true, isForceRunAfter: true }]);
    expect(updater.phase()).toBe('installing');
    expect(lines).toEqual([UPDATE_WAITING_LINE, null]);
  });

  it('asks at once when the update arrives with every account flat', async () => {
    setup();
    dialog.answers.push(0);
    autoUpdater.downloaded('0.3.1');
    await settle();
    expect(dialog.messageBoxes.map((box) => box.message)).toEqual(['Warden 0.3.1 is ready to install']);
    expect(autoUpdater.installs).toHaveLength(1);
  });

  it('does not install when a position opened while the dialog was up, and waits again', async () => {
    const { updater, logger, lines, setExposed } = setup();
    const shown = vi.spyOn(dialog, 'showMessageBox').mockImplementation(() => {
      setExposed([long]);
      return Promise.resolve({ response: 0, checkboxChecked: false });
    });
    autoUpdater.downloaded('0.2.0');
    await settle();
    expect(shown).toHaveBeenCalledTimes(1);
    expect(autoUpdater.installs).toEqual([]);
    expect(updater.phase()).toBe('waiting');
    expect(lines).toEqual([UPDATE_WAITING_LINE]);
    expect(logger.lines).toContainEqual({
      level: 'warn',
      message: 'update restart held back: an account became exposed',
      context: { version: '0.2.0', exposed: ['Combine 50K (1 open, 0 working)'] },
    });
    shown.mockRestore();
    dialog.answers.push(0);
    setExposed([]);
    await settle();
    expect(autoUpdater.installs).toEqual([{ isSilent: true, isForceRunAfter: true }]);
  });

  it('on "Later" installs nothing and does not ask again for that version', async () => {
    const { updater, lines, setExposed } = setup();
    dialog.answers.push(1);
    autoUpdater.downloaded('0.2.0');
    await settle();
    expect(updater.phase()).toBe('deferred');
    setExposed([long]);
    setExposed([]);
    autoUpdater.downloaded('0.2.0');
    await settle();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(autoUpdater.installs).toEqual([]);
    expect(lines).toEqual([UPDATE_DEFERRED_LINE]);
    dialog.answers.push(0);
    autoUpdater.downloaded('0.2.1');
    await settle();
    expect(dialog.messageBoxes.map((box) => box.message)).toEqual([
      'Warden 0.2.0 is ready to install',
      'Warden 0.2.1 is ready to install',
    ]);
    expect(autoUpdater.installs).toHaveLength(1);
  });

  it('treats an exposure it cannot ask about as exposed', async () => {
    const { updater, logger } = setup({
      exposedAccounts: () => {
        throw new Error('core stopped');
      },
    });
    autoUpdater.downloaded('0.2.0');
    await settle();
    expect(dialog.messageBoxes).toEqual([]);
    expect(updater.phase()).toBe('waiting');
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'could not ask which accounts are exposed; the update waits',
      context: { error: 'core stopped' },
    });
  });

  it('installs nothing when stopped while the dialog is up', async () => {
    const { updater } = setup();
    dialog.answers.push(0);
    autoUpdater.downloaded('0.2.0');
    updater.stop();
    await settle();
    expect(autoUpdater.installs).toEqual([]);
  });

  it('logs an updater error once and throws nothing', async () => {
    const { updater, logger } = setup();
    autoUpdater.fail(new Error('net::ERR_NAME_NOT_RESOLVED'));
    autoUpdater.checkError = new Error('HttpError: 404');
    await expect(updater.check()).resolves.toBeUndefined();
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([
      { level: 'error', message: 'update error', context: { error: 'net::ERR_NAME_NOT_RESOLVED' } },
      { level: 'error', message: 'update error', context: { error: 'HttpError: 404' } },
    ]);
  });

  it('logs a failed check that raised no error event', async () => {
    const { updater, logger } = setup();
    vi.spyOn(autoUpdater, 'checkForUpdates').mockRejectedValueOnce(new Error('offline'));
    await updater.check();
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'update check failed',
      context: { error: 'offline' },
    });
  });

  it("routes electron-updater's own lines into the log", () => {
    const { logger } = setup();
    autoUpdater.logger?.info('Checking for update');
    expect(logger.lines).toContainEqual({ level: 'info', message: 'electron-updater: Checking for update' });
  });
});
