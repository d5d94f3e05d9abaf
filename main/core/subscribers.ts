// The hosts' subscriptions to the core's pushes: a new listener first hears its greeting, to it alone (the
// recent alerts: that is how a page gets the alerts it missed), then every message, in the order sent.
import type { AlertView } from '../../shared/ipc';
import type { PushMessage, WardenCore } from './types';

export type Listener = (message: PushMessage) => void;

export type Subscribers = {
  /** `greeting` goes to this listener before anything else. Returns the unsubscribe function. */
  subscribe(listener: Listener, greeting: PushMessage): () => void;
  emit(message: PushMessage): void;
  /** How many listen now: a state nobody hears is not built. */
  count(): number;
};

export function createSubscribers(): Subscribers {
  const listeners = new Set<Listener>();
  return {
    subscribe(listener, greeting) {
      listener(greeting);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(message) {
      for (const listener of listeners) listener(message);
    },
    count: () => listeners.size,
  };
}

/** The recent alerts, newest first, for a reader that wants them once (GET /api/state serves them). */
export function recentAlerts(core: Pick<WardenCore, 'subscribe'>): AlertView[] {
  let alerts: AlertView[] = [];
  const unsubscribe = core.subscribe((message) => {
    if (message.type === 'alerts') alerts = message.payload;
  });
  unsubscribe();
  return alerts;
}
