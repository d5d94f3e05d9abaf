// Above the rules: the config in force changed underneath unapplied edits (a file, a script, another window), or
// could not be read again. The edits stay until the trader discards them.
import type { RuleDraft } from './use-rule-draft';

export function DraftNotice({ ruleDraft }: { ruleDraft: RuleDraft }) {
  const { changedUnderneath, loadError, discard } = ruleDraft;
  if (loadError !== null)
    return (
      <p className="note-bad" role="alert" data-testid="rules-load-error">
        Could not read the rules in force again: {loadError}. Your edits are kept.
      </p>
    );
  if (!changedUnderneath) return null;
  return (
    <div className="rule-notice" role="status" data-testid="rules-changed-underneath">
      <span>
        The rules in force changed while you were editing. Your unapplied edits are kept; Apply would replace
        what is in force with them.
      </span>
      <button type="button" className="btn btn-small" data-testid="rules-load-in-force" onClick={discard}>
        Discard my edits and show what is in force
      </button>
    </div>
  );
}
