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
  /**
   * The broker commands starting in this turn leave before the trader is told: the alerts raised from now on are
   * held, each with the time it was raised, and kept, logged and pushed in order once the turn's microtasks have
   * run (the commands are handed to the broker in them).
   */
  holdForCommands(): void;
  /** Tells what is held, now (at stop, before the store closes). */
  tellHeld(): void;
};

export type AlertOptions = { notify?: boolean; figures?: LevelFigures | undefined; topic?: AlertTopic };

export function createAlertFeed(deps: {
  store: Alerts;
  clock: Clock;
  logger: Logger;
  onAlert(alert: AlertView): void;
}): AlertFeed {
  const recent: AlertView[] = deps.store.recent(ALERTS_SHOWN);
  let held: AlertView[] | null = null;
  let release: NodeJS.Immediate | undefined;

  const tell = (alert: AlertView): void => {
    recent.unshift(alert);
    recent.length = Math.min(recent.length, ALERTS_SHOWN);
    deps.store.add(alert);
    deps.logger.info('alert', {
      alertLevel: alert.level,
      account: alert.account,
      title: alert.title,
      message: alert.message,
    });
    deps.onAlert(alert);
  };

  const tellHeld = (): void => {
    if (release !== undefined) clearImmediate(release);
    release = undefined;
    const alerts = held ?? [];
    held = null;
    // Out of the pipeline's turn, nobody above would catch it: one alert that cannot be kept stops no other.
    for (const alert of alerts) {
      try {
        tell(alert);
      } catch (error) {
        deps.logger.error('alert not kept', { title: alert.title, reason: (error as Error).message });
      }
    }
  };

  return {
    recent,
    holdForCommands() {
      if (held !== null) return;
      held = [];
      release = setImmediate(tellHeld);
    },
    tellHeld,
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
      if (held === null) tell(alert);
      else held.push(alert);
    },
  };
}
