// What the trader is told: each alert is kept (store), logged, shown in the feed (the newest 50) and pushed to
// the hosts' sinks (desktop notifications and tray, browser notifications).
import { randomUUID } from 'node:crypto';
import type { AlertLevel, AlertTopic, AlertView, LevelFigures } from '../../shared/ipc';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Alerts } from '../store';

export const ALERTS_SHOWN = 50;

export type AlertFeed = {
  /**
   * Warnings and criticals notify by default; an info alert only when `options.notify` says so. `figures`: a
   * rule's level change as measured, kept with the alert for the audit; `topic`: what else it is about.
   */
  raise(
    level: AlertLevel,
    account: string | null,
    title: string,
    message: string,
    options?: AlertOptions,
  ): void;
  /** Newest first, at most ALERTS_SHOWN. */
  readonly recent: readonly AlertView[];
};

export type AlertOptions = { notify?: boolean; figures?: LevelFigures | undefined; topic?: AlertTopic };

export function createAlertFeed(deps: {
  store: Alerts;
  clock: Clock;
  logger: Logger;
  onAlert(alert: AlertView): void;
}): AlertFeed {
  const recent: AlertView[] = deps.store.recent(ALERTS_SHOWN);
  return {
    recent,
    raise(level, account, title, message, options = {}) {
      const { notify = level !== 'info', figures, topic } = options;
      const alert: AlertView = {
        id: randomUUID(),
        t: new Date(deps.clock.now()).toISOString(),
        level,
        account,
        title,
        message,
        notify,
        ...(figures === undefined ? {} : { figures }),
        ...(topic === undefined ? {} : { topic }),
      };
      recent.unshift(alert);
      recent.length = Math.min(recent.length, ALERTS_SHOWN);
      deps.store.add(alert);
      deps.logger.info('alert', { alertLevel: level, account, title, message });
      deps.onAlert(alert);
    },
  };
}
