// The rule editor's draft: the config in force, read once from the core and then edited by the form; the
// accounts it can edit (guarded or named in the config), the one chosen, and the draft validated for it.
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../../lib/use-command';
import { useView } from '../../state';
import { validateDraft, type Draft, type Validation } from './config-draft';

export type RuleDraft = {
  loadError: string | null;
  draft: Draft | null;
  setDraft: (draft: Draft) => void;
  accounts: string[];
  account: string | null;
  chooseAccount: (account: string) => void;
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
  const account = chosen ?? accounts[0] ?? null;
  const validation = useMemo(
    () => (draft === null || account === null ? null : validateDraft(draft, account)),
    [draft, account],
  );
  return { loadError, draft, setDraft, accounts, account, chooseAccount: setChosen, validation };
}
