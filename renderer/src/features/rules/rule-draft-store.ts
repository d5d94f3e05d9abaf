// The rule editor's draft, kept outside the screen so unapplied edits survive switching tabs and are dropped only
// on purpose: the config in force as last read from the core, the trader's edited copy of it, and the account or
// group chosen. One store per window's stores, made on first use.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStores, type Stores } from '../../state';
import { sameDocument, type Draft } from './config-draft';

export type RuleDraftState = {
  /** The config in force as last read; null until read. */
  inForce: Draft | null;
  /** The document the screen edits; equal to inForce while nothing is edited. */
  draft: Draft | null;
  loadError: string | null;
  /** An account's id, or groupChoice(id) for a group; null for the first account. */
  chosen: string | null;
  /** The config in force changed (another window, a script) while the draft had unapplied edits. */
  changedUnderneath: boolean;
  /** The config in force as the core reports it: taken as the draft too unless the trader has edits. */
  received: (config: Draft) => void;
  /** The config in force after this window's Apply: the draft becomes it. */
  applied: (config: Draft) => void;
  failed: (error: string) => void;
  edit: (draft: Draft) => void;
  /** Drops the unapplied edits: the draft is the config in force again. */
  discard: () => void;
  choose: (choice: string) => void;
};

export type RuleDraftStore = StoreApi<RuleDraftState>;

export function createRuleDraftStore(): RuleDraftStore {
  return createStore<RuleDraftState>()((set, get) => ({
    inForce: null,
    draft: null,
    loadError: null,
    chosen: null,
    changedUnderneath: false,
    received: (config) => {
      const { inForce, draft } = get();
      if (inForce !== null && sameDocument(config, inForce)) {
        if (get().loadError !== null) set({ loadError: null });
        return;
      }
      const edited = draft !== null && inForce !== null && !sameDocument(draft, inForce);
      if (!edited || sameDocument(draft, config)) {
        set({ inForce: config, draft: structuredClone(config), loadError: null, changedUnderneath: false });
      } else {
        set({ inForce: config, loadError: null, changedUnderneath: true });
      }
    },
    applied: (config) => {
      set({ inForce: config, draft: structuredClone(config), loadError: null, changedUnderneath: false });
    },
    failed: (error) => {
      set({ loadError: error });
    },
    edit: (draft) => {
      set({ draft });
    },
    discard: () => {
      const { inForce } = get();
      set({ draft: inForce === null ? null : structuredClone(inForce), changedUnderneath: false });
    },
    choose: (chosen) => {
      set({ chosen });
    },
  }));
}

const stores = new WeakMap<Stores, RuleDraftStore>();

/** The rule draft store of a window's stores, made the first time it is asked for. */
export function ruleDraftStoreOf(owner: Stores): RuleDraftStore {
  let store = stores.get(owner);
  if (store === undefined) {
    store = createRuleDraftStore();
    stores.set(owner, store);
  }
  return store;
}

export function useRuleDraftStore(): RuleDraftStore {
  return ruleDraftStoreOf(useStores());
}

export function useRuleDraftState<T>(selector: (state: RuleDraftState) => T): T {
  return useStore(useRuleDraftStore(), selector);
}
