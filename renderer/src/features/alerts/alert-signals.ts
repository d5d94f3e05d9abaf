// Turns newly arrived alerts into signals: a sound for a critical one (unless muted) and, in the browser host, a
// browser notification for those the core marked `notify` (the core's policy already limited them: RULES §5).
// Only new alerts signal: the recent ones a (re)connection brings were signalled when they were new.
import type { AlertView } from '../../../../shared/ipc';
import type { AlertsStore } from '../../state/alerts-store';

export type AlertSinks = {
  /** Plays the critical sound. */
  beep(): void;
  muted(): boolean;
  /** A browser notification; absent in the desktop host, whose main process notifies natively. */
  notify?: (alert: AlertView) => void;
};

export function watchAlertSignals(store: AlertsStore, sinks: AlertSinks): () => void {
  return store.subscribe((state, previous) => {
    if (state.arrived === previous.arrived) return;
    let critical = false;
    for (const alert of state.arrived) {
      if (!alert.notify) continue;
      if (alert.level === 'critical') critical = true;
      sinks.notify?.(alert);
    }
    // One sound for a burst, however many criticals it held.
    if (critical && !sinks.muted()) sinks.beep();
  });
}
