// The Notifications screen's draft: its own copy of the config document (the Rules screen's draft store, a second
// instance, so unapplied rule edits are never applied from here nor notify edits from there), read from the core
// when the screen opens, on focus, when the link comes back and every RELOAD_EVERY_MS; previewed and applied as
// the config in force with the draft's notify section (useRuleChanges: previewConfig, then setConfig).
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useStores, type Stores } from '../../state';
import { sameDocument, validateDraft } from '../rules/config-draft';
import { createRuleDraftStore, type RuleDraftStore } from '../rules/rule-draft-store';
import { useRuleChanges, type RuleChanges } from '../rules/use-rule-changes';
import { useConfigReload } from '../rules/use-rule-draft';
import { documentToApply, notifyOf, withNotify, type NotifySection } from './notify-draft';

const stores = new WeakMap<Stores, RuleDraftStore>();

/** The notify draft store of a window's stores, made the first time it is asked for. */
export function notifyDraftStoreOf(owner: Stores): RuleDraftStore {
  let store = stores.get(owner);
  if (store === undefined) {
    store = createRuleDraftStore();
    stores.set(owner, store);
  }
  return store;
}

export type NotifyDraft = {
  loadError: string | null;
  /** The draft's notify section; null until the config in force is read. */
  section: NotifySection | null;
  /** The notify section in force. */
  inForce: NotifySection;
  /** Changes the draft's notify section as it stands now. */
  edit: (change: (section: NotifySection) => NotifySection) => void;
  dirty: boolean;
  discard: () => void;
  /** The document's validation errors, the shared schema's and the core's, as "path: message". */
  errors: string[];
  canApply: boolean;
  changes: RuleChanges;
};

export function useNotifyDraft(): NotifyDraft {
  const store = notifyDraftStoreOf(useStores());
  const { draft, inForce, loadError } = useStore(
    store,
    useShallow((s) => ({ draft: s.draft, inForce: s.inForce, loadError: s.loadError })),
  );
  // Without a document in force, applying the notify section alone would drop every other setting.
  const reload = useConfigReload(store, 'Warden has no config in force to change yet');
  const document = useMemo(
    () => (draft === null || inForce === null ? null : documentToApply(inForce, draft)),
    [draft, inForce],
  );
  const validation = useMemo(() => (document === null ? null : validateDraft(document, null)), [document]);
  const changes = useRuleChanges(document, validation, reload);
  const dirty = draft !== null && inForce !== null && !sameDocument(notifyOf(draft), notifyOf(inForce));
  const errors = [...new Set([...(validation?.errors ?? []), ...changes.coreErrors])];
  // The core's preview lists rule changes only: a notify change is applicable once the core finds no problem.
  const canApply =
    dirty && validation?.ok === true && changes.preview !== null && changes.preview.problems.length === 0;
  const edit = (change: (section: NotifySection) => NotifySection) => {
    const current = store.getState().draft;
    if (current === null) return;
    store.getState().edit(withNotify(current, change(notifyOf(current))));
    changes.clearApplied();
  };
  return {
    loadError,
    section: draft === null ? null : notifyOf(draft),
    inForce: notifyOf(inForce),
    edit,
    dirty,
    discard: () => {
      store.getState().discard();
      changes.clearApplied();
    },
    errors,
    canApply,
    changes,
  };
}

/** Reads the config in force now, when the window regains focus, when the link opens, and every so often. */
