// Native notifications: one per pushed warning or critical alert, and one for the outcome of a flatten started
// from the desktop. The wording lives in pure functions so it is tested without Electron.
import { Notification } from 'electron';
import type { AlertView, CommandResponse, StateView } from '../../shared/ipc';
import type { Logger } from '../platform/logger';

export type NotificationContent = { title: string; body: string; urgency: 'low' | 'normal' | 'critical' };

export type Notifier = {
  alert(alert: AlertView): void;
  flattenResult(response: CommandResponse<'flatten'>, accounts: StateView['accounts']): void;
  /** Something the desktop host itself did (the tray's lock for the day). */
  notice(content: NotificationContent): void;
};

/** The core's alert policy decides (`notify`): warnings, criticals and a completed flatten reach the desktop. */
export function alertNotification(alert: AlertView): NotificationContent | null {
  if (!alert.notify) return null;
  return {
    title: alert.title,
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

/** Shows notifications where the OS supports them; clicking one brings the window forward. */
export function createNotifier(options: { onClick: () => void; logger: Logger }): Notifier {
  // Held until closed: a collected Notification loses its click handler on some platforms.
  const open = new Set<Notification>();
  const show = (content: NotificationContent | null): void => {
    if (content === null) return;
    if (!Notification.isSupported()) {
      options.logger.info('notifications unsupported here', { title: content.title });
      return;
    }
    const notification = new Notification({
      title: content.title,
      body: content.body,
      urgency: content.urgency,
    });
    open.add(notification);
    notification.on('click', options.onClick);
    notification.on('close', () => open.delete(notification));
    notification.show();
  };
  return {
    alert: (alert) => {
      show(alertNotification(alert));
    },
    flattenResult: (response, accounts) => {
      show(flattenNotification(response, accounts));
    },
    notice: show,
  };
}
