// A one-way "something changed" line from a part built earlier to one built later (enforcement's state to the
// view publisher), so the wiring stays in dependency order: the later part listens once it exists.
export type Signal = { notify: () => void; listen: (listener: () => void) => void };

export function createSignal(): Signal {
  const listeners: (() => void)[] = [];
  return {
    notify() {
      for (const listener of listeners) listener();
    },
    listen(listener) {
      listeners.push(listener);
    },
  };
}
