// The rule editor: one account's settings (preset and own limits), validated as typed with the message beside
// the field, a preview of what the change would do (the core judges it, tighten-only while locked), Apply,
// "lock my settings for today", and import/export of the config file.
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CommandResults } from '../../../../shared/ipc';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCommand } from '../../lib/use-command';
import { useView } from '../../state';
import {
  fieldError,
  otherErrors,
  ownValue,
  ruleFields,
  validateDraft,
  withEnabled,
  withParam,
  withPreset,
  type Draft,
} from './config-draft';
import { ConfigTransfer } from './ConfigTransfer';
import { RuleFieldset } from './RuleFieldset';

export const PREVIEW_DELAY_MS = 250;

type Preview = CommandResults['previewConfig'];

export function RuleEditor() {
  const accountIds = useView(useShallow((s) => s.view?.accounts.map((a) => a.id) ?? []));
  const [getConfig] = useCommand('getConfig');
  const [previewConfig] = useCommand('previewConfig');
  const [setConfig, applying] = useCommand('setConfig');
  const [lockSettings, locking] = useCommand('lockSettings');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [applied, setApplied] = useState<string[] | null>(null);
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const [confirmLock, setConfirmLock] = useState(false);

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

  if (loadError !== null) return <p className="note-bad">Could not read the rules: {loadError}</p>;
  if (draft === null || account === null || validation === null)
    return <p className="empty">Loading the rules…</p>;

  const edit = (next: Draft) => {
    setDraft(next);
    setApplied(null);
  };
  const presets = Object.keys(draft.presets ?? {});
  const own = draft.accounts?.[account];
  const effective = validation.effective;
  const canApply =
    validation.ok && preview !== null && preview.problems.length === 0 && preview.changes.length > 0;

  return (
    <section className="panel rule-editor" aria-labelledby="rules-title" data-testid="rule-editor">
      <div className="panel-head">
        <h2 id="rules-title" className="panel-title">
          Rules
        </h2>
        <ConfigTransfer draft={draft} onImport={edit} />
      </div>
      <div className="rule-editor-head">
        <div className="field">
          <label htmlFor="rules-account">Account</label>
          <select
            id="rules-account"
            data-testid="rules-account"
            value={account}
            onChange={(event) => {
              setChosen(event.target.value);
            }}
          >
            {accounts.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rules-preset">Preset</label>
          <select
            id="rules-preset"
            data-testid="rules-preset"
            value={own?.preset ?? ''}
            onChange={(event) => {
              edit(withPreset(draft, account, event.target.value));
            }}
          >
            <option value="">none</option>
            {presets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="rules-grid">
        {ruleFields.map(({ rule, title, fields }) => (
          <RuleFieldset
            key={rule}
            account={account}
            rule={rule}
            title={title}
            fields={fields}
            enabled={isEnabled(draft, account, rule, effective)}
            effective={effective}
            value={(field) => ownValue(draft, account, field.rule, field.param)}
            error={(field) => fieldError(validation.errors, account, field.rule, field.param)}
            onEnabled={(on) => {
              edit(withEnabled(draft, account, rule, on));
            }}
            onChange={(field, value) => {
              edit(withParam(draft, account, field, value));
            }}
          />
        ))}
      </div>
      {otherErrors(validation.errors, account).length > 0 ? (
        <ul className="rule-errors" data-testid="rule-errors" role="alert">
          {otherErrors(validation.errors, account).map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      <ChangePreview preview={preview} applied={applied} />
      {applying.error !== null ? (
        <p className="note-bad" role="alert" data-testid="apply-error">
          {applying.error}
        </p>
      ) : null}
      <div className="rule-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="rules-apply"
          disabled={!canApply || applying.pending}
          onClick={() => {
            void setConfig({ config: draft }).then((response) => {
              if (response.ok) {
                setApplied(response.result.changes);
                setPreview(null);
              }
            });
          }}
        >
          Apply changes
        </button>
        <button
          type="button"
          className="btn"
          data-testid="rules-lock"
          disabled={locking.pending || lockedUntil !== null}
          onClick={() => {
            setConfirmLock(true);
          }}
        >
          {lockedUntil === null ? 'Lock my settings for today' : `Settings locked until ${lockedUntil}`}
        </button>
        {locking.error !== null ? <span className="note-bad">{locking.error}</span> : null}
      </div>
      {confirmLock ? (
        <ConfirmDialog
          title={`Lock ${account}'s settings for today?`}
          confirmLabel="Lock settings"
          confirmTestId="rules-lock-confirm"
          onCancel={() => {
            setConfirmLock(false);
          }}
          onConfirm={() => {
            setConfirmLock(false);
            void lockSettings({ account }).then((response) => {
              if (response.ok) setLockedUntil(new Date(response.result.lockedUntil).toLocaleString());
            });
          }}
        >
          Until the trading day ends, changes to {account}&apos;s rules may only make them stricter.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function isEnabled(draft: Draft, account: string, rule: string, effective: Validation['effective']): boolean {
  const own = draft.accounts?.[account]?.rules?.[rule]?.enabled;
  if (typeof own === 'boolean') return own;
  if (effective !== null) return effective[rule as keyof typeof effective]?.enabled === true;
  return draft.accounts?.[account]?.rules?.[rule] !== undefined;
}

type Validation = ReturnType<typeof validateDraft>;

function ChangePreview({ preview, applied }: { preview: Preview | null; applied: string[] | null }) {
  if (applied !== null)
    return (
      <div className="rule-preview" role="status" data-testid="rules-applied">
        {applied.length === 0 ? 'Nothing changed.' : `Applied: ${applied.join('; ')}`}
      </div>
    );
  if (preview === null) return null;
  return (
    <div className="rule-preview" aria-live="polite" data-testid="rules-preview">
      {preview.problems.map((problem) => (
        <p key={problem} className="note-bad" data-testid="rules-problem">
          {problem}
        </p>
      ))}
      {preview.changes.length === 0 && preview.problems.length === 0 ? (
        <p className="empty">No changes.</p>
      ) : null}
      {preview.changes.length > 0 ? (
        <ul>
          {preview.changes.map((change) => (
            <li key={change} data-testid="rules-change">
              {change}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
