// Apply (the core's refusal beside it when it fails), "Discard changes", and what the core found: problems that
// keep the document from applying now, and after Apply what it changed.
import type { NotifyDraft } from './use-notify-draft';

export function NotifyActions({ notify }: { notify: NotifyDraft }) {
  const { changes } = notify;
  const { applying, preview, applied } = changes;
  return (
    <>
      {(preview?.problems ?? []).map((problem) => (
        <p key={problem} className="note-bad" data-testid="notify-apply-problem">
          {problem}
        </p>
      ))}
      {applying.error !== null ? (
        <p className="note-bad" role="alert" data-testid="notify-apply-error">
          {applying.error}
        </p>
      ) : null}
      <div className="rule-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="notify-apply"
          disabled={!notify.canApply || applying.pending}
          onClick={changes.apply}
        >
          Apply changes
        </button>
        <button
          type="button"
          className="btn"
          data-testid="notify-discard"
          disabled={!notify.dirty}
          onClick={notify.discard}
        >
          Discard changes
        </button>
        {notify.dirty ? (
          <span className="note-warn" data-testid="notify-unapplied">
            Unapplied changes
          </span>
        ) : applied !== null ? (
          <span className="notify-test-ok" role="status" data-testid="notify-applied">
            Applied: the settings are in force.
          </span>
        ) : null}
      </div>
    </>
  );
}
