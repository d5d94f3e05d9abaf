// The state of the link to the host (open, reconnecting, unauthorized), mirrored from the api module.
import { createStore } from 'zustand/vanilla';
import type { LinkStatus } from '../api';

export type LinkState = { status: LinkStatus; setStatus(status: LinkStatus): void };

export function createLinkStore(initial: LinkStatus = { kind: 'connecting' }) {
  return createStore<LinkState>()((set) => ({
    status: initial,
    setStatus(status) {
      set({ status });
    },
  }));
}

export type LinkStore = ReturnType<typeof createLinkStore>;
