// The rule editor's draft: the config in force, read once from the core and then edited by the form; the
// accounts it can edit (guarded or named in the config) and the config's groups, the one chosen (an account, or
// a group as groupChoice(id)), and the draft validated for it.
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../../lib/use-command';
import { useView } from '../../state';
import { validateDraft, type Draft, type Validation } from './config-draft';
import { chosenGroup, groupsOf } from './group-draft';

export type RuleDraft = {
  loadError: string | null;
  draft: Draft | null;
  setDraft: (draft: Draft) => void;
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
  const [getConfig] = useCommand('getConfig');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    void getConfig({}).then((response) => {
      if (!response.ok) setLoadError(response.error);
      else setDraft((response.result.config ?? {}) as Draft);
    });
  }, [getConfig]);

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
  return {
    loadError,
    draft,
    setDraft,
    accounts,
    groups,
    account,
    group,
    chooseAccount: setChosen,
    validation,
  };
}
