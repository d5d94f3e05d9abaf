// The hosts' subscriptions to the core's pushes: every listener hears every message, in the order sent.
import type { PushMessage } from './types';

export type Listener = (message: PushMessage) => void;

export type Subscribers = {
  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
  emit(message: PushMessage): void;
};

export function createSubscribers(): Subscribers {
  const listeners = new Set<Listener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(message) {
      for (const listener of listeners) listener(message);
    },
  };
}
