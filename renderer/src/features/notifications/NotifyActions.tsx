// The Phone alerts screen's Apply bar, with what the core found: problems that keep the document from applying
// now, and after Apply that the settings are in force.
import { ApplyBar } from '../../components/ApplyBar';
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
      <ApplyBar
        prefix="notify"
        canApply={notify.canApply}
        pending={applying.pending}
        error={applying.error}
        dirty={notify.dirty}
        onApply={changes.apply}
        onDiscard={notify.discard}
      >
        {!notify.dirty && applied !== null ? (
          <span className="notify-test-ok" role="status" data-testid="notify-applied">
            Applied: the settings are in force.
          </span>
        ) : null}
      </ApplyBar>
    </>
  );
}
