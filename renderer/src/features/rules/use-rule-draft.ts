// The rule editor's draft as the screen uses it: the config in force read from the core when the screen opens,
// when the window regains focus, when the link comes back and every RELOAD_EVERY_MS while it is shown (a file
// or another window may change it); the accounts it can edit and the config's groups, the one chosen (an
// account, or a group as groupChoice(id)), and the draft validated for it. The draft itself lives in the store.
import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../../lib/use-command';
import { useLink, useView } from '../../state';
import { sameDocument, validateDraft, type Draft, type Validation } from './config-draft';
import { chosenGroup, groupsOf } from './group-draft';
import { useRuleDraftState, useRuleDraftStore, type RuleDraftStore } from './rule-draft-store';

export const RELOAD_EVERY_MS = 10_000;

export type RuleDraft = {
  loadError: string | null;
  draft: Draft | null;
  setDraft: (draft: Draft) => void;
  /** Changes the draft as it stands now. */
  update: (change: (draft: Draft) => Draft) => void;
  /** The draft differs from the config in force. */
  dirty: boolean;
  discard: () => void;
  /** The config in force changed underneath unapplied edits. */
  changedUnderneath: boolean;
  /** Reads the config in force again; `applied` after this window's Apply (the draft becomes it). */
  reload: (applied?: boolean) => Promise<void>;
  accounts: string[];
  /** The config's groups, by id. */
  groups: string[];
  /** The account chosen; null when a group is. */
  account: string | null;
  /** The group chosen; null when an account is. */
  group: string | null;
  /** An account's id, or groupChoice(id) for a group. */
  chooseAccount: (choice: string) => void;
  validation: Validation | null;
};

export function useRuleDraft(): RuleDraft {
  const accountIds = useView(useShallow((s) => s.view?.accounts.map((a) => a.id) ?? []));
  const store = useRuleDraftStore();
  const { draft, inForce, loadError, chosen, changedUnderneath } = useRuleDraftState(
    useShallow((s) => ({
      draft: s.draft,
      inForce: s.inForce,
      loadError: s.loadError,
      chosen: s.chosen,
      changedUnderneath: s.changedUnderneath,
    })),
  );
  const reload = useConfigReload(useRuleDraftStore());

  const accounts = useMemo(
    () => [...new Set([...accountIds, ...Object.keys(draft?.accounts ?? {})])],
    [accountIds, draft],
  );
  const groups = useMemo(() => Object.keys(draft === null ? {} : groupsOf(draft)), [draft]);
  const chosenId = chosen === null ? null : chosenGroup(chosen);
  const group = chosenId !== null && groups.includes(chosenId) ? chosenId : null;
  const fallback = chosen !== null && chosen !== '' && chosenId === null ? chosen : (accounts[0] ?? null);
  const account = group === null ? fallback : null;
  const validation = useMemo(() => {
    if (draft === null) return null;
    if (account !== null) return validateDraft(draft, account);
    return group === null ? null : validateDraft(draft, null);
  }, [draft, account, group]);
  const dirty = useMemo(
    () => draft !== null && inForce !== null && !sameDocument(draft, inForce),
    [draft, inForce],
  );
  const { edit, discard, choose } = store.getState();
  return {
    loadError,
    draft,
    setDraft: edit,
    update: (change) => {
      const current = store.getState().draft;
      if (current !== null) edit(change(current));
    },
    dirty,
    discard,
    changedUnderneath,
    reload,
    accounts,
    groups,
    account,
    group,
    chooseAccount: choose,
    validation,
  };
}

/** Reads the config in force now, when the window regains focus, when the link opens, and every so often. */
/**
 * Reads the config in force into `store` now, on focus, when the link comes back and every RELOAD_EVERY_MS.
 * `needsConfig`: the words of the failure when the core has no document in force (else an empty one is read).
 */
export function useConfigReload(
  store: RuleDraftStore,
  needsConfig?: string,
): (applied?: boolean) => Promise<void> {
  const [getConfig] = useCommand('getConfig');
  const linkOpen = useLink((s) => s.status.kind === 'open');
  const reload = useCallback(
    async (applied = false) => {
      const response = await getConfig({});
      const state = store.getState();
      if (!response.ok) {
        state.failed(response.error);
        return;
      }
      const found = response.result.config;
      if (needsConfig !== undefined && (found === null || typeof found !== 'object')) {
        state.failed(needsConfig);
        return;
      }
      const config = (found ?? {}) as Draft;
      if (applied) state.applied(config);
      else state.received(config);
    },
    [getConfig, store, needsConfig],
  );
  useEffect(() => {
    if (!linkOpen) return;
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    const timer = setInterval(onFocus, RELOAD_EVERY_MS);
    return () => {
      window.removeEventListener('focus', onFocus);
      clearInterval(timer);
    };
  }, [linkOpen, reload]);
  return reload;
}
