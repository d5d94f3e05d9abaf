// Native notifications: what a trader is told for an alert and for the outcome of a flatten, how each behaves on
// screen, where a click leads, and that a system that cannot show them says so (a standing notice).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { Notification, app, callLog, resetElectronFake } from '../../mocks/electron';
import type { CommandResponse, FlattenReport, HostNotice } from '../../../shared/ipc';
import { memoryLogger } from '../../../main/platform/logger';
import { createHostNotices } from '../../../main/desktop/host-notices';
import {
  APP_USER_MODEL_ID,
  NO_CONFIRMATION_ERROR,
  TEST_TIMEOUT_MS,
  UNSUPPORTED_ERROR,
  alertNotification,
  createNotifier,
  flattenNotification,
  notificationOptions,
  notificationsFix,
  type NotifierOptions,
} from '../../../main/desktop/notifications';
import { accountView, alertView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

const accounts = [accountView('acc-1', 'SIM-50K'), accountView('acc-2', 'SIM-100K')];
const report = (account: string, flat: boolean, extra: Partial<FlattenReport> = {}): FlattenReport => ({
  account,
  flat,
  cancelledOrders: 1,
  closedPositions: 2,
  elapsedMs: 420,
  ...extra,
});
const flattened = (...reports: FlattenReport[]): CommandResponse<'flatten'> => ({
  ok: true,
  result: { reports },
});

describe('alertNotification', () => {
  it.each([
    ['critical', 'critical'],
    ['warning', 'normal'],
  ] as const)('shows a %s alert with %s urgency', (level, urgency) => {
    const alert = alertView({ level, title: 'Daily loss 80%', message: 'SIM-50K is at -$800.00' });
    expect(alertNotification(alert)).toEqual({
      title: 'Daily loss 80%',
      body: 'SIM-50K is at -$800.00',
      urgency,
    });
  });

  it('keeps alerts the core does not mark for notifying in the window', () => {
    expect(alertNotification(alertView({ level: 'info', notify: false }))).toBeNull();
  });

  it('notifies an info alert the core marks for notifying (a completed flatten)', () => {
    const flat = alertView({
      level: 'info',
      notify: true,
      title: 'Flatten complete',
      message: 'SIM-50K is flat (40 ms).',
    });
    expect(alertNotification(flat)).toEqual({
      title: 'Flatten complete',
      body: 'SIM-50K is flat (40 ms).',
      urgency: 'normal',
    });
  });
});

describe('flattenNotification', () => {
  it.each([
    [
      'one account flat',
      flattened(report('acc-1', true)),
      { title: 'Flatten complete: SIM-50K is flat', body: 'SIM-50K: 2 positions closed, 1 order cancelled' },
    ],
    [
      'two accounts flat',
      flattened(report('acc-1', true), report('acc-2', true, { closedPositions: 1, cancelledOrders: 0 })),
      {
        title: 'Flatten complete: SIM-50K, SIM-100K are flat',
        body: 'SIM-50K: 2 positions closed, 1 order cancelled\nSIM-100K: 1 position closed, 0 orders cancelled',
      },
    ],
    [
      'an account not confirmed flat',
      flattened(report('acc-1', true), report('acc-2', false, { error: 'close rejected: market closed' })),
      { title: 'Flatten FAILED: act manually', body: 'SIM-100K: close rejected: market closed' },
    ],
    [
      'not flat, no reason given',
      flattened(report('acc-9', false)),
      { title: 'Flatten FAILED: act manually', body: 'acc-9: not confirmed flat' },
    ],
    [
      'the command failing',
      { ok: false, error: 'broker disconnected' } as const,
      { title: 'Flatten FAILED: act manually', body: 'broker disconnected' },
    ],
    ['no accounts', flattened(), { title: 'Flatten complete', body: 'No accounts to flatten' }],
  ])('%s', (_name, response, expected) => {
    expect(flattenNotification(response, accounts)).toMatchObject(expected);
  });

  it('marks a failure critical', () => {
    expect(flattenNotification(flattened(report('acc-1', false)), accounts).urgency).toBe('critical');
  });
});

describe('notificationOptions', () => {
  const critical = { title: 'Daily loss limit breached', body: 'SIM-50K', urgency: 'critical' } as const;
  const warning = { title: 'Daily loss 80%', body: 'SIM-50K', urgency: 'normal' } as const;

  it.each(['win32', 'linux'] as const)('keeps a critical alert on screen with a sound on %s', (platform) => {
    expect(notificationOptions(critical, platform)).toEqual({
      title: 'Daily loss limit breached',
      body: 'SIM-50K',
      urgency: 'critical',
      timeoutType: 'never',
      silent: false,
    });
  });

  it('plays a named sound for a critical alert on macOS', () => {
    expect(notificationOptions(critical, 'darwin')).toEqual({
      title: 'Daily loss limit breached',
      body: 'SIM-50K',
      urgency: 'critical',
      timeoutType: 'never',
      silent: false,
      sound: 'Basso',
    });
  });

  it.each(['win32', 'darwin', 'linux'] as const)('lets a warning time out as usual on %s', (platform) => {
    expect(notificationOptions(warning, platform)).toEqual({
      title: 'Daily loss 80%',
      body: 'SIM-50K',
      urgency: 'normal',
      timeoutType: 'default',
    });
  });
});

describe('the AppUserModelID', () => {
  it("is electron-builder's appId (the Start-menu shortcut Windows matches notifications against)", () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { appId?: unknown };
    expect(APP_USER_MODEL_ID).toBe('app.warden.desktop');
    expect(config.appId).toBe(APP_USER_MODEL_ID);
  });
});

/** A timer the test fires by hand: no real time passes. */
function manualTimer() {
  const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    timers,
    setTimer: (callback: () => void, ms: number) => {
      const timer = { callback, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    fire() {
      for (const timer of timers) if (!timer.cancelled) timer.callback();
    },
  };
}

function setup(overrides: Partial<NotifierOptions> = {}) {
  const logger = memoryLogger();
  const notices = createHostNotices(logger);
  const shownNotices: HostNotice[][] = [];
  notices.onChange((list) => shownNotices.push(list));
  const onOpen = vi.fn<(accountId: string | null) => void>();
  const timer = manualTimer();
  const notifier = createNotifier({
    onOpen,
    notices,
    logger,
    platform: 'linux',
    setTimer: timer.setTimer,
    ...overrides,
  });
  return { notifier, notices, shownNotices, onOpen, logger, timer };
}

const unsupportedNotice = (platform: NodeJS.Platform): HostNotice => ({
  id: 'notifications',
  level: 'critical',
  title: 'Desktop notifications are not available',
  message:
    'This system does not support desktop notifications. Alerts still show in this window and in the tray.',
  fix: notificationsFix(platform),
});

const refusedNotice = (error: string): HostNotice => ({
  id: 'notifications',
  level: 'critical',
  title: 'Desktop notifications are not available',
  message: `The system refused a notification: ${error}. Alerts still show in this window and in the tray.`,
  fix: notificationsFix('win32'),
});

describe('the notifier', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('shows a native notification for a critical alert that stays and sounds; a click opens its account', () => {
    const { notifier, onOpen } = setup();
    notifier.alert(alertView({ level: 'critical', title: 'Trailing drawdown breached', account: 'acc-2' }));
    expect(Notification.shown.map((shown) => shown.options)).toEqual([
      expect.objectContaining({
        title: 'Trailing drawdown breached',
        urgency: 'critical',
        timeoutType: 'never',
        silent: false,
      }),
    ]);
    Notification.shown[0]?.emit('click');
    expect(onOpen.mock.calls).toEqual([['acc-2']]);
  });

  it('shows a warning with normal urgency and the default timeout', () => {
    const { notifier } = setup();
    notifier.alert(alertView({ level: 'warning', title: 'Daily loss 80%' }));
    expect(Notification.shown[0]?.options).toEqual(
      expect.objectContaining({ urgency: 'normal', timeoutType: 'default' }),
    );
  });

  it('opens the window on no account for an alert about none, and for a host notice', () => {
    const { notifier, onOpen } = setup();
    notifier.alert(alertView({ account: null }));
    notifier.notice({ title: 'Locked for the day', body: 'SIM-50K', urgency: 'normal' });
    for (const shown of Notification.shown) shown.emit('click');
    expect(onOpen.mock.calls).toEqual([[null], [null]]);
  });

  it('shows the flatten result; a click opens the account when it was the only one', () => {
    const { notifier, onOpen } = setup();
    notifier.flattenResult(flattened(report('acc-1', true)), accounts);
    notifier.flattenResult(flattened(report('acc-1', true), report('acc-2', true)), accounts);
    expect(Notification.shown[0]?.options.title).toBe('Flatten complete: SIM-50K is flat');
    for (const shown of Notification.shown) shown.emit('click');
    expect(onOpen.mock.calls).toEqual([['acc-1'], [null]]);
  });

  it('sets the AppUserModelID on Windows before the first notification is shown', () => {
    const { notifier } = setup({ platform: 'win32' });
    notifier.alert(alertView({ title: 'Daily loss limit breached' }));
    expect(app.userModelId).toBe('app.warden.desktop');
    expect(callLog).toEqual([
      'app.setAppUserModelId app.warden.desktop',
      'Notification.show Daily loss limit breached',
    ]);
  });

  it.each(['darwin', 'linux'] as const)('leaves the AppUserModelID alone on %s', (platform) => {
    setup({ platform });
    expect(app.userModelId).toBeNull();
  });

  it.each(['win32', 'darwin', 'linux'] as const)(
    'says at once, on screen, when %s has no notifications; the alerts still reach the window',
    (platform) => {
      Notification.supported = false;
      const { notifier, notices, logger } = setup({ platform });
      expect(notices.list()).toEqual([unsupportedNotice(platform)]);
      notifier.alert(alertView());
      expect(Notification.shown).toEqual([]);
      expect(notices.list()).toEqual([unsupportedNotice(platform)]);
      expect(logger.lines.map((line) => line.level)).not.toContain('info');
      expect(logger.lines.map((line) => line.level)).toEqual(['error', 'warn', 'warn']);
    },
  );

  it('raises the notice with the error when the system refuses a notification', () => {
    const { notifier, notices, logger } = setup({ platform: 'win32' });
    Notification.failNext = 'toast notifier: access denied';
    notifier.alert(alertView({ title: 'Daily loss limit breached' }));
    expect(notices.list()).toEqual([refusedNotice('toast notifier: access denied')]);
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'a notification failed',
      context: { title: 'Daily loss limit breached', error: 'toast notifier: access denied' },
    });
  });

  it('keeps the failure on screen after a later alert is shown', () => {
    const { notifier, notices } = setup({ platform: 'win32' });
    Notification.failNext = 'access denied';
    notifier.alert(alertView());
    notifier.alert(alertView({ id: 'alert-2' }));
    expect(Notification.shown).toHaveLength(1);
    expect(notices.list()).toEqual([refusedNotice('access denied')]);
  });
});

describe('the test notification', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('shows "Warden test notification" with the quiet-mode hint and resolves ok once the system shows it', async () => {
    const { notifier, timer } = setup({ platform: 'win32' });
    await expect(notifier.test()).resolves.toEqual({ ok: true });
    const options = Notification.shown[0]?.options;
    expect(options?.title).toBe('Warden test notification');
    expect(options?.urgency).toBe('normal');
    expect(options?.body).toContain('Focus Assist / Do Not Disturb');
    expect(timer.timers.map((t) => [t.ms, t.cancelled])).toEqual([[TEST_TIMEOUT_MS, true]]);
  });

  it.each([
    ['darwin', 'a Focus mode'],
    ['linux', 'Do Not Disturb'],
  ] as const)('names the quiet mode of %s', async (platform, hint) => {
    const { notifier } = setup({ platform });
    await notifier.test();
    expect(Notification.shown[0]?.options.body).toContain(hint);
  });

  it('clears a notification failure once the test notification is shown', async () => {
    const { notifier, notices, shownNotices } = setup({ platform: 'win32' });
    Notification.failNext = 'access denied';
    notifier.alert(alertView());
    await expect(notifier.test()).resolves.toEqual({ ok: true });
    expect(notices.list()).toEqual([]);
    expect(shownNotices).toEqual([[refusedNotice('access denied')], []]);
  });

  it('answers the error, and raises the notice, when the system refuses it', async () => {
    const { notifier, notices } = setup({ platform: 'win32' });
    Notification.failNext = 'access denied';
    await expect(notifier.test()).resolves.toEqual({ ok: false, error: 'access denied' });
    expect(notices.list()).toEqual([refusedNotice('access denied')]);
  });

  it('answers unsupported without showing anything where the system has no notifications', async () => {
    Notification.supported = false;
    const { notifier, notices } = setup();
    await expect(notifier.test()).resolves.toEqual({ ok: false, error: UNSUPPORTED_ERROR });
    expect(UNSUPPORTED_ERROR).toBe('desktop notifications are not supported on this system');
    expect(Notification.shown).toEqual([]);
    expect(notices.list()).toEqual([unsupportedNotice('linux')]);
  });

  it('gives up after the timeout when the system never confirms, and keeps any failure shown', async () => {
    Notification.unconfirmed = true;
    const { notifier, notices, timer, logger } = setup({ platform: 'win32', testTimeoutMs: 1234 });
    Notification.failNext = 'access denied';
    notifier.alert(alertView());
    const result = notifier.test();
    expect(timer.timers.map((t) => t.ms)).toEqual([1234]);
    timer.fire();
    await expect(result).resolves.toEqual({ ok: false, error: NO_CONFIRMATION_ERROR });
    expect(NO_CONFIRMATION_ERROR).toBe('no confirmation from the system');
    expect(notices.list()).toEqual([refusedNotice('access denied')]);
    expect(logger.lines).toContainEqual({
      level: 'warn',
      message: 'the test notification was not confirmed',
      context: { error: 'no confirmation from the system' },
    });
  });

  it('waits 5 s by default', () => {
    expect(TEST_TIMEOUT_MS).toBe(5_000);
  });

  it('a click on the test notification shows the window on no account', async () => {
    const { notifier, onOpen } = setup();
    await notifier.test();
    Notification.shown[0]?.emit('click');
    expect(onOpen.mock.calls).toEqual([[null]]);
  });
});
