// Native notifications: one per pushed warning or critical alert, and one for the outcome of a flatten started
// from the desktop. The wording lives in pure functions so it is tested without Electron. Never silent about
// itself: a system without notifications, or one that refuses them, raises a standing notice (banner and tray).
import { app, Notification, type NotificationConstructorOptions } from 'electron';
import type {
  AlertView,
  CommandResponse,
  HostNotice,
  StateView,
  TestNotificationResult,
} from '../../shared/ipc';
import type { Logger } from '../platform/logger';
import type { HostNotices } from './host-notices';

/**
 * Windows shows a notification only for an app with an AppUserModelID matching its Start-menu shortcut; the NSIS
 * installer names that shortcut with electron-builder's `appId`, so the two must be equal.
 */
export const APP_USER_MODEL_ID = 'app.warden.desktop';

/** The notice id under which every notification problem is shown (one at a time: a new one replaces it). */
export const NOTIFICATIONS_NOTICE_ID = 'notifications';

export const TEST_NOTIFICATION_TITLE = 'Warden test notification';

export type NotificationContent = { title: string; body: string; urgency: 'low' | 'normal' | 'critical' };

export type Notifier = {
  /** `subject`: who it is about, by name ("Apex 7 (Apex 50Ks)"), when the alert is about an account. */
  alert(alert: AlertView, subject?: string | null): void;
  flattenResult(response: CommandResponse<'flatten'>, accounts: StateView['accounts']): void;
  /** Something the desktop host itself did (the tray's lock for the day). */
  notice(content: NotificationContent): void;
  /** Shows a test notification; resolves once the system confirms it was shown, or says why it was not. */
  test(): Promise<TestNotificationResult>;
};

/**
 * The core's alert policy decides (`notify`): warnings, criticals and a completed flatten reach the desktop. The
 * title names the account (and its groups) first: with many accounts, "which one?" is the first question.
 */
export function alertNotification(alert: AlertView, subject?: string | null): NotificationContent | null {
  if (!alert.notify) return null;
  return {
    title: subject === undefined || subject === null ? alert.title : `${subject}: ${alert.title}`,
    body: alert.message,
    urgency: alert.level === 'critical' ? 'critical' : 'normal',
  };
}

/** "Flatten complete: SIM-50K is flat", or a failure that tells the trader to act by hand. */
export function flattenNotification(
  response: CommandResponse<'flatten'>,
  accounts: StateView['accounts'],
): NotificationContent {
  if (!response.ok) {
    return { title: 'Flatten FAILED: act manually', body: response.error, urgency: 'critical' };
  }
  const name = (id: string): string => accounts.find((account) => account.id === id)?.name ?? id;
  const failed = response.result.reports.filter((report) => !report.flat);
  if (failed.length > 0) {
    const details = failed.map(
      (report) => `${name(report.account)}: ${report.error ?? 'not confirmed flat'}`,
    );
    return { title: 'Flatten FAILED: act manually', body: details.join('\n'), urgency: 'critical' };
  }
  const reports = response.result.reports;
  if (reports.length === 0)
    return { title: 'Flatten complete', body: 'No accounts to flatten', urgency: 'normal' };
  const names = reports.map((report) => name(report.account));
  const subject = names.length === 1 ? `${names.join('')} is flat` : `${names.join(', ')} are flat`;
  const body = reports.map(
    (report) =>
      `${name(report.account)}: ${plural(report.closedPositions, 'position')} closed, ` +
      `${plural(report.cancelledOrders, 'order')} cancelled`,
  );
  return { title: `Flatten complete: ${subject}`, body: body.join('\n'), urgency: 'normal' };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A flatten of exactly one account is about that account; any other is about none. */
export function flattenAccount(response: CommandResponse<'flatten'>): string | null {
  if (!response.ok || response.result.reports.length !== 1) return null;
  return response.result.reports[0]?.account ?? null;
}

/**
 * How a notification behaves on screen: a critical one stays until dismissed and sounds (macOS plays the named
 * sound; elsewhere the system's own sound, never silenced); the others time out as the system decides.
 */
export function notificationOptions(
  content: NotificationContent,
  platform: NodeJS.Platform,
): NotificationConstructorOptions {
  const base = { title: content.title, body: content.body };
  if (content.urgency !== 'critical') return { ...base, urgency: content.urgency, timeoutType: 'default' };
  return {
    ...base,
    urgency: 'critical',
    timeoutType: 'never',
    silent: false,
    ...(platform === 'darwin' ? { sound: 'Basso' } : {}),
  };
}

/** Where the trader lets Warden's notifications through, per system. */
export function notificationsFix(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'win32':
      return (
        'Open Settings > System > Notifications: turn notifications on, allow Warden, and let it through ' +
        'Focus Assist / Do Not Disturb (add Warden to the priority list).'
      );
    case 'darwin':
      return (
        'Open System Settings > Notifications > Warden and allow notifications; in System Settings > Focus, ' +
        'add Warden to the allowed apps of each Focus you use.'
      );
    default:
      return (
        "Check that your desktop's notification service is running and that Do Not Disturb is off (or lets " +
        "Warden through) in your desktop's notification settings."
      );
  }
}

/** The standing notice for notifications that cannot reach the trader; `error` is the system's reason. */
export function notificationsNotice(platform: NodeJS.Platform, error: string | null): HostNotice {
  const reason =
    error === null
      ? 'This system does not support desktop notifications.'
      : `The system refused a notification: ${error}.`;
  return {
    id: NOTIFICATIONS_NOTICE_ID,
    level: 'critical',
    title: 'Desktop notifications are not available',
    message: `${reason} Alerts still show in this window and in the tray.`,
    fix: notificationsFix(platform),
  };
}

/** The test notification: ordinary urgency, and the hint for when it does not appear. */
export function testNotificationContent(platform: NodeJS.Platform): NotificationContent {
  const quiet =
    platform === 'darwin'
      ? 'a Focus mode'
      : platform === 'win32'
        ? 'Focus Assist / Do Not Disturb'
        : 'Do Not Disturb';
  return {
    title: TEST_NOTIFICATION_TITLE,
    body:
      "If you can read this, Warden's alerts can reach you. Did it come without a banner or a sound? " +
      `${quiet} may be holding them back: let Warden through.`,
    urgency: 'normal',
  };
}

export const TEST_TIMEOUT_MS = 5_000;
export const UNSUPPORTED_ERROR = 'desktop notifications are not supported on this system';
export const NO_CONFIRMATION_ERROR = 'no confirmation from the system';

export type NotifierOptions = {
  /** A notification was clicked: show the window, on this account when the notification is about one. */
  onOpen: (accountId: string | null) => void;
  notices: HostNotices;
  logger: Logger;
  /** process.platform unless a test says otherwise. */
  platform?: NodeJS.Platform;
  /** How long `test()` waits for the system to confirm the test notification. */
  testTimeoutMs?: number;
  /** Runs `callback` after `ms`; returns the cancel. setTimeout unless a test says otherwise. */
  setTimer?: (callback: () => void, ms: number) => () => void;
};

function realTimer(callback: () => void, ms: number): () => void {
  const timer = setTimeout(callback, ms);
  return () => {
    clearTimeout(timer);
  };
}

/** Shows notifications where the OS supports them; clicking one shows the window (and its account). */
export function createNotifier(options: NotifierOptions): Notifier {
  const platform = options.platform ?? process.platform;
  const logger = options.logger;
  // Before anything is shown: without it Windows drops every notification of the app.
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const supported = (): boolean => {
    if (Notification.isSupported()) return true;
    options.notices.raise(notificationsNotice(platform, null));
    return false;
  };
  if (!supported()) logger.warn('desktop notifications are not supported here', { platform });
  // Held until closed: a collected Notification loses its click handler on some platforms.
  const open = new Set<Notification>();
  const create = (content: NotificationContent, accountId: string | null): Notification => {
    const notification = new Notification(notificationOptions(content, platform));
    open.add(notification);
    notification.on('click', () => {
      options.onOpen(accountId);
    });
    notification.on('close', () => open.delete(notification));
    notification.on('failed', (_event, error) => {
      open.delete(notification);
      logger.error('a notification failed', { title: content.title, error });
      options.notices.raise(notificationsNotice(platform, error));
    });
    return notification;
  };
  const show = (content: NotificationContent | null, accountId: string | null = null): void => {
    if (content === null) return;
    if (!supported()) {
      logger.warn('a notification was not shown: unsupported here', { title: content.title });
      return;
    }
    create(content, accountId).show();
  };
  const test = (): Promise<TestNotificationResult> => {
    if (!supported()) return Promise.resolve({ ok: false, error: UNSUPPORTED_ERROR });
    return new Promise((resolve) => {
      let settled = false;
      let cancelTimer = (): void => undefined;
      const settle = (result: TestNotificationResult): void => {
        if (settled) return;
        settled = true;
        cancelTimer();
        if (result.ok) options.notices.clear(NOTIFICATIONS_NOTICE_ID);
        else logger.warn('the test notification was not confirmed', { error: result.error });
        resolve(result);
      };
      const notification = create(testNotificationContent(platform), null);
      notification.on('show', () => {
        settle({ ok: true });
      });
      notification.on('failed', (_event, error) => {
        settle({ ok: false, error });
      });
      cancelTimer = (options.setTimer ?? realTimer)(() => {
        settle({ ok: false, error: NO_CONFIRMATION_ERROR });
      }, options.testTimeoutMs ?? TEST_TIMEOUT_MS);
      notification.show();
    });
  };
  return {
    alert: (alert, subject) => {
      show(alertNotification(alert, subject), alert.account);
    },
    flattenResult: (response, accounts) => {
      show(flattenNotification(response, accounts), flattenAccount(response));
    },
    notice: (content) => {
      show(content);
    },
    test,
  };
}
