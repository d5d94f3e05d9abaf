// What the draft would change: previewed with the core a moment after the last edit (the core judges it,
// tighten-only while locked), and Apply, whose outcome is shown until the next edit; after it the screen reads the
// config in force again. The core's own validation errors ("accounts.A1.rules.dailyLoss.amount: …") are kept
// apart so each can stand beside its field.
import { useEffect, useState } from 'react';
import type { CommandResults } from '../../../../shared/ipc';
import { useCommand, type CommandState } from '../../lib/use-command';
import type { Draft, Validation } from './config-draft';
import { splitErrorList } from './rule-errors';

export const PREVIEW_DELAY_MS = 250;

export type Preview = CommandResults['previewConfig'];

export type RuleChanges = {
  preview: Preview | null;
  /** The changes the core made on the last Apply; null once the draft is edited again. */
  applied: string[] | null;
  canApply: boolean;
  applying: CommandState;
  /** The core's validation errors of the draft (its preview's, or its refusal of Apply), as "path: message". */
  coreErrors: string[];
  apply: () => void;
  clearApplied: () => void;
};

const REFUSED_WITH_ERRORS = 'the config has errors: ';

export function useRuleChanges(
  draft: Draft | null,
  validation: Validation | null,
  reload: (applied: boolean) => Promise<void>,
): RuleChanges {
  const [preview, setPreview] = useCorePreview(draft, validation);
  const [setConfig, applying, clearApplyError] = useCommand('setConfig');
  const [applied, setApplied] = useState<string[] | null>(null);
  const canApply =
    validation?.ok === true &&
    preview !== null &&
    preview.problems.length === 0 &&
    preview.changes.length > 0;
  const apply = () => {
    if (draft === null) return;
    void setConfig({ config: draft }).then(async (response) => {
      if (!response.ok) return;
      setApplied(response.result.changes);
      setPreview(null);
      await reload(true);
    });
  };
  const clearApplied = () => {
    setApplied(null);
    clearApplyError();
  };
  const refusal = applying.error?.startsWith(REFUSED_WITH_ERRORS) === true ? applying.error : null;
  const coreErrors = [
    ...(preview?.errors ?? []),
    ...(refusal === null ? [] : splitErrorList(refusal.slice(REFUSED_WITH_ERRORS.length))),
  ];
  return { preview, applied, canApply, applying, coreErrors, apply, clearApplied };
}

/** Asks the core what a valid draft would change, once the draft has stood still for PREVIEW_DELAY_MS. */
function useCorePreview(draft: Draft | null, validation: Validation | null) {
  const [previewConfig] = useCommand('previewConfig');
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    if (draft === null || validation?.ok !== true) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      void previewConfig({ config: draft }).then((response) => {
        setPreview(response.ok ? response.result : null);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, validation, previewConfig]);
  return [preview, setPreview] as const;
}
